package org.hearth.simulator.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scores a home's ground truth against what the care record received from its gateway. An expected alert is matched
 * to the first unmatched alert of its code raised from the expectation's start: by the deadline it is detected,
 * after it late. Further alerts of that code within the expectation's span belong to the same event and are not
 * false, nor are alerts of a code the expectation {@link Expectation#alsoExplains also explains} raised in its span.
 * Alerts nothing explains are false; the same identifier twice in the care record is a duplicate.
 */
public final class Scorer {
    private final Capabilities caps;

    public Scorer(Capabilities caps) {
        this.caps = caps;
    }

    public Score score(HomeRun home, Map<String, ReceivedAlert> all) {
        List<ReceivedAlert> mine = new ArrayList<>(all.values().stream()
                .filter(a -> a.gatewayId().equals(home.gatewayId())).toList());
        mine.sort(Comparator.comparing(ReceivedAlert::raisedAt));
        Set<String> used = new HashSet<>();
        List<Score.Outcome> outcomes = new ArrayList<>();
        List<ReceivedAlert> forbidden = new ArrayList<>();
        for (Expectation e : home.script().expectations()) {
            List<ReceivedAlert> inSpan = mine.stream()
                    .filter(a -> answers(e, a) && sameProblem(e, a) && !a.raisedAt().isBefore(e.from())
                            && !a.raisedAt().isAfter(e.by()) && !used.contains(a.identifier()))
                    .toList();
            List<String> missing = caps.missing(e.requires());
            if (!missing.isEmpty()) {
                inSpan.forEach(a -> used.add(a.identifier()));
                outcomes.add(new Score.Outcome(e, Score.Result.PENDING, inSpan.stream().findFirst(), missing));
                continue;
            }
            if (e.alert().isEmpty()) {
                inSpan.forEach(a -> used.add(a.identifier()));
                forbidden.addAll(inSpan);
                outcomes.add(new Score.Outcome(e, inSpan.isEmpty() ? Score.Result.DETECTED : Score.Result.VIOLATED,
                        inSpan.stream().findFirst(), List.of()));
                continue;
            }
            if (!inSpan.isEmpty()) {
                inSpan.forEach(a -> used.add(a.identifier()));
                outcomes.add(new Score.Outcome(e, Score.Result.DETECTED, Optional.of(inSpan.get(0)), List.of()));
                continue;
            }
            Optional<ReceivedAlert> late = mine.stream()
                    .filter(a -> answers(e, a) && sameProblem(e, a) && a.raisedAt().isAfter(e.by())
                            && !used.contains(a.identifier()))
                    .findFirst();
            late.ifPresent(a -> used.add(a.identifier()));
            outcomes.add(new Score.Outcome(e, late.isPresent() ? Score.Result.LATE : Score.Result.MISSED, late,
                    List.of()));
        }
        for (Expectation e : home.script().expectations()) { // after the matching: an expected alert comes first
            mine.stream().filter(a -> e.alsoExplains().contains(a.code()) && !a.raisedAt().isBefore(e.from())
                    && !a.raisedAt().isAfter(e.by())).forEach(a -> used.add(a.identifier()));
        }
        List<ReceivedAlert> falseAlerts = new ArrayList<>(forbidden);
        mine.stream().filter(a -> !used.contains(a.identifier())).forEach(falseAlerts::add);
        int duplicates = mine.stream().mapToInt(a -> a.copies() - 1).sum();
        return new Score(home, outcomes, falseAlerts, duplicates, mine);
    }

    /**
     * Whether an alert has the code an expectation is about. For an expected alert, one the event also explains
     * answers it too: the gateway raises one alert per episode, from whichever rule is due first (a collapse in the
     * bathroom may be reported as a far too long bathroom stay rather than as inactivity).
     */
    private static boolean answers(Expectation e, ReceivedAlert a) {
        return a.code().equals(e.code()) || (e.alert().isPresent() && e.alsoExplains().contains(a.code()));
    }

    /**
     * Monitoring-degraded alerts name their problem in the sensor part ({@code <sensor>/<problem>}): a dying battery,
     * a stuck sensor and a bridge outage in one home are three events, each explained only by its own problem.
     */
    private static boolean sameProblem(Expectation e, ReceivedAlert a) {
        String problem = switch (e.kind()) {
            case BATTERY_DYING -> "/battery-low";
            case STUCK_MOTION -> "/stuck-occupied";
            case BRIDGE_DOWN -> "/bridge-down";
            default -> null;
        };
        return problem == null || a.sensorId().endsWith(problem);
    }
}
