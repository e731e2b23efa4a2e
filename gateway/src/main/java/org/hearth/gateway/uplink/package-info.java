/**
 * Delivering the outbox to the shared care record: the {@link org.hearth.gateway.uplink.CareRecord} port and the
 * {@link org.hearth.gateway.uplink.OutboxDrainer} that drives it with Resilience4j (circuit breaker on the injected
 * clock, exponential backoff with jitter stored as each row's not-before). Acknowledgements: the {@link
 * org.hearth.gateway.uplink.Acknowledgements} port, polled by the {@link org.hearth.gateway.uplink.AcknowledgementPoller},
 * with the pure {@link org.hearth.gateway.uplink.TaskStatusMapping}; and the {@link
 * org.hearth.gateway.uplink.TaskEscalation} port. The FHIR adapter lives in {@code fhir}.
 */
package org.hearth.gateway.uplink;
