package org.hearth.simulator.scenario;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.hearth.simulator.home.WearableSensor;

/**
 * Plays one home in real time against a separately running gateway: each stimulus is published to its broker when
 * its moment comes, the script's times moved to start now. World faults that need the simulator to own the gateway
 * or the care record (restart, uplink outage) cannot be played this way and are skipped.
 */
public final class RealTimePlayer {
    private final Clock clock;
    private final PrintWriter out;

    public RealTimePlayer(Clock clock, PrintWriter out) {
        this.clock = clock;
        this.out = out;
    }

    /** The script with its times moved so that the run starts at {@code now}; faults it cannot play are dropped. */
    public static HomeScript rebase(HomeScript script, Scenario scenario, Instant now) {
        Duration shift = Duration.between(RoutinePlanner.runStart(scenario), now);
        List<Stimulus> moved = new ArrayList<>();
        for (Stimulus s : script.stimuli()) {
            Stimulus.Action a = s.action();
            if (a instanceof Stimulus.GatewayRestart || a instanceof Stimulus.Uplink) {
                continue;
            }
            if (a instanceof Stimulus.Accel acc) {
                var b = acc.batch();
                a = new Stimulus.Accel(acc.sensorId(),
                        new WearableSensor.Batch(b.start().plus(shift), b.hz(), b.x(), b.y(), b.z()));
            }
            moved.add(new Stimulus(s.at().plus(shift), a));
        }
        List<Expectation> expectations = script.expectations().stream()
                .filter(e -> e.kind() != InjectionKind.BROKER_RESTART && e.kind() != InjectionKind.UPLINK_OUTAGE)
                .map(e -> new Expectation(e.label(), e.kind(), e.alert(), e.guarded(), e.from().plus(shift),
                        e.by().plus(shift), e.requires(), e.alsoExplains()))
                .toList();
        return new HomeScript(script.index(), script.seed(), script.home(), moved, expectations);
    }

    /** Publishes every stimulus of an already rebased script at its time; returns the number of messages. */
    public long play(HomeScript script, String brokerUri, String homeId) throws MqttException {
        long sent = 0;
        try (var publisher = new StimulusPublisher(brokerUri, "hearth-scenario-" + homeId, script.home(), homeId)) {
            for (Stimulus s : script.stimuli()) {
                waitUntil(s.at());
                sent += publisher.publish(s);
                if (sent % 50 == 0) {
                    out.println("scenario: " + sent + " messages published, last at " + s.at());
                    out.flush();
                }
            }
        }
        return sent;
    }

    private void waitUntil(Instant t) {
        while (clock.instant().isBefore(t)) {
            long ms = Math.min(1000, Duration.between(clock.instant(), t).toMillis());
            LockSupport.parkNanos(Math.max(1, ms) * 1_000_000L);
        }
    }
}
