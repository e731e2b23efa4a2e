package org.hearth.gateway.uplink.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hearth.gateway.testing.TestAlerts;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.Evidence;
import org.junit.jupiter.api.Test;

/** The transaction Bundle an alert becomes, read back as JSON. */
class FhirAlertBundleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SYSTEM = "https://fhir.hearth.example/Id/alert";
    private static final String NHS_NUMBER = "9434765919";
    private static final Instant PRESSED = Instant.parse("2026-03-28T10:02:00Z");
    private static final Alert HELP = TestAlerts.helpButton("pendant", PRESSED);
    private static final Alert INACTIVITY =
            TestAlerts.inactivity("kitchen-motion", Instant.parse("2026-03-28T07:00:00Z"), Duration.ofMinutes(185));
    private static final String HELP_ID = "gw-1:" + HELP.key();

    private final FhirAlertBundle bundles = new FhirAlertBundle(SYSTEM, "gw-1", NHS_NUMBER, "RX1CT");

    @Test
    void isATransactionOfPatientDeviceObservationAndTask() throws Exception {
        JsonNode bundle = encode(HELP_ID, HELP);

        assertThat(bundle.path("resourceType").asText()).isEqualTo("Bundle");
        assertThat(bundle.path("type").asText()).isEqualTo("transaction");
        assertThat(resourceTypes(bundle)).containsExactly("Patient", "Device", "Observation", "Task");
    }

    @Test
    void everyEntryIsAConditionalCreateOnItsBusinessIdentifier() throws Exception {
        JsonNode entries = encode(HELP_ID, HELP).path("entry");

        assertRequest(entries.get(0), "Patient", FhirAlertBundle.NHS_NUMBER_SYSTEM + "|" + NHS_NUMBER);
        assertRequest(entries.get(1), "Device", SYSTEM + "/gateway|gw-1");
        assertRequest(entries.get(2), "Observation", SYSTEM + "|" + HELP_ID);
        assertRequest(entries.get(3), "Task", SYSTEM + "|" + HELP_ID);
        for (JsonNode entry : entries) {
            JsonNode identifier = entry.path("resource").path("identifier").get(0);
            assertThat("identifier=" + identifier.path("system").asText() + "|" + identifier.path("value").asText())
                    .isEqualTo(entry.path("request").path("ifNoneExist").asText());
        }
    }

    @Test
    void theTaskIsAboutTheObservationForThePatientAndRequestedByTheGateway() throws Exception {
        JsonNode entries = encode(HELP_ID, HELP).path("entry");
        JsonNode observation = entries.get(2);
        JsonNode task = entries.get(3).path("resource");

        assertThat(task.path("focus").path("reference").asText()).isEqualTo(observation.path("fullUrl").asText()).startsWith("urn:uuid:");
        assertThat(task.path("for").path("reference").asText()).isEqualTo(entries.get(0).path("fullUrl").asText());
        assertThat(task.path("requester").path("reference").asText()).isEqualTo(entries.get(1).path("fullUrl").asText());
        assertThat(observation.path("resource").path("subject").path("reference").asText())
                .isEqualTo(entries.get(0).path("fullUrl").asText());
        assertThat(task.path("owner").path("identifier").path("value").asText()).isEqualTo("RX1CT");
        assertThat(task.path("status").asText()).isEqualTo("requested");
    }

    @Test
    void aHelpButtonTaskIsStatAndAnInactivityTaskIsUrgent() throws Exception {
        JsonNode help = task(encode(HELP_ID, HELP));
        JsonNode inactivity = task(encode("gw-1:" + INACTIVITY.key(), INACTIVITY));

        assertThat(help.path("priority").asText()).isEqualTo("stat");
        assertThat(inactivity.path("priority").asText()).isEqualTo("urgent");
    }

    @Test
    void aPressIsAFinalFactAndInactivityAPreliminaryInferenceOverAPeriod() throws Exception {
        JsonNode help = observation(encode(HELP_ID, HELP));
        JsonNode inactivity = observation(encode("gw-1:" + INACTIVITY.key(), INACTIVITY));

        assertThat(help.path("status").asText()).isEqualTo("final");
        assertThat(help.path("effectiveDateTime").asText()).isEqualTo("2026-03-28T10:02:00Z");
        assertThat(help.path("valueBoolean").asBoolean()).isTrue();
        assertThat(inactivity.path("status").asText()).isEqualTo("preliminary");
        assertThat(inactivity.path("effectivePeriod").path("start").asText()).isEqualTo("2026-03-28T07:00:00Z");
        assertThat(inactivity.path("effectivePeriod").path("end").asText()).isEqualTo("2026-03-28T10:05:00Z");
        assertThat(inactivity.path("valueQuantity").path("value").asLong()).isEqualTo(185);
    }

    @Test
    void fallsAreCodedSnomedFallFirstPreliminaryTrueAndStat() throws Exception {
        Instant onset = Instant.parse("2026-03-28T10:00:00Z");
        for (AlertType type : List.of(AlertType.FALL_WEARABLE, AlertType.FALL_RADAR)) {
            Alert fall = new Alert(type, "pendant-accel", onset, onset.plusSeconds(12),
                    new Evidence(List.of(), "fall.test", Duration.ofSeconds(10), Duration.ofSeconds(11), "a fall"));
            JsonNode bundle = encode("gw-1:" + fall.key(), fall);
            JsonNode observation = observation(bundle);
            JsonNode codings = observation.path("code").path("coding");

            assertThat(codings).hasSize(2);
            assertThat(codings.get(0).path("system").asText()).isEqualTo("http://snomed.info/sct");
            assertThat(codings.get(0).path("code").asText()).isEqualTo("1912002");
            assertThat(codings.get(0).path("display").asText()).isEqualTo("Fall");
            assertThat(codings.get(1).path("system").asText()).isEqualTo(FhirAlertBundle.EVENT_CODES);
            assertThat(codings.get(1).path("code").asText()).isEqualTo(type.code());
            assertThat(observation.path("status").asText()).isEqualTo("preliminary");
            assertThat(observation.path("valueBoolean").isBoolean()).isTrue();
            assertThat(observation.path("valueBoolean").asBoolean()).isTrue();
            assertThat(observation.has("valueQuantity")).isFalse();
            assertThat(task(bundle).path("priority").asText()).isEqualTo("stat");
        }
    }

    @Test
    void nonFallAlertsCarryNoSnomedFall() throws Exception {
        for (Alert a : List.of(HELP, INACTIVITY)) {
            JsonNode codings = observation(encode("gw-1:" + a.key(), a)).path("code").path("coding");
            assertThat(codings).hasSize(1);
            assertThat(codings.get(0).path("system").asText()).isEqualTo(FhirAlertBundle.EVENT_CODES);
        }
    }

    @Test
    void encodingTheSameAlertTwiceGivesTheSameBundle() {
        String first = bundles.encode(HELP_ID, HELP);
        String second = new FhirAlertBundle(SYSTEM, "gw-1", NHS_NUMBER, "RX1CT").encode(HELP_ID, HELP);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void differentAlertsGetDifferentObservationAndTaskUrls() throws Exception {
        JsonNode help = encode(HELP_ID, HELP);
        JsonNode inactivity = encode("gw-1:" + INACTIVITY.key(), INACTIVITY);

        assertThat(help.path("entry").get(2).path("fullUrl")).isNotEqualTo(inactivity.path("entry").get(2).path("fullUrl"));
        assertThat(help.path("entry").get(3).path("fullUrl")).isNotEqualTo(inactivity.path("entry").get(3).path("fullUrl"));
        assertThat(help.path("entry").get(0).path("fullUrl")).isEqualTo(inactivity.path("entry").get(0).path("fullUrl"));
    }

    @Test
    void theExplanationAndTheEvidenceAreInTheObservation() throws Exception {
        JsonNode observation = observation(encode("gw-1:" + INACTIVITY.key(), INACTIVITY));

        assertThat(observation.path("note").get(0).path("text").asText()).isEqualTo(INACTIVITY.evidence().explanation());
        List<String> components = new ArrayList<>();
        observation.path("component").forEach(c -> components.add(
                c.path("code").path("coding").get(0).path("code").asText() + "="
                        + (c.has("valueString") ? c.path("valueString").asText() : c.path("valueQuantity").path("value").asText())));
        assertThat(components).containsExactly(
                "rule=inactivity.quiet-bands",
                "threshold=180",
                "observed=185",
                "evidence-event=2026-03-28T07:00:00Z kitchen-motion motion");
    }

    @Test
    void aButtonPressesActionIsPartOfItsEvidence() throws Exception {
        JsonNode observation = observation(encode(HELP_ID, HELP));

        assertThat(observation.path("component").findValuesAsText("valueString"))
                .contains("2026-03-28T10:02:00Z pendant button single");
    }

    private JsonNode encode(String identifier, Alert alert) throws Exception {
        return JSON.readTree(bundles.encode(identifier, alert));
    }

    private static List<String> resourceTypes(JsonNode bundle) {
        List<String> types = new ArrayList<>();
        bundle.path("entry").forEach(e -> types.add(e.path("resource").path("resourceType").asText()));
        return types;
    }

    private static void assertRequest(JsonNode entry, String type, String identifier) {
        assertThat(entry.path("resource").path("resourceType").asText()).isEqualTo(type);
        assertThat(entry.path("request").path("method").asText()).isEqualTo("POST");
        assertThat(entry.path("request").path("url").asText()).isEqualTo(type);
        assertThat(entry.path("request").path("ifNoneExist").asText()).isEqualTo("identifier=" + identifier);
    }

    private static JsonNode observation(JsonNode bundle) {
        return bundle.path("entry").get(2).path("resource");
    }

    private static JsonNode task(JsonNode bundle) {
        return bundle.path("entry").get(3).path("resource");
    }
}
