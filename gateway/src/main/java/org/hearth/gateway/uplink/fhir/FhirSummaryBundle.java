package org.hearth.gateway.uplink.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hearth.gateway.store.SummaryDelivery;
import org.hearth.rules.summary.DailySummary;
import org.hearth.rules.summary.Deviation;
import org.hearth.rules.summary.Measure;

/**
 * Encodes a daily summary as a FHIR R4 <b>batch</b> Bundle (design.md §4, fhir.md "Daily summaries"): one
 * {@code Observation} per shared measure, each a conditional create ({@code ifNoneExist}) on its business identifier
 * {@code <gateway>:summary:<measure>:<date>}, minted once and stored in the outbox row.
 *
 * <ul>
 *   <li>category {@code activity}; code from Hearth's home-sensor CodeSystem (the measure's code);</li>
 *   <li>subject: the Patient by NHS number identifier; device: the gateway Device by its identifier (logical
 *       references: a batch's entries are independent, so they cannot point at each other);</li>
 *   <li>effectivePeriod: the local day (23, 24 or 25 hours) in the home's offsets; for night bathroom visits the
 *       night window that ended on the morning of the day;</li>
 *   <li>value: {@code valueQuantity} with UCUM {@code /d} (counts) or {@code min}; first and last activity as
 *       {@code valueDateTime}; activity by local hour as 24 components ({@code /h});</li>
 *   <li>a deviation from the resident's baseline as {@code interpretation} H or L and a note with the baseline mean,
 *       spread and days.</li>
 * </ul>
 * Only derived figures leave the home, never raw readings. The same delivery always encodes to the same bundle.
 */
public final class FhirSummaryBundle {
    /** Hearth's CodeSystem of daily-summary measures. */
    public static final String SUMMARY_CODES = "https://fhir.hearth.example/CodeSystem/home-activity-summary";
    private static final String UCUM = "http://unitsofmeasure.org";
    private static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String identifierSystem;
    private final String gatewayId;
    private final String nhsNumber;

    /**
     * @param identifierSystem the organisation-owned URI of business identifiers (the alerts' one)
     * @param gatewayId        this gateway's id
     * @param nhsNumber        the resident's NHS number
     */
    public FhirSummaryBundle(String identifierSystem, String gatewayId, String nhsNumber) {
        this.identifierSystem = identifierSystem;
        this.gatewayId = gatewayId;
        this.nhsNumber = nhsNumber;
    }

    /** The batch Bundle of {@code delivery}, as JSON; entries in {@link Measure} order. */
    public String encode(SummaryDelivery delivery) {
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "batch");
        ArrayNode entries = bundle.putArray("entry");
        for (Map.Entry<Measure, String> m : delivery.identifiers().entrySet()) {
            ObjectNode e = entries.addObject();
            e.set("resource", observation(delivery.summary(), m.getKey(), m.getValue()));
            ObjectNode request = e.putObject("request");
            request.put("method", "POST");
            request.put("url", "Observation");
            request.put("ifNoneExist", "identifier=" + identifierSystem + "|" + m.getValue());
        }
        return bundle.toString();
    }

    ObjectNode observation(DailySummary s, Measure measure, String identifier) {
        ObjectNode o = JSON.createObjectNode();
        o.put("resourceType", "Observation");
        FhirJson.identifier(o, identifierSystem, identifier);
        o.put("status", "final");
        FhirJson.coding(o.putArray("category").addObject().putArray("coding"),
                "http://terminology.hl7.org/CodeSystem/observation-category", "activity", "Activity");
        ObjectNode code = o.putObject("code");
        FhirJson.coding(code.putArray("coding"), SUMMARY_CODES, measure.code(), display(measure));
        code.put("text", display(measure));
        FhirJson.logicalReference(o.putObject("subject"), "Patient", FhirAlertBundle.NHS_NUMBER_SYSTEM, nhsNumber);
        boolean night = measure == Measure.NIGHT_BATHROOM_VISITS;
        ObjectNode period = o.putObject("effectivePeriod");
        period.put("start", local(night ? s.nightStart() : s.start(), s.zone()));
        period.put("end", local(night ? s.nightEnd() : s.end(), s.zone()));
        o.put("issued", s.end().toString());
        FhirJson.logicalReference(o.putObject("device"), "Device", identifierSystem + "/gateway", gatewayId);
        value(o, s, measure);
        s.deviations().stream().filter(d -> d.measure() == measure).findFirst().ifPresent(d -> deviation(o, d));
        if (measure == Measure.ACTIVITY) {
            ArrayNode components = o.putArray("component");
            List<Integer> hours = s.activityByHour();
            for (int h = 0; h < hours.size(); h++) {
                String hour = String.format(Locale.ROOT, "%02d", h);
                ObjectNode c = components.addObject();
                FhirJson.coding(c.putObject("code").putArray("coding"), SUMMARY_CODES, "activity-hour-" + hour,
                        "Activity in local hour " + hour + ":00");
                quantity(c.putObject("valueQuantity"), hours.get(h), "/h");
            }
        }
        return o;
    }

    private static void value(ObjectNode o, DailySummary s, Measure measure) {
        switch (measure.unit()) {
            case TIME_OF_DAY -> {
                Instant at = measure == Measure.FIRST_ACTIVITY ? s.firstActivity() : s.lastActivity();
                if (at == null) {
                    o.putObject("dataAbsentReason").putArray("coding").addObject()
                            .put("system", "http://terminology.hl7.org/CodeSystem/data-absent-reason")
                            .put("code", "not-performed").put("display", "No activity seen that day");
                } else {
                    o.put("valueDateTime", local(at, s.zone()));
                }
            }
            case MINUTES -> quantity(o.putObject("valueQuantity"), s.value(measure).orElse(0), "min");
            case PER_DAY -> quantity(o.putObject("valueQuantity"), s.value(measure).orElse(0), "/d");
        }
    }

    private static void deviation(ObjectNode o, Deviation d) {
        ObjectNode interpretation = o.putArray("interpretation").addObject();
        boolean high = d.z() > 0;
        FhirJson.coding(interpretation.putArray("coding"), INTERPRETATION, high ? "H" : "L", high ? "High" : "Low");
        interpretation.put("text", "Unusual for this resident");
        o.putArray("note").addObject().put("text", "Deviation from the resident's own baseline: " + d.explanation());
    }

    private static void quantity(ObjectNode q, double value, String ucum) {
        q.put("value", BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros());
        q.put("unit", ucum);
        q.put("system", UCUM);
        q.put("code", ucum);
    }

    private static String local(Instant at, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone).toOffsetDateTime());
    }

    private static String display(Measure m) {
        return switch (m) {
            case ACTIVITY -> "Activity events in the day";
            case ROOM_TRANSITIONS -> "Room transitions in the day";
            case NIGHT_BATHROOM_VISITS -> "Night-time bathroom visits";
            case TIME_IN_BED -> "Time in bed (bed occupancy)";
            case TIME_OUT_OF_HOME -> "Time out of home";
            case FIRST_ACTIVITY -> "First activity of the day";
            case LAST_ACTIVITY -> "Last activity of the day";
            case KETTLE_USES -> "Kettle uses";
            case CANCELLED_WARNINGS -> "Warnings cancelled by the resident (I'm OK)";
        };
    }
}
