package org.hearth.gateway.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hearth.rules.inactivity.InactivityPolicy;
import org.hearth.rules.model.HomeLayout;
import org.hearth.rules.model.SensorRole;
import org.hearth.rules.summary.Measure;

/**
 * The whole, validated gateway configuration. Built only by {@link ConfigLoader}, so every instance is valid.
 *
 * @param gatewayId stable id of this gateway, part of every business identifier it mints
 * @param home the home this gateway watches
 * @param resident who lives there; the NHS number is personal data and is never logged
 * @param sensors the sensors of the home, by Zigbee2MQTT friendly name
 * @param mqtt the broker to ingest from
 * @param store where the SQLite file lives
 * @param inactivity the clinician-set allowance of silence per local time band
 * @param careRecord the shared care record (FHIR R4) alerts go to
 * @param tickInterval how often silence-based rules are evaluated against the clock
 * @param escalation what happens when a stat alert is not taken on in time
 * @param summaries which daily-summary measures may leave the home, and how fast summaries are sent
 */
public record GatewayConfig(
        String gatewayId,
        Home home,
        Resident resident,
        List<Sensor> sensors,
        Mqtt mqtt,
        Store store,
        InactivityPolicy inactivity,
        CareRecord careRecord,
        Duration tickInterval,
        Escalation escalation,
        Summaries summaries) {

    public GatewayConfig {
        sensors = List.copyOf(sensors);
        summaries = summaries == null ? Summaries.defaults() : summaries;
    }

    /** A config with the default summary settings (all measures shared, 10 summary bundles a minute). */
    public GatewayConfig(String gatewayId, Home home, Resident resident, List<Sensor> sensors, Mqtt mqtt, Store store,
            InactivityPolicy inactivity, CareRecord careRecord, Duration tickInterval, Escalation escalation) {
        this(gatewayId, home, resident, sensors, mqtt, store, inactivity, careRecord, tickInterval, escalation,
                Summaries.defaults());
    }

    /** The home: an id and the time zone its time-of-day rules use. */
    public record Home(String id, ZoneId zone) {}

    /** The resident, identified to the care record by NHS number. */
    public record Resident(String nhsNumber) {
        @Override
        public String toString() {
            return "Resident[nhsNumber=<redacted>]";
        }
    }

    /**
     * One sensor.
     *
     * @param id Hearth's id, used in alerts and evidence
     * @param name the Zigbee2MQTT friendly name (topic {@code zigbee2mqtt/<name>})
     * @param kind what it senses
     * @param room where it is, e.g. kitchen
     * @param role what it is for (bed mat, front door, kettle plug...), which gives the rules their context
     */
    public record Sensor(String id, String name, SensorKind kind, String room, SensorRole role) {

        /** A sensor whose role is the usual one for its kind ({@link SensorKind#defaultRole()}). */
        public Sensor(String id, String name, SensorKind kind, String room) {
            this(id, name, kind, room, kind == null ? SensorRole.OTHER : kind.defaultRole());
        }
    }

    /**
     * The home's layout as the rules see it: every sensor's role and room.
     *
     * @return the layout of the configured sensors
     */
    public HomeLayout layout() {
        HomeLayout layout = HomeLayout.empty();
        for (Sensor sensor : sensors) {
            layout = layout.with(sensor.id(), sensor.role(), Rooms.of(sensor.room()));
        }
        return layout;
    }

    /**
     * The MQTT side.
     *
     * @param broker {@code embedded} for the in-process broker, or a {@code tcp://host:port} URI of an external one
     * @param embeddedHost where the embedded broker listens
     * @param embeddedPort its port (0 picks a free one)
     * @param clientId the gateway's MQTT client id; fixed, so the broker keeps its session while it restarts
     * @param topicPrefix the Zigbee2MQTT base topic
     * @param username optional broker user
     * @param password optional broker password (prefer {@code ${ENV}})
     */
    public record Mqtt(
            String broker,
            String embeddedHost,
            int embeddedPort,
            String clientId,
            String topicPrefix,
            Optional<String> username,
            Optional<String> password) {

        public boolean embedded() {
            return "embedded".equals(broker);
        }

        @Override
        public String toString() {
            return "Mqtt[broker=" + broker + ", clientId=" + clientId + ", topicPrefix=" + topicPrefix + "]";
        }
    }

    /**
     * Storage.
     *
     * @param path the SQLite file
     * @param retention raw readings older than this are pruned (alerts and undelivered outbox rows never are)
     * @param maxBytes the file's size budget; SQLite itself refuses to grow past it, and the oldest readings go first
     */
    public record Store(Path path, Duration retention, long maxBytes) {}

    /**
     * The care record.
     *
     * @param baseUrl FHIR R4 base URL
     * @param identifierSystem the organisation-owned URI of Hearth's business identifiers
     * @param teamOdsCode ODS code of the community team Organization that owns the Tasks
     * @param requestTimeout per-request timeout
     * @param firstRetry the first retry delay; later ones grow exponentially with jitter
     * @param maxRetry the longest retry delay
     * @param bearerToken optional static bearer token (prefer {@code ${ENV}})
     * @param batchSize the most alerts sent in one transaction when a backlog has built up
     * @param ackPollInterval how often the Tasks' statuses (the team's acknowledgements) are polled while some alert
     *     awaits the team
     */
    public record CareRecord(
            URI baseUrl,
            String identifierSystem,
            String teamOdsCode,
            Duration requestTimeout,
            Duration firstRetry,
            Duration maxRetry,
            Optional<String> bearerToken,
            int batchSize,
            Duration ackPollInterval) {

        @Override
        public String toString() {
            return "CareRecord[baseUrl=" + baseUrl + "]";
        }
    }

    /**
     * Escalation of stat alerts (help button) that nobody takes on in time.
     *
     * @param after how long after it was raised a stat alert not yet accepted is escalated
     * @param topic the MQTT topic the escalation notice is published to (QoS 1), e.g. {@code hearth/<home-id>/escalation}
     */
    public record Escalation(Duration after, String topic) {}

    /**
     * Daily summaries to the care record.
     *
     * @param shared    the measures the resident's sharing settings allow to leave the home ({@code sharing:
     *                  summary-measures}); empty means no summary leaves the home
     * @param perMinute the most summary bundles sent a minute ({@code summaries.per-minute}); alerts are never limited
     */
    public record Summaries(Set<Measure> shared, int perMinute) {
        public Summaries {
            shared = Collections.unmodifiableSet(shared.isEmpty()
                    ? EnumSet.noneOf(Measure.class) : EnumSet.copyOf(shared));
        }

        /** Every measure shared, 10 bundles a minute. */
        public static Summaries defaults() {
            return new Summaries(EnumSet.allOf(Measure.class), 10);
        }
    }

    /** Looks up a sensor by its Zigbee2MQTT friendly name. */
    public Optional<Sensor> sensorNamed(String name) {
        return sensors.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
