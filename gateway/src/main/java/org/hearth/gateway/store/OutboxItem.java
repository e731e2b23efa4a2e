package org.hearth.gateway.store;

import org.hearth.rules.model.Alert;

/**
 * One delivery waiting for the care record.
 *
 * @param id row id
 * @param identifier the business identifier, minted once when the alert was stored; every attempt sends the same one
 * @param alert what to deliver
 * @param attempts attempts made so far
 */
public record OutboxItem(long id, String identifier, Alert alert, int attempts) {}
