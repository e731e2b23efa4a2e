package org.hearth.rules.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hearth.rules.engine.EngineState;
import org.hearth.rules.engine.RulesEngine;
import org.hearth.rules.engine.Step;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.SensorEvent;

/** Plays events through an engine as a gateway would, collecting alerts. */
public final class Replay {

    private final RulesEngine engine;
    private EngineState state;
    private final List<Alert> alerts = new ArrayList<>();

    public Replay(RulesEngine engine) {
        this(engine, EngineState.initial());
    }

    public Replay(RulesEngine engine, EngineState state) {
        this.engine = engine;
        this.state = state;
    }

    /** Applies the events in order, with no tick in between. */
    public Replay events(List<SensorEvent> events) {
        events.forEach(this::event);
        return this;
    }

    public Replay event(SensorEvent e) {
        return collect(engine.onEvent(state, e));
    }

    public Replay tick(Instant now) {
        return collect(engine.onTick(state, now));
    }

    /** Applies the events in order, ticking every {@code cadence} in between and on to {@code end}. */
    public Replay ticking(List<SensorEvent> events, Duration cadence, Instant end) {
        Instant now = events.isEmpty() ? end : events.get(0).at();
        int next = 0;
        while (!now.isAfter(end)) {
            while (next < events.size() && !events.get(next).at().isAfter(now)) {
                event(events.get(next++));
            }
            tick(now);
            now = now.plus(cadence);
        }
        while (next < events.size()) {
            event(events.get(next++));
        }
        return this;
    }

    private Replay collect(Step step) {
        state = step.state();
        alerts.addAll(step.alerts());
        return this;
    }

    public EngineState state() {
        return state;
    }

    public List<Alert> alerts() {
        return alerts;
    }
}
