package org.hearth.simulator.home;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.hearth.gateway.config.GatewayConfig;
import org.hearth.gateway.config.SensorKind;

/**
 * Makes simulated Zigbee devices keep the rhythm real ones keep: each sends a periodic report (battery, voltage, link
 * quality) at least every {@link #EVERY}, so a gateway that watches for silent sensors sees them alive however long
 * the virtual time runs. Sensors on Hearth topics (wearables, radars) are not Zigbee2MQTT devices and are left out.
 */
public final class DeviceReports {
    /** Twice a day: well inside Zigbee2MQTT's 25 h battery availability window. */
    public static final Duration EVERY = Duration.ofHours(12);

    private final Zigbee2MqttSensors sensors;
    private final List<String> names;
    private Instant last;

    /**
     * @param sensors the simulated bridge
     * @param config  the home's configuration, whose Zigbee sensors report
     * @param start   the virtual instant the devices last reported
     */
    public DeviceReports(Zigbee2MqttSensors sensors, GatewayConfig config, Instant start) {
        this.sensors = Objects.requireNonNull(sensors, "sensors");
        this.names = config.sensors().stream()
                .filter(s -> s.kind() != SensorKind.WEARABLE && s.kind() != SensorKind.RADAR)
                .map(GatewayConfig.Sensor::name).toList();
        this.last = start;
    }

    /**
     * Sends every device's report if {@link #EVERY} has passed since the last round.
     *
     * @param now the virtual time
     * @return how many reports were sent (0 if none was due)
     */
    public int sendIfDue(Instant now) throws MqttException {
        if (Duration.between(last, now).compareTo(EVERY) < 0) {
            return 0;
        }
        for (String name : names) {
            sensors.report(name);
        }
        last = now;
        return names.size();
    }
}
