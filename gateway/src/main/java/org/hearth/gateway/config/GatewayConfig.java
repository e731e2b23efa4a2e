package org.hearth.gateway.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hearth.rules.inactivity.InactivityPolicy;
import org.hearth.rules.model.HomeLayout;
import org.hearth.rules.model.SensorRole;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.warning.WarningPolicy;
import org.hearth.rules.routine.RoutineWatchPolicy;
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
 * @param coap the CoAP ingest (disabled unless configured)
 * @param warning the staged local warning with an "I'm OK" answer (off unless enabled)
 * @param routine the routine detectors' settings (bathroom dwell, bed exit and door at night, missed morning)
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
        Coap coap,
        Warning warning,
        RoutineWatchPolicy routine,
        Summaries summaries) {

    public GatewayConfig {
        sensors = List.copyOf(sensors);
        coap = coap == null ? Coap.disabled() : coap;
        warning = warning == null ? Warning.disabled() : warning;
        routine = routine == null ? RoutineWatchPolicy.ukDefault(home.zone()) : routine;
        summaries = summaries == null ? Summaries.defaults() : summaries;
    }

    /** As the canonical constructor, with CoAP and the local warning disabled and the default routine settings. */
    public GatewayConfig(String gatewayId, Home home, Resident resident, List<Sensor> sensors, Mqtt mqtt, Store store,
            InactivityPolicy inactivity, CareRecord careRecord, Duration tickInterval, Escalation escalation) {
        this(gatewayId, home, resident, sensors, mqtt, store, inactivity, careRecord, tickInterval, escalation,
                Coap.disabled(), Warning.disabled(), null, null);
    }

    /** As the canonical constructor, with the local warning disabled and the default routine settings. */
    public GatewayConfig(String gatewayId, Home home, Resident resident, List<Sensor> sensors, Mqtt mqtt, Store store,
            InactivityPolicy inactivity, CareRecord careRecord, Duration tickInterval, Escalation escalation,
            Coap coap) {
        this(gatewayId, home, resident, sensors, mqtt, store, inactivity, careRecord, tickInterval, escalation, coap,
                Warning.disabled(), null, null);
    }

    /** As the canonical constructor, with CoAP disabled and the default routine settings. */
    public GatewayConfig(String gatewayId, Home home, Resident resident, List<Sensor> sensors, Mqtt mqtt, Store store,
            InactivityPolicy inactivity, CareRecord careRecord, Duration tickInterval, Escalation escalation,
            Warning warning) {
        this(gatewayId, home, resident, sensors, mqtt, store, inactivity, careRecord, tickInterval, escalation,
                Coap.disabled(), warning, null, null);
    }

    /** As the canonical constructor, with CoAP and the local warning disabled. */
    public GatewayConfig(String gatewayId, Home home, Resident resident, List<Sensor> sensors, Mqtt mqtt, Store store,
            InactivityPolicy inactivity, CareRecord careRecord, Duration tickInterval, Escalation escalation,
            RoutineWatchPolicy routine) {
        this(gatewayId, home, resident, sensors, mqtt, store, inactivity, careRecord, tickInterval, escalation,
                Coap.disabled(), Warning.disabled(), routine, null);
    }

    /** As the canonical constructor, with CoAP and the local warning disabled and the default routine settings. */
    public GatewayConfig(String gatewayId, Home home, Resident resident, List<Sensor> sensors, Mqtt mqtt, Store store,
            InactivityPolicy inactivity, CareRecord careRecord, Duration tickInterval, Escalation escalation,
            Summaries summaries) {
        this(gatewayId, home, resident, sensors, mqtt, store, inactivity, careRecord, tickInterval, escalation,
                Coap.disabled(), Warning.disabled(), null, summaries);
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
     * @param maxInFlight the most transactions sent at once while draining a backlog (distinct alerts each)
     * @param auth OAuth2 client credentials with a signed JWT assertion; when absent, {@code bearerToken} (if any)
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
            Duration ackPollInterval,
            int maxInFlight,
            Optional<Auth> auth) {

        /** Without concurrent sending or OAuth2 (as before those existed). */
        public CareRecord(URI baseUrl, String identifierSystem, String teamOdsCode, Duration requestTimeout,
                Duration firstRetry, Duration maxRetry, Optional<String> bearerToken, int batchSize,
                Duration ackPollInterval) {
            this(baseUrl, identifierSystem, teamOdsCode, requestTimeout, firstRetry, maxRetry, bearerToken, batchSize,
                    ackPollInterval, 1, Optional.empty());
        }

        @Override
        public String toString() {
            return "CareRecord[baseUrl=" + baseUrl + "]";
        }
    }

    /**
     * SMART Backend Services style OAuth2: client credentials with a JWT assertion signed by the gateway's key.
     *
     * @param tokenUrl the authorisation server's token endpoint (also the assertion's audience)
     * @param clientId the registered client id (the assertion's issuer and subject)
     * @param privateKey PEM file of the gateway's PKCS#8 private key (RSA for RS384, EC P-384 for ES384)
     * @param keyId the key's id ({@code kid}) as registered with the authorisation server
     * @param scope the scopes asked for, if any
     */
    public record Auth(URI tokenUrl, String clientId, Path privateKey, String keyId, Optional<String> scope) {}

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

        /** No local warning: every alert goes at once. */
        public static Warning disabled() {
            return new Warning(false, "", Map.of(), List.of(), List.of());
        }

        /** The rules' policy of these settings. */
        public WarningPolicy policy() {
            return new WarningPolicy(windows, Set.copyOf(okButtons), Set.copyOf(okActions));
        }
    }

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

    /**
     * CoAP ingest ({@code POST /sensors/{id}}, Observe of sensors that expose their state).
     *
     * @param enabled whether the CoAP server runs at all
     * @param host the address the CoAP endpoints bind to
     * @param dtlsPort the DTLS (PSK) port, 5684 by default (0 picks a free one)
     * @param plain whether plain, unauthenticated CoAP is also served; only when explicitly enabled
     * @param port the plain CoAP port, 5683 by default (0 picks a free one)
     * @param queue the bounded ingest queue: requests beyond it are answered 5.03 (back-pressure)
     * @param psk the pre-shared keys, one per sensor (prefer {@code ${ENV}} for the keys)
     * @param observe the sensors whose state resource the gateway observes
     */
    public record Coap(boolean enabled, String host, int dtlsPort, boolean plain, int port, int queue, List<Psk> psk,
            List<Observe> observe) {
        public Coap {
            psk = List.copyOf(psk);
            observe = List.copyOf(observe);
        }

        /** No CoAP. */
        public static Coap disabled() {
            return new Coap(false, "0.0.0.0", 5684, false, 5683, 64, List.of(), List.of());
        }
    }

    /** A sensor's DTLS pre-shared key; the identity may post only for its own sensor. */
    public record Psk(String sensorId, String identity, String key) {
        @Override
        public String toString() {
            return "Psk[sensorId=" + sensorId + ", identity=" + identity + ", key=<redacted>]";
        }
    }

    /** A sensor's CoAP resource ({@code coap://host:port/path}) the gateway observes; notifications are readings. */
    public record Observe(String sensorId, URI uri) {}
}
