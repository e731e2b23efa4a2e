/**
 * Escalation of urgent alerts nobody takes on in time: the pure {@link org.hearth.gateway.escalation.EscalationPolicy},
 * the {@link org.hearth.gateway.escalation.Escalator} that applies it on the gateway's tick and carries each escalation
 * out once, and the {@link org.hearth.gateway.escalation.EscalationChannel} port of the local secondary channel.
 * Depends on ports only (store, uplink); the MQTT adapter lives in {@code mqtt}.
 */
package org.hearth.gateway.escalation;
