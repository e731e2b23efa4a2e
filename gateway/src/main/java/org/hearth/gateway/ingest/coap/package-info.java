/**
 * The CoAP ingest adapter (Eclipse Californium, Scandium for DTLS with a pre-shared key per sensor):
 * {@code POST /sensors/{id}} with the Hearth reading schema, {@code /.well-known/core}, and an Observe client for
 * sensors that expose their state as a resource. Thin: decoding, dedupe and storing are the core's
 * ({@link org.hearth.gateway.ingest.ReadingSink}). May not use the other adapters.
 */
package org.hearth.gateway.ingest.coap;
