package org.hearth.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hearth.rules.inactivity.InactivityPolicy;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;
import org.junit.jupiter.api.Test;

/**
 * Whole days across the 2026 UK clock changes, played through the engine with the default policy (09:00 3h,
 * 12:00 3h, 18:00 4h, 22:00 10h), ticked every five minutes as a gateway would, and again with no ticks at all.
 */
class RulesEngineClockChangeTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final RulesEngine engine = new RulesEngine(InactivityPolicy.ukDefault(LONDON));

    @Test
    void daysAcrossSpringForward() {
        List<SensorEvent> events = new ArrayList<>();
        // Saturday (GMT): up and about 08:00-21:00, then bed; no movement in the night.
        events.addAll(activity("2026-03-28T08:00:00Z", "2026-03-28T21:00:00Z", 20));
        // Sunday: the clocks went forward at 01:00Z. Up late at 08:30 BST; last seen in the kitchen 13:10 BST.
        events.addAll(activity("2026-03-29T07:30:00Z", "2026-03-29T12:10:00Z", 20));
        // Found and helped; active again 17:00-21:30 BST, then a quiet night.
        events.addAll(activity("2026-03-29T16:00:00Z", "2026-03-29T20:30:00Z", 15));

        List<Alert> alerts = playTickingEveryFiveMinutes(events, "2026-03-28T07:00:00Z", "2026-03-30T10:00:00Z");

        assertThat(alerts).extracting(Alert::type, Alert::onset, Alert::raisedAt).containsExactly(
                // 10 real hours after 21:00 GMT is 08:00 BST, before the morning band (09:00 BST = 08:00Z).
                tuple(AlertType.PROLONGED_INACTIVITY, at("2026-03-28T21:00:00Z"), at("2026-03-29T07:00:00Z")),
                // 13:10 BST + 3h in the afternoon band.
                tuple(AlertType.PROLONGED_INACTIVITY, at("2026-03-29T12:10:00Z"), at("2026-03-29T15:10:00Z")),
                // 21:30 BST + 10h = 07:30 BST on Monday.
                tuple(AlertType.PROLONGED_INACTIVITY, at("2026-03-29T20:30:00Z"), at("2026-03-30T06:30:00Z")));
        assertThat(alerts.get(0).evidence().explanation()).isEqualTo("No activity for 10h 00m since "
                + "2026-03-28 21:00 (motion in kitchen-motion); allowed 10h 00m in band 22:00-09:00 (Europe/London)");
        assertThat(playWithoutTicks(events, "2026-03-30T10:00:00Z")).isEqualTo(alerts);
    }

    @Test
    void daysAcrossFallBack() {
        List<SensorEvent> events = new ArrayList<>();
        // Saturday (BST): up and about 08:00-22:30 BST.
        events.addAll(activity("2026-10-24T07:00:00Z", "2026-10-24T21:30:00Z", 15));
        // Sunday: the clocks went back at 01:00Z. Up at 08:00 GMT, presses the help button at 10:00 GMT.
        events.addAll(activity("2026-10-25T08:00:00Z", "2026-10-25T12:00:00Z", 20));
        events.add(new SensorEvent("hall-button", EventKind.BUTTON, at("2026-10-25T10:00:00Z"), "single"));
        // Active again 15:30-21:00 GMT, then a quiet night.
        events.addAll(activity("2026-10-25T15:30:00Z", "2026-10-25T21:00:00Z", 15));
        events.sort((a, b) -> a.at().compareTo(b.at()));

        List<Alert> alerts = playTickingEveryFiveMinutes(events, "2026-10-24T06:00:00Z", "2026-10-26T10:00:00Z");

        assertThat(alerts).extracting(Alert::type, Alert::onset, Alert::raisedAt).containsExactly(
                // 22:30 BST + 10 real hours = 07:30 GMT: the 25 h day lets the night allowance run out first.
                tuple(AlertType.PROLONGED_INACTIVITY, at("2026-10-24T21:30:00Z"), at("2026-10-25T07:30:00Z")),
                tuple(AlertType.HELP_BUTTON, at("2026-10-25T10:00:00Z"), at("2026-10-25T10:00:00Z")),
                tuple(AlertType.PROLONGED_INACTIVITY, at("2026-10-25T12:00:00Z"), at("2026-10-25T15:00:00Z")),
                // 21:00 GMT is evening (4h) but night starts at 22:00 with 10h: due 07:00 GMT on Monday.
                tuple(AlertType.PROLONGED_INACTIVITY, at("2026-10-25T21:00:00Z"), at("2026-10-26T07:00:00Z")));
        assertThat(alerts.get(1).evidence().explanation())
                .isEqualTo("Help button pressed on hall-button at 10:00 (Europe/London)");
        assertThat(playWithoutTicks(events, "2026-10-26T10:00:00Z")).isEqualTo(alerts);
    }

    /** Motion in the kitchen every {@code everyMinutes} from {@code from} to {@code to} inclusive. */
    private static List<SensorEvent> activity(String from, String to, int everyMinutes) {
        List<SensorEvent> events = new ArrayList<>();
        for (Instant t = at(from); !t.isAfter(at(to)); t = t.plus(Duration.ofMinutes(everyMinutes))) {
            events.add(SensorEvent.of("kitchen-motion", EventKind.MOTION, t));
        }
        return events;
    }

    private List<Alert> playTickingEveryFiveMinutes(List<SensorEvent> events, String from, String to) {
        List<Alert> alerts = new ArrayList<>();
        EngineState state = EngineState.initial();
        int next = 0;
        for (Instant now = at(from); !now.isAfter(at(to)); now = now.plus(Duration.ofMinutes(5))) {
            while (next < events.size() && !events.get(next).at().isAfter(now)) {
                Step step = engine.onEvent(state, events.get(next++));
                state = step.state();
                alerts.addAll(step.alerts());
            }
            Step step = engine.onTick(state, now);
            state = step.state();
            alerts.addAll(step.alerts());
        }
        return alerts;
    }

    private List<Alert> playWithoutTicks(List<SensorEvent> events, String end) {
        List<Alert> alerts = new ArrayList<>();
        EngineState state = EngineState.initial();
        for (SensorEvent e : events) {
            Step step = engine.onEvent(state, e);
            state = step.state();
            alerts.addAll(step.alerts());
        }
        alerts.addAll(engine.onTick(state, at(end)).alerts());
        return alerts;
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
