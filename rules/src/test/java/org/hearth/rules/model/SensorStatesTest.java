package org.hearth.rules.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hearth.rules.testing.Seeded;
import org.junit.jupiter.api.Test;

class SensorStatesTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void aDoorCheckingInWithItsUnchangedStateIsAHeartbeatNotSomeoneClosingIt() {
        SensorStates states = SensorStates.none();
        SensorStates.Reading closed = states.read(SensorEvent.of("front-door", EventKind.CONTACT_CLOSED, T0));
        SensorStates.Reading checkIn = closed.states()
                .read(new SensorEvent("front-door", EventKind.CONTACT_CLOSED, T0.plusSeconds(3000), "x"));

        assertThat(closed.event().kind()).as("first report: nothing known before it").isEqualTo(EventKind.CONTACT_CLOSED);
        assertThat(checkIn.event()).isEqualTo(
                new SensorEvent("front-door", EventKind.HEARTBEAT, T0.plusSeconds(3000), "x"));
        assertThat(checkIn.states()).isEqualTo(closed.states());
    }

    @Test
    void aChangeOfStatePassesAndIsRemembered() {
        SensorStates.Reading occupied = SensorStates.none().read(SensorEvent.of("bed", EventKind.OCCUPIED, T0));
        SensorStates.Reading vacated = occupied.states().read(SensorEvent.of("bed", EventKind.VACATED, T0.plusSeconds(60)));
        SensorStates.Reading again = vacated.states().read(SensorEvent.of("bed", EventKind.OCCUPIED, T0.plusSeconds(120)));

        assertThat(vacated.event().kind()).isEqualTo(EventKind.VACATED);
        assertThat(again.event().kind()).isEqualTo(EventKind.OCCUPIED);
        assertThat(again.states().latest()).containsExactly(Map.entry("bed", EventKind.OCCUPIED));
    }

    @Test
    void motionAndOtherKindsAreNeverFiltered() {
        SensorStates states = SensorStates.none();
        for (EventKind kind : List.of(EventKind.MOTION, EventKind.MOTION, EventKind.BUTTON, EventKind.APPLIANCE_ON)) {
            SensorStates.Reading r = states.read(SensorEvent.of("s", kind, T0));
            assertThat(r.event().kind()).isEqualTo(kind);
            assertThat(r.states()).isSameAs(states);
        }
    }

    @Test
    void sensorsAreTrackedApart() {
        SensorStates states = SensorStates.none().read(SensorEvent.of("fridge", EventKind.CONTACT_CLOSED, T0)).states();

        assertThat(states.read(SensorEvent.of("front-door", EventKind.CONTACT_CLOSED, T0)).event().kind())
                .isEqualTo(EventKind.CONTACT_CLOSED);
    }

    @Test
    void nullMapReadsAsNothingKnownAndOtherKindsAreRefused() {
        assertThat(new SensorStates(null)).isEqualTo(SensorStates.none());
        assertThatIllegalArgumentException().isThrownBy(() -> new SensorStates(Map.of("s", EventKind.MOTION)));
    }

    /**
     * Whatever the order and repetition of reports, what passes is exactly the changes of each sensor's state, and
     * every report is either passed or turned into a heartbeat of the same sensor at the same instant.
     */
    @Test
    void onlyChangesPassForAnySequenceOfReports() {
        List<EventKind> kinds = List.of(EventKind.CONTACT_OPEN, EventKind.CONTACT_CLOSED, EventKind.OCCUPIED,
                EventKind.VACATED, EventKind.MOTION);
        Seeded.forAll(300, 1, random -> {
            SensorStates states = SensorStates.none();
            Map<String, EventKind> model = new HashMap<>();
            int n = random.nextInt(1, 60);
            for (int i = 0; i < n; i++) {
                String id = "s" + random.nextInt(3);
                SensorEvent e = SensorEvent.of(id, kinds.get(random.nextInt(kinds.size())), T0.plusSeconds(i));
                SensorStates.Reading r = states.read(e);
                states = r.states();
                boolean change = !SensorStates.isState(e.kind()) || model.put(id, e.kind()) != e.kind();
                assertThat(r.event()).isEqualTo(change ? e : new SensorEvent(id, EventKind.HEARTBEAT, e.at(), ""));
            }
            assertThat(states.latest()).isEqualTo(new java.util.TreeMap<>(model));
        });
    }
}
