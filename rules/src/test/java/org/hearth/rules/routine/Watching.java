package org.hearth.rules.routine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.SensorEvent;

/** Replays events through a {@link RoutineWatch}, ticked as a gateway would or only at the end. */
final class Watching {

    private Watching() {
    }

    /** Every event, with a tick every {@code every} from the first event, and one at {@code end}. */
    static List<Alert> ticked(RoutineWatch watch, List<SensorEvent> events, Instant end, Duration every) {
        List<Alert> alerts = new ArrayList<>();
        RoutineState s = RoutineState.initial();
        Instant now = events.get(0).at();
        int next = 0;
        while (!now.isAfter(end)) {
            while (next < events.size() && !events.get(next).at().isAfter(now)) {
                Outcome<RoutineState> o = watch.onEvent(s, events.get(next++));
                s = o.state();
                alerts.addAll(o.alerts());
            }
            Outcome<RoutineState> o = watch.onTick(s, now);
            s = o.state();
            alerts.addAll(o.alerts());
            now = now.plus(every);
        }
        while (next < events.size()) {
            Outcome<RoutineState> o = watch.onEvent(s, events.get(next++));
            s = o.state();
            alerts.addAll(o.alerts());
        }
        alerts.addAll(watch.onTick(s, end).alerts()); // the last tick of the loop may fall short of the end
        return alerts;
    }

    /** Every event in the order given, and one tick at {@code end}. */
    static List<Alert> untilEnd(RoutineWatch watch, List<SensorEvent> events, Instant end) {
        List<Alert> alerts = new ArrayList<>();
        RoutineState s = RoutineState.initial();
        for (SensorEvent e : events) {
            Outcome<RoutineState> o = watch.onEvent(s, e);
            s = o.state();
            alerts.addAll(o.alerts());
        }
        alerts.addAll(watch.onTick(s, end).alerts());
        return alerts;
    }
}
