package org.hearth.rules.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.Evidence;
import org.hearth.rules.model.SensorEvent;

/**
 * Monitoring degraded: judges whether each configured sensor, and the Zigbee bridge, can still see, and raises one
 * {@link AlertType#MONITORING_DEGRADED} alert (routine: for the installer, not an emergency) per episode of each
 * sensor's {@link HealthProblem}, with its evidence. An episode ends when the sensor recovers; a later episode alerts
 * again.
 *
 * <ul>
 *   <li>{@link HealthProblem#OFFLINE}: availability offline for longer than {@link HealthPolicy#offlineGrace()}.
 *       Any later message from the sensor (or "online") ends it.</li>
 *   <li>{@link HealthProblem#BRIDGE_DOWN}: the bridge's state offline for longer than the same grace. While the
 *       bridge is down no new per-sensor offline, silent or stuck episode starts: one cause, one alert.</li>
 *   <li>{@link HealthProblem#SILENT}: nothing heard for longer than {@link SensorWatch#silenceLimit}: a multiple of
 *       the sensor's own longest gap between messages, within floors by power source and a 25 h cap (the cap until
 *       two days of its rhythm are learnt). Counted from its last message, the detector's start or the bridge's
 *       return, whichever is latest; not judged while the sensor is offline (that episode covers it).</li>
 *   <li>{@link HealthProblem#STUCK_OCCUPIED}: a motion sensor says occupied for longer than
 *       {@link SensorWatch#stuckLimit} (a multiple of its longest normal spell, at least 2 h) <em>and</em> another
 *       sensor then shows the resident doing something elsewhere. Without that proof a long spell may be someone
 *       sitting in the room, so it is not called stuck.</li>
 *   <li>{@link HealthProblem#BATTERY_LOW}: below 20 % or the sensor's own low flag; cleared only from 30 %.</li>
 *   <li>{@link HealthProblem#TAMPERED}: the tamper switch open, until it closes.</li>
 * </ul>
 *
 * <p>Pure and deterministic: the alert's onset is when the problem began and its {@code raisedAt} when the threshold
 * was crossed (for stuck: the other sensor's activity), however often or late it was ticked. Only instants are
 * compared, and an episode ends only when its condition changes, never because the clock stepped back.
 */
public final class SensorHealthDetector {
    /** The sensor id of the Zigbee bridge's events ({@link EventKind#BRIDGE_ONLINE}, {@link EventKind#BRIDGE_OFFLINE}). */
    public static final String BRIDGE_ID = "zigbee2mqtt-bridge";

    private final SortedSet<String> sensorIds;
    private final HealthPolicy policy;
    /** Presence sensors (radars): "occupied" for hours is someone sitting still in view, never a stuck sensor. */
    private final java.util.Set<String> presenceSensors;

    /**
     * A detector for the given sensors.
     *
     * @param sensorIds the configured sensors' ids; events of any other sensor are ignored (this bounds the state)
     * @param policy    the thresholds
     */
    public SensorHealthDetector(Collection<String> sensorIds, HealthPolicy policy) {
        this(sensorIds, java.util.Set.of(), policy);
    }

