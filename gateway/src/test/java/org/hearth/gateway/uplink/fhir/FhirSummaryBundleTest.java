package org.hearth.gateway.uplink.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.hearth.gateway.store.SummaryDelivery;
import org.hearth.gateway.uplink.Delivery;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.HomeLayout;
import org.hearth.rules.model.Room;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.model.SensorRole;
import org.hearth.rules.summary.DailySummariser;
import org.hearth.rules.summary.DailySummary;
import org.hearth.rules.summary.Deviation;
import org.hearth.rules.summary.Measure;
import org.hearth.rules.summary.SummaryPolicy;
import org.junit.jupiter.api.Test;

class FhirSummaryBundleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate AUTUMN = LocalDate.of(2026, 10, 25);
    private static final String SYSTEM = "https://fhir.hearth.example/Id/alert";
    private final FhirSummaryBundle bundles = new FhirSummaryBundle(SYSTEM, "gw-1", "9434765919");

    private static DailySummary autumnDay() {
        var layout = HomeLayout.empty().with("bathroom-motion", SensorRole.MOTION, Room.BATHROOM);
        var summariser = new DailySummariser(layout, SummaryPolicy.ukDefault(LONDON));
        DailySummary s = summariser.summarise(AUTUMN, List.of(
                SensorEvent.of("bathroom-motion", EventKind.MOTION, java.time.Instant.parse("2026-10-25T00:30:00Z")),
                SensorEvent.of("bathroom-motion", EventKind.MOTION, java.time.Instant.parse("2026-10-25T01:30:00Z"))),
                0);
        return s.withDeviations(List.of(new Deviation(Measure.NIGHT_BATHROOM_VISITS, 2, 0.2, 0.4, 1.8, 20)));
    }

    private JsonNode encode(EnumSet<Measure> shared) throws Exception {
        return JSON.readTree(bundles.encode(SummaryDelivery.of("gw-1", autumnDay(), shared)));
    }

    private static JsonNode observation(JsonNode bundle, String code) {
        for (JsonNode e : bundle.path("entry")) {
            if (e.path("resource").path("code").path("coding").get(0).path("code").asText().equals(code)) {
                return e;
            }
        }
        throw new AssertionError("no Observation " + code);
    }

    @Test
    void aBatchOfOneConditionalCreatePerSharedMeasure() throws Exception {
        JsonNode bundle = encode(EnumSet.allOf(Measure.class));

        assertThat(bundle.path("type").asText()).isEqualTo("batch");
        assertThat(bundle.path("entry")).hasSize(Measure.values().length);
        JsonNode entry = observation(bundle, "time-in-bed");
        assertThat(entry.path("request").path("method").asText()).isEqualTo("POST");
        assertThat(entry.path("request").path("ifNoneExist").asText())
                .isEqualTo("identifier=" + SYSTEM + "|gw-1:summary:time-in-bed:2026-10-25");
        JsonNode o = entry.path("resource");
        assertThat(o.path("status").asText()).isEqualTo("final");
        assertThat(o.path("category").get(0).path("coding").get(0).path("code").asText()).isEqualTo("activity");
        assertThat(o.path("subject").path("identifier").path("system").asText())
                .isEqualTo("https://fhir.nhs.uk/Id/nhs-number");
        assertThat(o.path("device").path("identifier").path("value").asText()).isEqualTo("gw-1");
        assertThat(o.path("valueQuantity").path("code").asText()).isEqualTo("min");
        assertThat(o.path("valueQuantity").path("system").asText()).isEqualTo("http://unitsofmeasure.org");
    }

    @Test
    void theEffectivePeriodIsTheLocalDayOf25HoursInItsOwnOffsets() throws Exception {
        JsonNode o = observation(encode(EnumSet.allOf(Measure.class)), "activity").path("resource");

        assertThat(o.path("effectivePeriod").path("start").asText()).isEqualTo("2026-10-25T00:00:00+01:00");
        assertThat(o.path("effectivePeriod").path("end").asText()).isEqualTo("2026-10-26T00:00:00Z");
        assertThat(o.path("valueQuantity").path("value").asInt()).isEqualTo(2);
        assertThat(o.path("valueQuantity").path("code").asText()).isEqualTo("/d");
        assertThat(o.path("component")).hasSize(24);
        assertThat(o.path("component").get(1).path("valueQuantity").path("value").asInt()).isEqualTo(2);
    }

    @Test
    void aDeviationIsAnInterpretationWithTheBaselineInANote() throws Exception {
        JsonNode o = observation(encode(EnumSet.allOf(Measure.class)), "night-bathroom-visits").path("resource");

        assertThat(o.path("effectivePeriod").path("start").asText()).isEqualTo("2026-10-24T22:00:00+01:00");
        assertThat(o.path("interpretation").get(0).path("coding").get(0).path("code").asText()).isEqualTo("H");
        assertThat(o.path("note").get(0).path("text").asText())
                .contains("night-bathroom-visits 2 is above usual 0.2 ± 0.4 (z 1.8, 20 days)");
        assertThat(observation(encode(EnumSet.allOf(Measure.class)), "kettle-uses").path("resource")
                .has("interpretation")).isFalse();
    }

    @Test
    void onlySharedMeasuresAndNoRawReadingsLeaveTheHome() throws Exception {
        String json = bundles.encode(SummaryDelivery.of("gw-1", autumnDay(),
                EnumSet.of(Measure.NIGHT_BATHROOM_VISITS, Measure.FIRST_ACTIVITY)));

        assertThat(JSON.readTree(json).path("entry")).hasSize(2);
        assertThat(json).doesNotContain("bathroom-motion").doesNotContain("motion\"");
        assertThat(observation(JSON.readTree(json), "first-activity").path("resource").path("valueDateTime").asText())
                .isEqualTo("2026-10-25T01:30:00+01:00");
    }

    @Test
    void theSameDeliveryEncodesToTheSameBundle() {
        var delivery = SummaryDelivery.of("gw-1", autumnDay(), EnumSet.allOf(Measure.class));
        assertThat(bundles.encode(delivery)).isEqualTo(bundles.encode(delivery));
    }

    @Test
    void aBatchIsDoneOnlyWhenEveryEntryIsStored() {
        String ok = """
                {"resourceType":"Bundle","type":"batch-response","entry":[
                  {"response":{"status":"201 Created","location":"Observation/5/_history/1"}},
                  {"response":{"status":"200 OK","location":"Observation/6/_history/1"}}]}""";
        assertThat(FhirCareRecord.classifyBatch(200, ok)).isEqualTo(new Delivery.Accepted("Observation/5 Observation/6"));
        assertThat(FhirCareRecord.classifyBatch(200, ok.replace("200 OK", "500 Internal Server Error")))
                .isInstanceOf(Delivery.Retry.class);
        assertThat(FhirCareRecord.classifyBatch(200, ok.replace("200 OK", "422 Unprocessable Entity")))
                .isInstanceOf(Delivery.Refused.class);
        assertThat(FhirCareRecord.classifyBatch(200, ok.replace("200 OK", "412 Precondition Failed")))
                .isInstanceOf(Delivery.IntegrityAlarm.class);
        assertThat(FhirCareRecord.classifyBatch(503, "")).isInstanceOf(Delivery.Retry.class);
    }
}
