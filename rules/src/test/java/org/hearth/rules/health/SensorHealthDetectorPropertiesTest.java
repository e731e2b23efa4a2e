package org.hearth.rules.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.testing.Seeded;
import org.junit.jupiter.api.Test;

class SensorHealthDetectorPropertiesTest {
    private static final Instant T0 = Instant.parse("2026-10-24T00:00:00Z"); // spans the October clock change
    private static final List<String> SENSORS = List.of("a", "b", "c");
    private static final EventKind[] KINDS = {EventKind.MOTION, EventKind.NO_MOTION, EventKind.CONTACT_OPEN,
        EventKind.HEARTBEAT, EventKind.SENSOR_OFFLINE, EventKind.SENSOR_ONLINE, EventKind.BATTERY, EventKind.TAMPER,
        EventKind.BATTERY_LOW, EventKind.POWER_SOURCE, EventKind.BRIDGE_OFFLINE, EventKind.BRIDGE_ONLINE};
    private final SensorHealthDetector detector =
            new SensorHealthDetector(SENSORS, HealthPolicy.defaults(ZoneId.of("Europe/London")));

    @Test
    void extraTicksAndTheClockSteppingBackChangeNoAlertAndTheStateStaysBounded() {
        Seeded.forAll(40, 7_000L, random -> {
            List<SensorEvent> events = events(random);
            List<Alert> onGrid = run(events, random, false);
            List<Alert> withExtra = run(events, random, true);
            assertThat(withExtra).containsExactlyInAnyOrderElementsOf(onGrid);
            assertThat(onGrid).extracting(Alert::key).doesNotHaveDuplicates();
            assertThat(onGrid).allSatisfy(a -> assertThat(a.raisedAt()).isAfterOrEqualTo(a.onset()));
        });
    }

    /** Replays events (on whole minutes) with a tick every minute, and optionally extra ticks in between. */
    private List<Alert> run(List<SensorEvent> events, SplittableRandom random, boolean extra) {
        SensorHealthState state = SensorHealthState.initial();
        List<Alert> alerts = new ArrayList<>();
        int next = 0;
        Instant end = events.get(events.size() - 1).at().plus(Duration.ofHours(30));
        for (Instant t = T0; !t.isAfter(end); t = t.plusSeconds(60)) {
            while (next < events.size() && !events.get(next).at().isAfter(t)) {
                HealthStep step = detector.onEvent(state, events.get(next++));
                state = step.state();
                alerts.addAll(step.alerts());
            }
            HealthStep step = detector.onTick(state, t);
            state = step.state();
            alerts.addAll(step.alerts());
            if (extra && random.nextInt(20) == 0) {
                Instant odd = random.nextBoolean() ? t.plusSeconds(1 + random.nextInt(58))
                        : t.minusSeconds(60L * random.nextInt(120)); // the clock stepping back
                step = detector.onTick(state, odd);
                state = step.state();
                alerts.addAll(step.alerts());
            }
            assertThat(state.sensors().keySet()).isSubsetOf(SENSORS);
            assertThat(state.episodes()).hasSizeLessThanOrEqualTo(SENSORS.size() * HealthProblem.values().length + 1);
        }
        return alerts;
    }

    private static List<SensorEvent> events(SplittableRandom random) {
        List<SensorEvent> events = new ArrayList<>();
        Instant t = T0;
        int n = 20 + random.nextInt(200);
        for (int i = 0; i < n; i++) {
            t = t.plusSeconds(60L * (random.nextInt(10) == 0 ? random.nextInt(30 * 60) : random.nextInt(90)));
            EventKind kind = KINDS[random.nextInt(KINDS.length)];
            String sensor = kind == EventKind.BRIDGE_OFFLINE || kind == EventKind.BRIDGE_ONLINE
                    ? SensorHealthDetector.BRIDGE_ID : SENSORS.get(random.nextInt(SENSORS.size()));
            String detail = switch (kind) {
                case BATTERY -> String.valueOf(random.nextInt(101));
                case TAMPER, BATTERY_LOW -> String.valueOf(random.nextBoolean());
                case POWER_SOURCE -> random.nextBoolean() ? "mains" : "battery";
                default -> "";
            };
            events.add(new SensorEvent(sensor, kind, t, detail));
        }
        return events;
    }
}
