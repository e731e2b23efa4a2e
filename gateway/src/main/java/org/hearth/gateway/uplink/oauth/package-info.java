/**
 * Access tokens for the care record: a fixed bearer token, or OAuth2 client credentials with a JWT assertion signed
 * by the gateway's own key (SMART Backend Services, the NHS signed-JWT pattern). Knows HTTP and JSON only: no FHIR,
 * no SQLite.
 */
package org.hearth.gateway.uplink.oauth;
