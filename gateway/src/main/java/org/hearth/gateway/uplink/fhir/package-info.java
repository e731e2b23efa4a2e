/**
 * FHIR R4 adapter for the care-record port: builds one transaction Bundle per alert (Patient, gateway Device,
 * Observation, Task, each a conditional create on its business identifier) with Jackson, and posts it with the JDK
 * HTTP client. Hand-built JSON keeps the gateway small; CI parses every bundle with HAPI and posts it to a real HAPI
 * JPA server. {@link org.hearth.gateway.uplink.fhir.FhirTasks} polls the Tasks' statuses and marks a Task escalated.
 */
package org.hearth.gateway.uplink.fhir;
