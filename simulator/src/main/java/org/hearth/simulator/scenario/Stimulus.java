package org.hearth.simulator.scenario;

import java.time.Instant;
import org.hearth.simulator.home.WearableSensor;

/**
 * One thing that happens at an instant of a simulated home: a sensor report, or a fault in the world around the
 * gateway.
 *
 * @param at     when
 * @param action what
 */
public record Stimulus(Instant at, Action action) {

    /** What happens. */
    public sealed interface Action {
        /** Whether this shows the resident doing something (the report's heatmap counts these). */
        default boolean isActivity() {
            return false;
        }

        /** The sensor it concerns, or empty for a world fault. */
        default String sensorId() {
            return "";
        }
    }

    /** A PIR reports occupancy (true: someone moved). */
    public record Motion(String sensorId, boolean occupied) implements Action {
        @Override
        public boolean isActivity() {
            return occupied;
        }
    }

    /** A contact opens or closes; either is someone's doing (the gateway counts both as activity). */
    public record Contact(String sensorId, boolean open) implements Action {
        @Override
        public boolean isActivity() {
            return true;
        }
    }

    /** A button press ({@code single}). */
    public record Press(String sensorId) implements Action {
        @Override
        public boolean isActivity() {
            return true;
        }
    }

    /** A smart plug's appliance switched on (drawing power) or off. */
    public record Plug(String sensorId, boolean on) implements Action {
        @Override
        public boolean isActivity() {
            return on;
        }
    }

    /** A pressure mat starts or stops carrying someone. */
    public record Mat(String sensorId, boolean occupied) implements Action {
        @Override
        public boolean isActivity() {
            return true;
        }
    }

    /** A battery report, with the sensor's own low flag. */
    public record Battery(String sensorId, int percent, boolean low) implements Action {}

    /**
     * A Zigbee device's periodic report (Aqara sensors about hourly, metering plugs every few minutes): Zigbee2MQTT
     * republishes the device's whole cached state, so it says again what the device last said. Proof of life, not
     * activity.
     */
    public record CheckIn(String sensorId) implements Action {}

    /** Zigbee2MQTT's availability of one device. */
    public record Availability(String sensorId, boolean online) implements Action {}

    /** The Zigbee2MQTT bridge's own state. */
    public record Bridge(boolean online) implements Action {}

    /** A radar event: {@code fall}, {@code motion}, {@code presence}, {@code no_presence}. */
    public record Radar(String sensorId, String type) implements Action {
        @Override
        public boolean isActivity() {
            return type.equals("motion");
        }
    }

    /** One batch of a worn accelerometer's samples. */
    public record Accel(String sensorId, WearableSensor.Batch batch) implements Action {}

    /** The gateway (and its embedded broker) stops and starts again on the same store. */
    public record GatewayRestart() implements Action {}

    /** The care record becomes unreachable ({@code down}) or reachable again. */
    public record Uplink(boolean down) implements Action {}
}
