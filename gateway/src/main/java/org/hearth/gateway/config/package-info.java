/**
 * The gateway's one YAML configuration, bound to validated records. The loader reports every problem at once, each
 * with its dotted key, and never echoes a value (values may be secrets or personal data). May depend on Jackson and
 * the rules model; nothing else.
 */
package org.hearth.gateway.config;
