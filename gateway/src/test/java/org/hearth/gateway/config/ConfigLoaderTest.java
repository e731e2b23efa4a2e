package org.hearth.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.hearth.rules.routine.LocalWindow;
import org.hearth.rules.routine.RoutineWatchPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.rules.inactivity.InactivityPolicy;
import org.hearth.rules.model.HomeLayout;
import org.hearth.rules.model.Room;
import org.hearth.rules.model.SensorPlacement;
import org.hearth.rules.model.SensorRole;
import org.hearth.rules.inactivity.QuietBand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {

    private static final String VALID_NHS_NUMBER = "9434765919";
    private static final String BAD_CHECKSUM_NHS_NUMBER = "9434765918";

    /** Shaped like deploy/hearth.example.yaml, with each duration written a different way. */
    private static final String FULL = """
            gateway:
              id: gw-0001
            home:
              id: home-0001
              zone: Europe/London
            resident:
              nhs-number: ${HEARTH_NHS_NUMBER}
            sensors:
              - { id: hall-motion, name: hall_motion,  kind: motion,  room: hall }
              - { id: front-door,  name: front_door,   kind: contact, room: hall }
              - { id: pendant,     name: help_pendant, kind: BUTTON,  room: worn }
            mqtt:
              broker: tcp://127.0.0.1:1883
              client-id: hearth-gateway
              topic-prefix: zigbee2mqtt
              username: hearth
              password: ${MQTT_PASSWORD}
            store:
              path: /var/lib/hearth/hearth.db
            inactivity:
              bands:
                - { start: "07:00", allowance: 3h }
                - { start: "12:00", allowance: PT3H }
                - { start: "18:00", allowance: 240m }
                - { start: "22:00", allowance: 10h }
            care-record:
              base-url: https://care-record.example.nhs.uk/fhir
              identifier-system: https://fhir.hearth.example/Id/alert
              team-ods-code: ${HEARTH_TEAM_ODS:-RX1CT}
              bearer-token: ${HEARTH_CARE_RECORD_TOKEN:-}
              request-timeout: 90s
              first-retry: 500ms
              max-retry: 10m
              ack-poll-interval: 45s
            engine:
              tick-interval: 1s
            escalation:
              after: 5m
              topic: hearth/home-0001/sounder
            """;

    /** Only what has no default. */
    private static final String MINIMAL = """
            gateway: { id: gw-1 }
            home: { id: home-1 }
            resident: { nhs-number: "9434765919" }
            sensors:
              - { id: kitchen-motion, kind: motion }
            care-record:
              base-url: https://care-record.example.nhs.uk/fhir
              team-ods-code: RX1CT
            """;

    @Test
    void parsesAFullConfigIntoTypedRecords() throws ConfigException {
        var loader = new ConfigLoader(Map.of("HEARTH_NHS_NUMBER", VALID_NHS_NUMBER, "MQTT_PASSWORD", "s3cret"));

        GatewayConfig config = loader.parse(FULL);

        assertThat(config.gatewayId()).isEqualTo("gw-0001");
        assertThat(config.home()).isEqualTo(new GatewayConfig.Home("home-0001", ZoneId.of("Europe/London")));
        assertThat(config.resident().nhsNumber()).isEqualTo(VALID_NHS_NUMBER);
        assertThat(config.sensors()).containsExactly(
                new GatewayConfig.Sensor("hall-motion", "hall_motion", SensorKind.MOTION, "hall"),
                new GatewayConfig.Sensor("front-door", "front_door", SensorKind.CONTACT, "hall"),
                new GatewayConfig.Sensor("pendant", "help_pendant", SensorKind.BUTTON, "worn"));
        assertThat(config.mqtt()).isEqualTo(new GatewayConfig.Mqtt("tcp://127.0.0.1:1883", "127.0.0.1", 1883,
                "hearth-gateway", "zigbee2mqtt", Optional.of("hearth"), Optional.of("s3cret")));
        assertThat(config.mqtt().embedded()).isFalse();
        assertThat(config.store().path()).isEqualTo(Path.of("/var/lib/hearth/hearth.db"));
        assertThat(config.inactivity()).isEqualTo(new InactivityPolicy(ZoneId.of("Europe/London"), List.of(
                new QuietBand(LocalTime.of(7, 0), Duration.ofHours(3)),
                new QuietBand(LocalTime.of(12, 0), Duration.ofHours(3)),
                new QuietBand(LocalTime.of(18, 0), Duration.ofHours(4)),
                new QuietBand(LocalTime.of(22, 0), Duration.ofHours(10)))));
        assertThat(config.careRecord()).isEqualTo(new GatewayConfig.CareRecord(
                URI.create("https://care-record.example.nhs.uk/fhir"), "https://fhir.hearth.example/Id/alert", "RX1CT",
                Duration.ofSeconds(90), Duration.ofMillis(500), Duration.ofMinutes(10), Optional.empty(), 50, Duration.ofSeconds(45), 4, Optional.empty()));
        assertThat(config.tickInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.escalation()).isEqualTo(new GatewayConfig.Escalation(Duration.ofMinutes(5), "hearth/home-0001/sounder"));
    }

    @Test
    void readsRolesAndRoomsIntoTheHomeLayout() throws ConfigException {
        GatewayConfig config = new ConfigLoader(Map.of()).parse(MINIMAL.replace(
                "  - { id: kitchen-motion, kind: motion }",
                """
                  - { id: kitchen-motion, kind: motion, room: Kitchen }
                  - { id: door, kind: contact, room: Entrance hall, role: front-door }
                  - { id: mat, kind: contact, room: main bedroom, role: bed }
                  - { id: wc, kind: motion, room: En-suite }
                  - { id: button, kind: button }
                """));

        HomeLayout layout = config.layout();

        assertThat(layout.placementOf("kitchen-motion")).isEqualTo(new SensorPlacement(SensorRole.MOTION, Room.KITCHEN));
        assertThat(layout.placementOf("door")).isEqualTo(new SensorPlacement(SensorRole.FRONT_DOOR, Room.HALL));
        assertThat(layout.placementOf("mat")).isEqualTo(new SensorPlacement(SensorRole.BED, Room.BEDROOM));
        assertThat(layout.placementOf("wc")).isEqualTo(new SensorPlacement(SensorRole.MOTION, Room.BATHROOM));
        assertThat(layout.placementOf("button")).isEqualTo(new SensorPlacement(SensorRole.HELP_BUTTON, Room.OTHER));
    }

    @Test
    void anUnknownRoleIsAProblemNamedByItsKey() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).parse(MINIMAL.replace("kind: motion }",
                "kind: motion, role: sofa }")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sensors[0].role");
    }

    @Test
    void theShippedExampleConfigIsValid() throws ConfigException {
        GatewayConfig config = new ConfigLoader(Map.of("HEARTH_NHS_NUMBER", VALID_NHS_NUMBER))
                .load(Path.of("..", "deploy", "hearth.example.yaml"));

        assertThat(config.escalation().topic()).isEqualTo("hearth/" + config.home().id() + "/escalation");
        assertThat(config.layout().roleOf("front-door")).isEqualTo(SensorRole.FRONT_DOOR);
        assertThat(config.careRecord().ackPollInterval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void fillsInADefaultForEveryOptionalKey() throws ConfigException {
        GatewayConfig config = new ConfigLoader(Map.of()).parse(MINIMAL);

        ZoneId london = ZoneId.of("Europe/London");
        assertThat(config.home().zone()).isEqualTo(london);
        assertThat(config.sensors()).containsExactly(
                new GatewayConfig.Sensor("kitchen-motion", "kitchen-motion", SensorKind.MOTION, "unknown"));
        assertThat(config.mqtt()).isEqualTo(new GatewayConfig.Mqtt("embedded", "127.0.0.1", 1883, "hearth-gateway",
                "zigbee2mqtt", Optional.empty(), Optional.empty()));
        assertThat(config.mqtt().embedded()).isTrue();
        assertThat(config.store().path()).isEqualTo(Path.of("hearth.db"));
        assertThat(config.inactivity()).isEqualTo(InactivityPolicy.ukDefault(london));
        assertThat(config.careRecord().identifierSystem()).isEqualTo("https://fhir.hearth.example/Id/alert");
        assertThat(config.careRecord().requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.careRecord().firstRetry()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.careRecord().maxRetry()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.careRecord().bearerToken()).isEmpty();
        assertThat(config.careRecord().ackPollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.tickInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.escalation()).isEqualTo(new GatewayConfig.Escalation(Duration.ofMinutes(10), "hearth/home-1/escalation"));
    }

    @Test
    void refusesAnEscalationTopicWithWildcardsAndANonPositivePollInterval() {
        String yaml = MINIMAL + """
                  ack-poll-interval: 0s
                escalation:
                  after: -5m
                  topic: hearth/+/escalation
                """;

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> new ConfigLoader(Map.of()).parse(yaml));

        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("care-record.ack-poll-interval: "))
                .anySatisfy(p -> assertThat(p).startsWith("escalation.after: "))
                .anySatisfy(p -> assertThat(p).startsWith("escalation.topic: "))
                .hasSize(3);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "500ms, PT0.5S",
        "90s,   PT1M30S",
        "15m,   PT15M",
        "3h,    PT3H",
        "3H,    PT3H",
        "2d,    PT48H",
        "PT3H,  PT3H",
        "pt90s, PT1M30S",
        "P1DT2H, PT26H",
    })
    void readsDurationsInShortAndIsoForms(String written, Duration expected) throws ConfigException {
        GatewayConfig config = new ConfigLoader(Map.of()).parse(MINIMAL + "engine: { tick-interval: " + written + " }\n");

        assertThat(config.tickInterval()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "3 hours", "1.5h", "h", "PT", "-3h", "10"})
    void rejectsTextThatIsNotADuration(String written) {
        ConfigException e = problemsOf(new ConfigLoader(Map.of()), MINIMAL + "engine: { tick-interval: '" + written + "' }\n");

        assertThat(e.problems()).containsExactly("engine.tick-interval: must be a duration like 90s, 15m, 3h or PT3H");
    }

    @Test
    void takesPlaceholderValuesFromTheEnvironment() throws ConfigException {
        var loader = new ConfigLoader(Map.of("HEARTH_NHS_NUMBER", VALID_NHS_NUMBER, "MQTT_PASSWORD", "s3cret",
                "HEARTH_TEAM_ODS", "RY9", "HEARTH_CARE_RECORD_TOKEN", "token-123"));

        GatewayConfig config = loader.parse(FULL);

        assertThat(config.resident().nhsNumber()).isEqualTo(VALID_NHS_NUMBER);
        assertThat(config.mqtt().password()).contains("s3cret");
        assertThat(config.careRecord().teamOdsCode()).isEqualTo("RY9");
        assertThat(config.careRecord().bearerToken()).contains("token-123");
    }

    @Test
    void usesThePlaceholderDefaultWhenTheVariableIsUnset() throws ConfigException {
        var loader = new ConfigLoader(Map.of("HEARTH_NHS_NUMBER", VALID_NHS_NUMBER, "MQTT_PASSWORD", "s3cret"));

        GatewayConfig config = loader.parse(FULL);

        assertThat(config.careRecord().teamOdsCode()).isEqualTo("RX1CT");
        assertThat(config.careRecord().bearerToken()).as("an empty default means no token").isEmpty();
    }

    @Test
    void substitutesPlaceholdersInsideLongerText() throws ConfigException {
        String yaml = MINIMAL.replace("https://care-record.example.nhs.uk/fhir", "https://${CARE_HOST}:${CARE_PORT:-8443}/fhir");

        GatewayConfig config = new ConfigLoader(Map.of("CARE_HOST", "records.example")).parse(yaml);

        assertThat(config.careRecord().baseUrl()).isEqualTo(URI.create("https://records.example:8443/fhir"));
    }

    @Test
    void reportsAnUnsetVariableWithoutADefaultUnderItsKey() {
        ConfigException e = problemsOf(new ConfigLoader(Map.of("MQTT_PASSWORD", "s3cret")), FULL);

        assertThat(e.problems()).containsExactly("resident.nhs-number: environment variable HEARTH_NHS_NUMBER is not set");
    }

    @Test
    void reportsEveryProblemOfABrokenConfigAtOnceEachUnderItsDottedKey() {
        String broken = """
                gateway: { id: gw-1 }
                home:
                  id: home-1
                  zone: Mars/Olympus_Mons
                  colour: blue
                resident:
                  nhs-number: "9434765918"
                sensors:
                  - { id: hall-motion, name: hall_motion,   kind: motion }
                  - { id: hall-motion, name: hall_motion_2, kind: smoke }
                mqtt:
                  broker: "mqtt://user:hunter2@broker.local"
                care-record:
                  team-ods-code: RX1CT
                  request-timeout: soon
                """;

        ConfigException e = problemsOf(new ConfigLoader(Map.of()), broken);

        assertThat(e.problems()).extracting(p -> p.substring(0, p.indexOf(": "))).containsExactlyInAnyOrder(
                "home.zone",
                "home.colour",
                "resident.nhs-number",
                "sensors[1].id",
                "sensors[1].kind",
                "mqtt.broker",
                "care-record.base-url",
                "care-record.request-timeout");
        assertThat(e.problems()).contains(
                "home.colour: is not a known key",
                "sensors[1].id: is used by another sensor",
                "sensors[1].kind: must be one of motion, contact, button, wearable, radar, plug, mat",
                "care-record.base-url: is required");
    }

    @Test
    void neverRepeatsAValueInAProblemBecauseItMayBeASecretOrPersonalData() {
        String broken = """
                gateway: { id: gw-1 }
                home: { id: home-1, zone: Mars/Olympus_Mons }
                resident: { nhs-number: "%s" }
                sensors: [ { id: hall-motion, kind: smoke } ]
                mqtt: { broker: "mqtt://user:hunter2@broker.local", embedded-port: 99999 }
                care-record:
                  base-url: "ftp://user:pa55word@records.example/fhir"
                  team-ods-code: RX1CT
                  request-timeout: soon
                """.formatted(BAD_CHECKSUM_NHS_NUMBER);

        ConfigException e = problemsOf(new ConfigLoader(Map.of()), broken);

        assertThat(e.problems()).hasSize(7);
        for (String secret : List.of(BAD_CHECKSUM_NHS_NUMBER, "hunter2", "pa55word", "Olympus", "smoke", "soon", "99999")) {
            assertThat(e.problems()).noneMatch(p -> p.contains(secret));
            assertThat(e.getMessage()).doesNotContain(secret);
        }
    }

    @Test
    void reportsYamlThatDoesNotParseAsOneProblemWithItsLine() {
        String notYaml = """
                gateway:
                  id: gw-1
                home: { id: home-1
                sensors: []
                """;

        ConfigException e = problemsOf(new ConfigLoader(Map.of()), notYaml);

        assertThat(e.problems()).singleElement().asString().matches("\\(file\\): not valid YAML at line \\d+");
    }

    @Test
    void reportsADocumentThatIsNotAMappingAsOneProblem() {
        ConfigException e = problemsOf(new ConfigLoader(Map.of()), "- just\n- a list\n");

        assertThat(e.problems()).containsExactly("(file): expected a YAML mapping at the top level");
    }

    @Test
    void acceptsAnNhsNumberWithAValidCheckDigitAndRejectsOneWithout() {
        assertThat(ConfigLoader.validNhsNumber(VALID_NHS_NUMBER)).isTrue();
        assertThat(ConfigLoader.validNhsNumber(BAD_CHECKSUM_NHS_NUMBER)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"943476591", "94347659190", "943 476 5919", "943476591X", "", "1000000010", "1000000011"})
    void rejectsNhsNumbersOfTheWrongShapeOrWithAnImpossibleCheckDigit(String candidate) {
        // 100000001x: the weighted sum leaves remainder 1, so the check digit would be 10, which no number can have.
        assertThat(ConfigLoader.validNhsNumber(candidate)).isFalse();
    }

    @Test
    void acceptsAnNhsNumberWhoseCheckDigitWrapsToZero() {
        // 2*10 + 1*2 = 22, remainder 0: 11 - 0 = 11, which the rule turns into a check digit of 0.
        assertThat(ConfigLoader.validNhsNumber("2000000010")).isTrue();
    }

    @Test
    void rejectsAConfiguredNhsNumberWithABadCheckDigit() {
        ConfigException e = problemsOf(new ConfigLoader(Map.of()), MINIMAL.replace(VALID_NHS_NUMBER, BAD_CHECKSUM_NHS_NUMBER));

        assertThat(e.problems()).containsExactly(
                "resident.nhs-number: must be a valid 10-digit NHS number (checksum included)");
    }

    @Test
    void reportsAZonePlaceholderWhoseVariableIsUnsetAsAProblemInsteadOfCrashing() {
        String yaml = MINIMAL.replace("home: { id: home-1 }", "home: { id: home-1, zone: \"${HEARTH_TEST_ZONE}\" }");

        ConfigException e = problemsOf(new ConfigLoader(Map.of()), yaml);

        assertThat(e.problems()).containsExactly("home.zone: environment variable HEARTH_TEST_ZONE is not set");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "PT-1H", "8d", "169h"})
    void reportsABandAllowanceOutsideWhatTheRulesAcceptAsAProblemInsteadOfCrashing(String allowance) {
        String yaml = MINIMAL + """
                inactivity:
                  bands:
                    - { start: "07:00", allowance: %s }
                """.formatted(allowance);

        ConfigException e = problemsOf(new ConfigLoader(Map.of()), yaml);

        assertThat(e.problems()).singleElement().asString().startsWith("inactivity.bands[0].allowance: must be longer than zero");
    }

    @Test
    void acceptsABandAllowanceOfExactlySevenDays() throws ConfigException {
        String yaml = MINIMAL + """
                inactivity:
                  bands:
                    - { start: "07:00", allowance: 7d }
                """;

        GatewayConfig config = new ConfigLoader(Map.of()).parse(yaml);

        assertThat(config.inactivity().bands()).containsExactly(new QuietBand(LocalTime.of(7, 0), Duration.ofDays(7)));
    }

    @Test
    void reportsBandsThatShareAStartTime() {
        String yaml = MINIMAL + """
                inactivity:
                  bands:
                    - { start: "07:00", allowance: 3h }
                    - { start: "07:00", allowance: 4h }
                """;

        ConfigException e = problemsOf(new ConfigLoader(Map.of()), yaml);

        assertThat(e.problems()).containsExactly("inactivity.bands: must have distinct start times");
    }

    @Test
    void reportsAFirstRetryLongerThanTheMaximumRetry() {
        String yaml = MINIMAL.replace("team-ods-code: RX1CT", "team-ods-code: RX1CT\n  first-retry: 20m\n  max-retry: 10m");

        ConfigException e = problemsOf(new ConfigLoader(Map.of()), yaml);

        assertThat(e.problems()).containsExactly("care-record.first-retry: must not be longer than care-record.max-retry");
    }

    private static ConfigException problemsOf(ConfigLoader loader, String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parse(yaml));
        assertThat(e).as("expected the config to be refused").isNotNull();
        return e;
    }

    @Test
    void reportsZeroOrNegativeDurationsThatWouldStopTheGatewayFromStarting() {
        String yaml = MINIMAL.replace("  team-ods-code: RX1CT", "  team-ods-code: RX1CT\n  first-retry: 0s")
                + "engine: { tick-interval: PT-1S }\n";

        ConfigException e = problemsOf(new ConfigLoader(Map.of()), yaml);

        assertThat(e.problems()).containsExactlyInAnyOrder(
                "care-record.first-retry: must be longer than zero", "engine.tick-interval: must be longer than zero");
    }

    @Test
    void theRoutineSectionIsOptionalAndEachOfItsKeysOverridesOneDefault() throws ConfigException {
        GatewayConfig plain = new ConfigLoader(Map.of()).parse(MINIMAL);
        GatewayConfig custom = new ConfigLoader(Map.of()).parse(MINIMAL + """
                routine:
                  night-start: "21:30"
                  door-at-night: { start: "22:00", grace: 2m }
                  morning-latest: "10:30"
                  bathroom: { ceiling: 90m }
                """);

        RoutineWatchPolicy defaults = RoutineWatchPolicy.ukDefault(plain.home().zone());
        assertThat(plain.routine()).isEqualTo(defaults);
        RoutineWatchPolicy r = custom.routine();
        assertThat(r.night()).isEqualTo(new LocalWindow(LocalTime.of(21, 30), LocalTime.of(7, 0)));
        assertThat(r.doorNight()).isEqualTo(new LocalWindow(LocalTime.of(22, 0), LocalTime.of(6, 0)));
        assertThat(r.doorGrace()).isEqualTo(Duration.ofMinutes(2));
        assertThat(r.morningLatest()).isEqualTo(LocalTime.of(10, 30));
        assertThat(r.morningFallback()).isEqualTo(LocalTime.of(10, 30));
        assertThat(r.bathroom().ceiling()).isEqualTo(Duration.ofMinutes(90));
        assertThat(r.bathroom().floor()).isEqualTo(defaults.bathroom().floor());
        assertThat(r.bedExit()).isEqualTo(defaults.bedExit());
    }

    @Test
    void aBadRoutineSettingIsAProblemWithItsKey() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).parse(MINIMAL + """
                routine:
                  morning-latest: "half past ten"
                  bathroom: { floor: 2h }
                  bedtime: "22:00"
                """))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).anySatisfy(
                        p -> assertThat(p).startsWith("routine.morning-latest: must be a local time"))
                        .anySatisfy(p -> assertThat(p).startsWith("routine.bedtime: is not a known key"))
                        .anySatisfy(p -> assertThat(p).startsWith("routine.bathroom: need 0 < floor")));
    }
}
