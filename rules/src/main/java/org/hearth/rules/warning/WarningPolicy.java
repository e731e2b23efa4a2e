package org.hearth.rules.warning;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;

/**
 * Which alerts are preceded by a local warning, how long the resident has to answer each, and which button presses
 * are an answer.
 *
 * @param windows   the answer window per alert type; a type not listed is never warned about (stored as an immutable
 *                  copy)
 * @param okButtons the sensor ids of the buttons whose presses answer a warning (sorted, immutable)
 * @param okActions the button actions that answer, e.g. {@code single}; empty means any action (sorted, immutable)
 */
public record WarningPolicy(Map<AlertType, Duration> windows, Set<String> okButtons, Set<String> okActions) {

    /** Default window before a prolonged-inactivity alert: time to get to the button from another room. */
    public static final Duration DEFAULT_INACTIVITY_WINDOW = Duration.ofMinutes(5);

    /** Default window before a fall alert: short, because a fallen person must not wait long for help. */
    public static final Duration DEFAULT_FALL_WINDOW = Duration.ofSeconds(60);

    /** The longest window allowed: a warning must never hold an alert back for long. */
    public static final Duration MAX_WINDOW = Duration.ofMinutes(30);

    /**
     * Validates the policy and copies its parts.
     *
     * @param windows see the record description
     * @param okButtons see the record description
     * @param okActions see the record description
     * @throws NullPointerException     if a part, a key or a value is null
     * @throws IllegalArgumentException if a window is not longer than zero or longer than {@link #MAX_WINDOW}, or
     *                                  is given for a type that never allows a warning (see {@link #mayWarn})
     */
    public WarningPolicy {
        Objects.requireNonNull(windows, "windows");
        EnumMap<AlertType, Duration> copy = new EnumMap<>(AlertType.class);
        windows.forEach((type, window) -> {
            Objects.requireNonNull(type, "alert type");
            Objects.requireNonNull(window, "window");
            if (!mayWarn(type)) {
                throw new IllegalArgumentException(type.code() + " alerts never allow a warning");
            }
            if (window.isZero() || window.isNegative() || window.compareTo(MAX_WINDOW) > 0) {
                throw new IllegalArgumentException("warning window must be longer than zero and at most " + MAX_WINDOW);
            }
            copy.put(type, window);
        });
        windows = Collections.unmodifiableMap(copy);
        okButtons = Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(okButtons, "okButtons")));
        okActions = Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(okActions, "okActions")));
    }

    /**
     * The default windows: {@link #DEFAULT_INACTIVITY_WINDOW} before prolonged inactivity, {@link #DEFAULT_FALL_WINDOW}
     * before wearable and radar falls; none before prolonged absence (the resident is most likely out, where a speaker
     * at home cannot reach them).
     *
     * @param okButtons see the record description
     * @param okActions see the record description
     * @return the policy
     */
    public static WarningPolicy defaults(Set<String> okButtons, Set<String> okActions) {
        return new WarningPolicy(defaultWindows(), okButtons, okActions);
    }

    /**
     * The default windows of {@link #defaults}.
     *
     * @return a new, modifiable map
     */
    public static Map<AlertType, Duration> defaultWindows() {
        EnumMap<AlertType, Duration> windows = new EnumMap<>(AlertType.class);
        windows.put(AlertType.PROLONGED_INACTIVITY, DEFAULT_INACTIVITY_WINDOW);
        windows.put(AlertType.FALL_WEARABLE, DEFAULT_FALL_WINDOW);
        windows.put(AlertType.FALL_RADAR, DEFAULT_FALL_WINDOW);
        return windows;
    }

    /**
     * Whether alerts of a type may ever be preceded by a warning. Never a help-button alert (the resident has asked for
     * help; asking them whether they are all right would only delay it) nor monitoring degraded (nothing the resident
     * can answer: it is for the installer).
     *
     * @param type the alert type
     * @return false for {@link AlertType#HELP_BUTTON} and {@link AlertType#MONITORING_DEGRADED}
     */
    public static boolean mayWarn(AlertType type) {
        return type != AlertType.HELP_BUTTON && type != AlertType.MONITORING_DEGRADED;
    }

    /**
     * The answer window before alerts of a type.
     *
     * @param type the alert type
     * @return the window; empty if such alerts are raised without a warning
     */
    public Optional<Duration> windowFor(AlertType type) {
        return Optional.ofNullable(windows.get(type));
    }

    /**
     * Whether an event is a press of an "I'm OK" button with an answering action. Whether it answers anything depends
     * on a warning being pending, see {@link WarningStage#answerOf}.
     *
     * @param e the event
     * @return true for a {@link EventKind#BUTTON} event of one of {@link #okButtons} with one of {@link #okActions}
     */
    public boolean isOkPress(SensorEvent e) {
        return e.kind() == EventKind.BUTTON && okButtons.contains(e.sensorId())
                && (okActions.isEmpty() || okActions.contains(e.detail()));
    }
}
