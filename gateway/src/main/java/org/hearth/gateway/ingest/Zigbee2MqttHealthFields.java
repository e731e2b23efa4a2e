package org.hearth.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;

/**
 * Reads the health fields Zigbee2MQTT adds to most devices' states, each on its own: a bad one is turned away with its
 * reason (counted) while the message's good fields still count, because a sensor that misreports its voltage still
 * reports its motion. JSON {@code null} means absent (Zigbee2MQTT publishes null for a value it has not read yet).
 *
 * <ul>
 *   <li>{@code battery}: number, 0 to 100 (%), becomes a {@link EventKind#BATTERY} event, rounded;</li>
 *   <li>{@code battery_low}: boolean, becomes {@link EventKind#BATTERY_LOW};</li>
 *   <li>{@code tamper}: boolean, becomes {@link EventKind#TAMPER};</li>
 *   <li>{@code voltage}: number, 0 to 10,000 (mV), and {@code linkquality}: integer, 0 to 255: checked only (they
 *       prove the sensor alive but say nothing the rules use).</li>
 * </ul>
 */
final class Zigbee2MqttHealthFields {
    static final int MAX_VOLTAGE_MV = 10_000;
    static final int MAX_LINK_QUALITY = 255;

    private Zigbee2MqttHealthFields() {}

    /** Adds the health events of {@code state} to {@code events} and bad fields' reasons to {@code rejections}. */
    static void read(String sensorId, JsonNode state, Instant at, List<SensorEvent> events,
            List<RejectReason> rejections) {
        JsonNode battery = present(state, "battery");
        if (battery != null) {
            if (!battery.isNumber()) {
                rejections.add(RejectReason.WRONG_TYPE);
            } else if (!(battery.doubleValue() >= 0 && battery.doubleValue() <= 100)) {
                rejections.add(RejectReason.OUT_OF_RANGE);
            } else {
                events.add(new SensorEvent(sensorId, EventKind.BATTERY, at,
                        Long.toString(Math.round(battery.doubleValue()))));
            }
        }
        flag(sensorId, state, "battery_low", EventKind.BATTERY_LOW, at, events, rejections);
        flag(sensorId, state, "tamper", EventKind.TAMPER, at, events, rejections);
        range(state, "voltage", MAX_VOLTAGE_MV, false, rejections);
        range(state, "linkquality", MAX_LINK_QUALITY, true, rejections);
    }

    /** The field, or null if it is missing or JSON null. */
    static JsonNode present(JsonNode state, String field) {
        JsonNode n = state.get(field);
        return n == null || n.isNull() ? null : n;
    }

    private static void flag(String sensorId, JsonNode state, String field, EventKind kind, Instant at,
            List<SensorEvent> events, List<RejectReason> rejections) {
        JsonNode n = present(state, field);
        if (n == null) {
            return;
        }
        if (!n.isBoolean()) {
            rejections.add(RejectReason.WRONG_TYPE);
            return;
        }
        events.add(new SensorEvent(sensorId, kind, at, Boolean.toString(n.booleanValue())));
    }

    private static void range(JsonNode state, String field, int max, boolean integral, List<RejectReason> rejections) {
        JsonNode n = present(state, field);
        if (n == null) {
            return;
        }
        if (!n.isNumber() || (integral && !n.canConvertToExactIntegral())) {
            rejections.add(RejectReason.WRONG_TYPE);
        } else if (!(n.doubleValue() >= 0 && n.doubleValue() <= max)) {
            rejections.add(RejectReason.OUT_OF_RANGE);
        }
    }
}