    /**
     * A detector for the given sensors, some of which sense presence rather than motion.
     *
     * @param sensorIds       the configured sensors' ids; events of any other sensor are ignored
     * @param presenceSensors the ids of presence sensors (radars), which are never judged stuck on "occupied"
     * @param policy          the thresholds
     */
    public SensorHealthDetector(Collection<String> sensorIds, Collection<String> presenceSensors, HealthPolicy policy) {
        this.sensorIds = new TreeSet<>(sensorIds);
        this.sensorIds.remove(BRIDGE_ID);
        this.presenceSensors = java.util.Set.copyOf(presenceSensors);
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * The policy in use.
     *
     * @return the thresholds
     */
    public HealthPolicy policy() {
        return policy;
    }

    /**
     * Takes in one event, then judges the home at the event's instant.
     *
     * @param state the current state
     * @param e     any event; those of unconfigured sensors are ignored
     * @return the new state and any alerts
     */
    public HealthStep onEvent(SensorHealthState state, SensorEvent e) {
        SensorHealthState s = state.withStart(e.at());
        boolean bridge = e.sensorId().equals(BRIDGE_ID);
        if (bridge) {
            if (e.kind() == EventKind.BRIDGE_OFFLINE) {
                s = s.withBridge(SensorWatch.earliest(s.bridgeDownSince(), e.at()), s.bridgeBackAt(), e);
            } else if (e.kind() == EventKind.BRIDGE_ONLINE) {
                Instant back = s.bridgeDownSince() == null ? s.bridgeBackAt() : SensorWatch.latest(s.bridgeBackAt(), e.at());
                s = s.withBridge(null, back, e);
            }
        } else if (sensorIds.contains(e.sensorId())) {
            s = s.withWatch(e.sensorId(), s.watch(e.sensorId()).observe(e, policy, s.bridgeDownSince() != null));
        } else {
            return new HealthStep(s, List.of());
        }
        // A sensor's event can change only its own problems, and the stuck ones its activity proves; the bridge's
        // change every sensor's. Judging only those keeps a message's cost independent of the home's size.
        SensorHealthState judged = s;
        return judge(s, e.at(), bridge ? null
                : id -> id.equals(e.sensorId()) || judged.watch(id).occupiedSince() != null);
    }

    /**
     * Judges the home at {@code now}.
     *
     * @param state the current state
     * @param now   the current instant
     * @return the new state and any alerts
     */
    public HealthStep onTick(SensorHealthState state, Instant now) {
        return judge(state.withStart(now), now, null);
    }

    /**
     * When the next problem will have lasted long enough to alert, if nothing changes.
     *
     * @param state the current state
     * @return the earliest such instant, or empty
     */
    public Optional<Instant> nextDeadline(SensorHealthState state) {
        return checks(state, null).stream().filter(c -> !state.episodes().containsKey(Episode.key(c.sensorId, c.problem)))
                .filter(c -> !c.suppressed && c.raisedAt != null).map(c -> c.raisedAt).min(Instant::compareTo);
    }

    /**
     * The open, alerted problems that blind a sensor (offline, bridge down, silent, stuck), oldest first.
     *
     * @param state the current state
     * @return the episodes
     */
    public static List<Episode> blinding(SensorHealthState state) {
        return state.episodes().values().stream().filter(e -> e.problem().blinds())
                .sorted((a, b) -> a.since().compareTo(b.since())).toList();
    }

    /** Judges the bridge and the sensors {@code only} accepts (all if null). */
    private HealthStep judge(SensorHealthState s, Instant now, Predicate<String> only) {
        TreeMap<String, Episode> episodes = new TreeMap<>(s.episodes());
        List<Alert> alerts = new ArrayList<>();
        for (Check c : checks(s, only)) {
            String key = Episode.key(c.sensorId, c.problem);
            Episode open = episodes.get(key);
            if (open != null && c.recovered(open, s)) {
                episodes.remove(key);
                open = null;
            }
            if (open == null && c.since != null && c.raisedAt != null && !c.suppressed && !now.isBefore(c.raisedAt)) {
                episodes.put(key, new Episode(c.sensorId, c.problem, c.since, c.raisedAt));
                alerts.add(alert(c));
            }
        }
        // Episodes of sensors no longer configured end too, so the state stays bounded.
        episodes.values().removeIf(e -> !e.sensorId().equals(BRIDGE_ID) && !sensorIds.contains(e.sensorId()));
        SensorHealthState next = episodes.equals(s.episodes()) ? s : s.withEpisodes(episodes);
        return new HealthStep(next, alerts);
    }

    private List<Check> checks(SensorHealthState s, Predicate<String> only) {
        List<Check> checks = new ArrayList<>();
        boolean bridgeDown = s.bridgeDownSince() != null;
        Instant bridgeSince = s.bridgeDownSince();
        checks.add(new Check(BRIDGE_ID, HealthProblem.BRIDGE_DOWN, bridgeSince,
                bridgeSince == null ? null : bridgeSince.plus(policy.offlineGrace()), false, policy.offlineGrace(),
                s.bridgeEvent()));
        LatestActivity latest = LatestActivity.of(s, sensorIds);
        for (String id : sensorIds) {
            if (only != null && !only.test(id)) {
                continue;
            }
            SensorWatch w = s.watch(id);
            boolean offline = w.offlineSince() != null;
            // A sensor still offline once the bridge is back gets its grace from the bridge's return.
            Instant offSince = offline ? SensorWatch.latest(w.offlineSince(), s.bridgeBackAt()) : null;
            checks.add(new Check(id, HealthProblem.OFFLINE, offSince,
                    offline ? offSince.plus(policy.offlineGrace()) : null, bridgeDown, policy.offlineGrace(),
                    w.lastEvent()));
            Instant quietSince = SensorWatch.latest(SensorWatch.latest(w.lastSeen(), s.startedAt()), s.bridgeBackAt());
            Duration limit = w.silenceLimit(policy);
            checks.add(new Check(id, HealthProblem.SILENT, quietSince, quietSince == null ? null : quietSince.plus(limit),
                    bridgeDown || offline, limit, w.lastEvent()));
            checks.add(stuck(latest, id, w, bridgeDown || offline));
            checks.add(new Check(id, HealthProblem.BATTERY_LOW, w.batteryLowSince(), w.batteryLowSince(), false,
                    Duration.ZERO, w.lastEvent()));
            checks.add(new Check(id, HealthProblem.TAMPERED, w.tamperedSince(), w.tamperedSince(), false,
                    Duration.ZERO, w.lastEvent()));
        }
        return checks;
    }

    /** Stuck once another sensor shows activity after the spell's limit: raised at that activity. */
    private Check stuck(LatestActivity latest, String id, SensorWatch w, boolean suppressed) {
        Instant since = presenceSensors.contains(id) ? null : w.occupiedSince();
        Duration limit = w.stuckLimit(policy);
        Instant proof = null;
        if (since != null) {
            Instant act = latest.excluding(id);
            if (act != null && act.isAfter(since.plus(limit))) {
                proof = act;
            }
        }
        return new Check(id, HealthProblem.STUCK_OCCUPIED, since, proof, suppressed, limit, w.lastEvent());
    }

    /**
     * The latest activity of any sensor and the latest of any other than that one, found once per judgement: the
     * proof a stuck sensor needs is the latest activity elsewhere. Looking it up sensor by sensor made every event
     * cost the square of the number of sensors (the hot spot of ingest with 200 sensors).
     */
    private record LatestActivity(String firstId, Instant first, Instant second) {
        static LatestActivity of(SensorHealthState s, Collection<String> ids) {
            String firstId = null;
            Instant first = null;
            Instant second = null;
            for (String id : ids) {
                Instant act = s.watch(id).lastActivity();
                if (act == null) {
                    continue;
                }
                if (first == null || act.isAfter(first)) {
                    second = first;
                    first = act;
                    firstId = id;
                } else if (second == null || act.isAfter(second)) {
                    second = act;
                }
            }
            return new LatestActivity(firstId, first, second);
        }

        /** The latest activity of any sensor but {@code id}. */
        Instant excluding(String id) {
            return id.equals(firstId) ? second : first;
        }
    }

    private Alert alert(Check c) {
        List<SensorEvent> events = c.evidence == null ? List.of() : List.of(c.evidence);
        Duration observed = Duration.between(c.since, c.raisedAt);
        String text = HealthExplanations.of(c.sensorId, c.problem, c.since, c.raisedAt, c.threshold, policy);
        Evidence evidence = new Evidence(events, "health." + c.problem.code(), c.threshold, observed, text);
        // The problem is part of the alert's sensor reference, so two problems of one sensor with the same onset
        // (battery low and tampered in one message) mint two business identifiers, not one.
        return new Alert(AlertType.MONITORING_DEGRADED, Episode.key(c.sensorId, c.problem), c.since, c.raisedAt,
                evidence);
    }

    /**
     * One problem of one sensor as it stands.
     *
     * @param since      when the condition began, or null if it does not hold
     * @param raisedAt   when it becomes alert-worthy, or null if not (yet) proven
     * @param suppressed whether a wider problem (bridge down, sensor offline) already covers it
     */
    private record Check(String sensorId, HealthProblem problem, Instant since, Instant raisedAt, boolean suppressed,
            Duration threshold, SensorEvent evidence) {

        boolean recovered(Episode open, SensorHealthState s) {
            if (problem == HealthProblem.SILENT) {
                Instant lastSeen = s.watch(sensorId).lastSeen();
                return lastSeen != null && lastSeen.isAfter(open.since());
            }
            return since == null || !since.equals(open.since());
        }
    }
}
