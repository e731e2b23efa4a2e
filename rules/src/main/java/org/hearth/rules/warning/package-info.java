/**
 * The staged local warning with an "I'm OK" answer: a stage between detection and alert.
 *
 * <p>When a rule raises an alert of a type whose {@link org.hearth.rules.warning.WarningPolicy} allows a warning
 * (prolonged inactivity, falls), the {@link org.hearth.rules.warning.WarningStage} holds it back as a
 * {@link org.hearth.rules.warning.PendingWarning} and asks the gateway to warn the resident locally. A press of a
 * configured "I'm OK" button within the window ({@link org.hearth.rules.model.EventKind#RESIDENT_OK}) cancels it (a
 * {@link org.hearth.rules.warning.CancelledWarning}, kept and summarised, never sent upstream); at the deadline the
 * alert is raised with the same identifier and evidence, plus a note that nobody answered. Help-button and
 * monitoring-degraded alerts are never held back.
 *
 * <p>Only the explicit answer cancels: other activity (motion, doors) does not, because a pet, a visitor or a resident
 * crawling after a fall moves sensors too; only someone pressing their button has said they are all right.
 *
 * <p>State ({@link org.hearth.rules.warning.WarningState}) is an immutable, bounded value the gateway snapshots with
 * the rules' other state; deadlines are instants, so a restart or a clock change moves none of them.
 *
 * <p>Depends on: {@code java.base} and {@link org.hearth.rules.model}. No I/O, threads, clock or logging.
 */
package org.hearth.rules.warning;
