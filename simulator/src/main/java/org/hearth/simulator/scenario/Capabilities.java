package org.hearth.simulator.scenario;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hearth.gateway.config.ConfigException;
import org.hearth.gateway.config.ConfigLoader;
import org.hearth.gateway.config.SensorKind;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.EventKind;

/**
 * What the gateway on the class path can do, found at run time so that scenarios for detectors not merged yet are
 * played and reported as pending instead of failing: its alert codes ({@code fall-detected}), the event kinds its
 * decoders produce ({@code event:RESIDENT_OK}), the sensor-health problems it reports ({@code health:BATTERY_LOW}),
 * its sensor kinds ({@code kind:plug}) and the config sections it
 * accepts ({@code config:warning}).
 */
public final class Capabilities {
    private final Set<String> names;

    public Capabilities(Collection<String> names) {
        this.names = Set.copyOf(names);
    }

    /** The capabilities of the gateway on the class path. */
    public static Capabilities ofThisGateway() {
        Set<String> n = new TreeSet<>();
        Arrays.stream(AlertType.values()).forEach(t -> n.add(t.code()));
        Arrays.stream(EventKind.values()).forEach(k -> n.add("event:" + k.name()));
        Arrays.stream(SensorKind.values()).forEach(k -> n.add("kind:" + k.name().toLowerCase(Locale.ROOT)));
        n.addAll(healthProblems());
        n.addAll(decodes());
        if (acceptsWarning()) {
            n.add("config:warning");
        }
        return new Capabilities(n);
    }

    /** Whether every one of {@code required} is here. */
    public boolean hasAll(List<String> required) {
        return names.containsAll(required);
    }

    /** Those of {@code required} that are missing. */
    public List<String> missing(List<String> required) {
        return required.stream().filter(r -> !names.contains(r)).toList();
    }

    public boolean has(String name) {
        return names.contains(name);
    }

    public Set<String> names() {
        return names;
    }

    /**
     * The sensor-health problems the rules can report ({@code health:BATTERY_LOW}, ...), read by name because the
     * sensor-health detector may not be on this class path yet.
     */
    private static Set<String> healthProblems() {
        Set<String> out = new TreeSet<>();
        try {
            Class<?> problem = Class.forName("org.hearth.rules.health.HealthProblem");
            for (Object c : problem.getEnumConstants()) {
                out.add("health:" + ((Enum<?>) c).name());
            }
        } catch (ClassNotFoundException | RuntimeException e) {
            // no sensor-health detector: its scenarios stay pending
        }
        return out;
    }

    /**
     * What this gateway's Zigbee2MQTT decoder makes of a low battery and of the bridge going offline
     * ({@code decodes:BATTERY_LOW}, {@code decodes:BRIDGE_OFFLINE}): rules that know a problem are no use until the
     * gateway feeds them.
     */
    private static Set<String> decodes() {
        var sensor = new org.hearth.gateway.config.GatewayConfig.Sensor("m", "m", SensorKind.MOTION, "hall",
                org.hearth.rules.model.SensorRole.MOTION);
        var decoder = new org.hearth.gateway.ingest.Zigbee2MqttDecoder("zigbee2mqtt", List.of(sensor));
        Set<String> out = new TreeSet<>();
        for (String[] probe : List.of(new String[] {"zigbee2mqtt/m", "{\"battery\":5,\"battery_low\":true}"},
                new String[] {"zigbee2mqtt/bridge/state", "{\"state\":\"offline\"}"})) {
            var d = decoder.decode(probe[0], probe[1].getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    java.time.Instant.EPOCH);
            if (d instanceof org.hearth.gateway.ingest.Decoded.Accepted a) {
                a.events().forEach(e -> out.add("decodes:" + e.kind().name()));
            }
        }
        return out;
    }

    /** The "I'm OK" warning exists when the config loader takes a {@code warning} section. */
    private static boolean acceptsWarning() {
        String yaml = """
                gateway: { id: probe }
                home: { id: probe, zone: Europe/London }
                resident: { nhs-number: "9990000018" }
                sensors: [ { id: b, kind: button } ]
                care-record: { base-url: "http://127.0.0.1:1/fhir", team-ods-code: X }
                warning: { enabled: true, ok-buttons: [ b ] }
                """;
        try {
            new ConfigLoader(Map.of()).parse(yaml);
            return true;
        } catch (ConfigException | RuntimeException e) {
            return false;
        }
    }
}
