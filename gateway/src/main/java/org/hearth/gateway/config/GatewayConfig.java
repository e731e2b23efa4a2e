package org.hearth.gateway.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hearth.rules.inactivity.InactivityPolicy;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.warning.WarningPolicy;

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
 * @param warning the staged local warning with an "I'm OK" answer (off unless enabled)
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
        Warning warning) {

    public GatewayConfig {
        sensors = List.copyOf(sensors);
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
     */
    public record Sensor(String id, String name, SensorKind kind, String room) {}

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
     * The staged local warning: before an alert that allows one, the resident is asked through a sounder or speaker,
     * and a press of an "I'm OK" button within the window cancels the alert.
     *
     * @param enabled whether alerts are held back for a warning at all (off: every alert goes at once, as before)
     * @param topic the MQTT topic warnings are published to (QoS 1, not retained), e.g.
     *     {@code hearth/<home-id>/warning}
     * @param windows the answer window per alert type; types not listed are never held back
     * @param okButtons ids of the button sensors whose presses answer a pending warning
     * @param okActions the button actions that answer (e.g. {@code single}); empty: any
     */
    public record Warning(boolean enabled, String topic, Map<AlertType, Duration> windows, List<String> okButtons,
            List<String> okActions) {

        public Warning {
            windows = Map.copyOf(windows);
            okButtons = List.copyOf(okButtons);
            okActions = List.copyOf(okActions);
        }

        /** The rules' policy of these settings. */
        public WarningPolicy policy() {
            return new WarningPolicy(windows, Set.copyOf(okButtons), Set.copyOf(okActions));
        }
    }

    /** Looks up a sensor by its Zigbee2MQTT friendly name. */
    public Optional<Sensor> sensorNamed(String name) {
        return sensors.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
