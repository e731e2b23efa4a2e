package org.hearth.rules.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.rules.testing.TestHome.LAYOUT;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hearth.rules.engine.EngineState;
import org.hearth.rules.engine.RulesEngine;
import org.hearth.rules.inactivity.RoutinePolicy;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.routine.RoutineState;
import org.hearth.rules.routine.RoutineWatch;
import org.hearth.rules.routine.RoutineWatchPolicy;
import org.hearth.rules.testing.Generators;
import org.hearth.rules.testing.Seeded;
import org.junit.jupiter.api.Test;

/**
 * The rules engine and the routine detectors run together as the gateway runs them: whatever the days, one quiet
 * spell raises at most one alert about the resident being still or unseen too long, from whichever rule is due first.
 */
class OneEpisodeOneAlertTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Set<AlertType> SILENCE = Set.of(AlertType.PROLONGED_INACTIVITY, AlertType.PROLONGED_ABSENCE,
            AlertType.BED_EXIT_NO_RETURN, AlertType.BATHROOM_DWELL);

    private final RulesEngine engine = new RulesEngine(LAYOUT, RoutinePolicy.ukDefault(LONDON));
    private final RoutineWatch watch = new RoutineWatch(LAYOUT, RoutineWatchPolicy.ukDefault(LONDON));

    @Test
    void betweenTwoSilenceAlertsTheResidentDidSomething() {
        int[] silenceAlerts = {0};
        Seeded.forAll(60, 31_000, random -> {
            LocalDate first = LocalDate.of(2026, 1, 5).plusDays(random.nextInt(0, 360));
            List<SensorEvent> events = Generators.residentDays(random, first, random.nextInt(2, 14), LONDON);
            Instant end = events.get(events.size() - 1).at().plus(Duration.ofHours(16));
            List<Alert> alerts = replay(events, end, Duration.ofMinutes(random.nextInt(1, 6))).stream()
                    .filter(a -> SILENCE.contains(a.type())).toList();
            silenceAlerts[0] += alerts.size();
            for (int i = 1; i < alerts.size(); i++) {
                Instant previous = alerts.get(i - 1).raisedAt();
                Instant next = alerts.get(i).raisedAt();
                assertThat(events).as("activity between %s and %s", alerts.get(i - 1), alerts.get(i))
                        .anyMatch(e -> e.kind().isActivity() && e.at().isAfter(previous) && !e.at().isAfter(next));
            }
        });
        assertThat(silenceAlerts[0]).as("the days must raise silence alerts for the property to mean anything")
                .isGreaterThan(60);
    }

    /** Through {@link SilenceRules}, as the gateway's home monitor steps them. */
    private List<Alert> replay(List<SensorEvent> events, Instant end, Duration every) {
        SilenceRules rules = new SilenceRules(engine, watch);
        List<Alert> alerts = new ArrayList<>();
        EngineState s = EngineState.initial();
        RoutineState r = RoutineState.initial();
        int next = 0;
        for (Instant now = events.get(0).at(); !now.isAfter(end); now = now.plus(every)) {
            while (next < events.size() && !events.get(next).at().isAfter(now)) {
                SilenceRules.Result step = rules.onEvent(s, r, events.get(next++));
                s = step.engine();
                r = step.routine();
                alerts.addAll(step.alerts());
            }
            SilenceRules.Result step = rules.onTick(s, r, now);
            s = step.engine();
            r = step.routine();
            alerts.addAll(step.alerts());
        }
        return alerts;
    }
}
