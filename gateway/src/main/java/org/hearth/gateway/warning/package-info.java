/**
 * The local side of the staged warning: publishing each warning the rules' warning stage gives to the home's sounder or
 * speaker, retried until it is published or its deadline has passed, and recorded. The decision (what to warn about,
 * who may answer, when the alert goes anyway) is pure, in {@code org.hearth.rules.warning}; the MQTT adapter is in
 * {@code warning.mqtt}.
 *
 * <p>Depends on: {@code org.hearth.gateway.store} and {@code org.hearth.rules}; no adapter technology.
 */
package org.hearth.gateway.warning;
