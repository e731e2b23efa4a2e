package org.hearth.gateway.uplink.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.SensorEvent;

/**
 * Encodes one alert as a FHIR R4 transaction Bundle (design.md §4, fhir.md A.1):
 * <ul>
 *   <li>Patient, conditional create on the NHS number (in a real care record it exists and nothing is written);</li>
 *   <li>Device for the gateway, conditional create on its id (the Task's requester, used to poll acknowledgements);</li>
 *   <li>Observation (category activity), the event with its evidence, conditional create on the alert identifier;</li>
 *   <li>Task (focus the Observation, for the Patient, owner the community team), conditional create on the same
 *       identifier; its status is the team's acknowledgement.</li>
 * </ul>
 * The same alert always encodes to the same bundle, so a retry is a replay.
 */
public final class FhirAlertBundle {
    /** System of NHS numbers. */
    public static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
    /** System of ODS organisation codes. */
    public static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
    /** Hearth's CodeSystem of home-sensor events. */
    public static final String EVENT_CODES = "https://fhir.hearth.example/CodeSystem/home-sensor-event";
    /** SNOMED CT, for the codes that have one. */
    public static final String SNOMED = "http://snomed.info/sct";
    /** SNOMED CT 1912002 "Fall": the first coding of every fall alert's Observation. */
    public static final String SNOMED_FALL = "1912002";
    private static final String MDC = "urn:iso:std:iso:11073:10101";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String identifierSystem;
    private final String gatewayId;
    private final String nhsNumber;
    private final String teamOdsCode;

    /**
     * @param identifierSystem the organisation-owned URI of alert identifiers; the gateway's own is {@code <it>/gateway}
     */
    public FhirAlertBundle(String identifierSystem, String gatewayId, String nhsNumber, String teamOdsCode) {
        this.identifierSystem = identifierSystem;
        this.gatewayId = gatewayId;
        this.nhsNumber = nhsNumber;
        this.teamOdsCode = teamOdsCode;
    }

    /** The identifier system used for the gateway Device. */
    public String gatewaySystem() {
        return identifierSystem + "/gateway";
    }

    /** The transaction Bundle for {@code alert} under business identifier {@code identifier}, as JSON. */
    public String encode(String identifier, Alert alert) {
        return encode(List.of(Map.entry(identifier, alert)));
    }

    /**
     * One transaction Bundle for several alerts (a backlog after an outage): Patient and Device once, then each
     * alert's Observation and Task in the given order. The response lists entries in the same order.
     */
    public String encode(List<Map.Entry<String, Alert>> alerts) {
        String patientUrl = urn("patient:" + nhsNumber);
        String deviceUrl = urn("gateway:" + gatewayId);

        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "transaction");
        ArrayNode entries = bundle.putArray("entry");
        entries.add(entry(patientUrl, patient(), "Patient", NHS_NUMBER_SYSTEM, nhsNumber));
        entries.add(entry(deviceUrl, gatewayDevice(), "Device", gatewaySystem(), gatewayId));
        for (Map.Entry<String, Alert> a : alerts) {
            String identifier = a.getKey();
            String observationUrl = urn("observation:" + identifier);
            String taskUrl = urn("task:" + identifier);
            entries.add(entry(observationUrl, observation(identifier, a.getValue(), patientUrl, deviceUrl), "Observation", identifierSystem, identifier));
            entries.add(entry(taskUrl, task(identifier, a.getValue(), observationUrl, patientUrl, deviceUrl), "Task", identifierSystem, identifier));
        }
        return bundle.toString();
    }

    private ObjectNode entry(String fullUrl, ObjectNode resource, String type, String system, String value) {
        ObjectNode e = JSON.createObjectNode();
        e.put("fullUrl", fullUrl);
        e.set("resource", resource);
        ObjectNode request = e.putObject("request");
        request.put("method", "POST");
        request.put("url", type);
        request.put("ifNoneExist", "identifier=" + system + "|" + value);
        return e;
    }

    private ObjectNode patient() {
        ObjectNode p = JSON.createObjectNode();
        p.put("resourceType", "Patient");
        FhirJson.identifier(p, NHS_NUMBER_SYSTEM, nhsNumber);
        return p;
    }

    private ObjectNode gatewayDevice() {
        ObjectNode d = JSON.createObjectNode();
        d.put("resourceType", "Device");
        FhirJson.identifier(d, gatewaySystem(), gatewayId);
        d.put("status", "active");
        ObjectNode type = d.putObject("type");
        FhirJson.coding(type.putArray("coding"), MDC, "528455", "MDC_DEV_SPEC_PROFILE_AI_ACTIVITY_HUB");
        type.put("text", "Hearth home gateway");
        return d;
    }

    private ObjectNode observation(String identifier, Alert alert, String patientUrl, String deviceUrl) {
        ObjectNode o = JSON.createObjectNode();
        o.put("resourceType", "Observation");
        FhirJson.identifier(o, identifierSystem, identifier);
        // A button press is a fact; inactivity is an inference the team should confirm.
        o.put("status", alert.type() == AlertType.HELP_BUTTON ? "final" : "preliminary");
        ObjectNode category = o.putArray("category").addObject();
        FhirJson.coding(category.putArray("coding"), "http://terminology.hl7.org/CodeSystem/observation-category", "activity", "Activity");
        ObjectNode code = o.putObject("code");
        ArrayNode codings = code.putArray("coding");
        boolean fall = isFall(alert.type());
        if (fall) {
            FhirJson.coding(codings, SNOMED, SNOMED_FALL, "Fall");
        }
        FhirJson.coding(codings, EVENT_CODES, alert.type().code(), display(alert.type()));
        code.put("text", display(alert.type()));
        o.putObject("subject").put("reference", patientUrl);
        if (alert.onset().equals(alert.raisedAt())) {
            o.put("effectiveDateTime", alert.onset().toString());
        } else {
            ObjectNode period = o.putObject("effectivePeriod");
            period.put("start", alert.onset().toString());
            period.put("end", alert.raisedAt().toString());
        }
        o.put("issued", alert.raisedAt().toString());
        o.putObject("device").put("reference", deviceUrl);
        if (alert.type() == AlertType.HELP_BUTTON || fall) {
            o.put("valueBoolean", true); // a press happened; a fall was detected (preliminary: to be confirmed)
        } else {
            minutes(o.putObject("valueQuantity"), alert.evidence().observed());
        }
        o.putArray("note").addObject().put("text", alert.evidence().explanation());
        ArrayNode components = o.putArray("component");
        component(components, "rule", "Rule that fired").put("valueString", alert.evidence().rule());
        minutes(component(components, "threshold", "Threshold that fired").putObject("valueQuantity"), alert.evidence().threshold());
        minutes(component(components, "observed", "Observed duration").putObject("valueQuantity"), alert.evidence().observed());
        for (SensorEvent e : alert.evidence().events()) {
            component(components, "evidence-event", "Sensor event behind the alert")
                    .put("valueString", e.at() + " " + e.sensorId() + " " + e.kind().name().toLowerCase(java.util.Locale.ROOT)
                            + (e.detail().isEmpty() ? "" : " " + e.detail()));
        }
        return o;
    }

    private ObjectNode task(String identifier, Alert alert, String observationUrl, String patientUrl, String deviceUrl) {
        ObjectNode t = JSON.createObjectNode();
        t.put("resourceType", "Task");
        FhirJson.identifier(t, identifierSystem, identifier);
        t.put("status", "requested");
        t.put("intent", "order");
        t.put("priority", alert.type().priority().fhirCode());
        ObjectNode code = t.putObject("code");
        FhirJson.coding(code.putArray("coding"), EVENT_CODES, "respond-to-alert", "Respond to home alert");
        t.put("description", display(alert.type()) + ": " + alert.evidence().explanation());
        t.putObject("focus").put("reference", observationUrl);
        t.putObject("for").put("reference", patientUrl);
        t.put("authoredOn", alert.raisedAt().toString());
        t.putObject("requester").put("reference", deviceUrl);
        ObjectNode owner = t.putObject("owner");
        owner.put("type", "Organization");
        ObjectNode ownerId = owner.putObject("identifier");
        ownerId.put("system", ODS_SYSTEM);
        ownerId.put("value", teamOdsCode);
        return t;
    }

    private static boolean isFall(AlertType type) {
        return type == AlertType.FALL_WEARABLE || type == AlertType.FALL_RADAR;
    }

    private static ObjectNode component(ArrayNode components, String code, String display) {
        ObjectNode c = components.addObject();
        FhirJson.coding(c.putObject("code").putArray("coding"), EVENT_CODES, code, display);
        return c;
    }

    private static void minutes(ObjectNode quantity, Duration d) {
        quantity.put("value", d.toMinutes());
        quantity.put("unit", "min");
        quantity.put("system", "http://unitsofmeasure.org");
        quantity.put("code", "min");
    }

    private static String display(AlertType type) {
        return switch (type) {
            case HELP_BUTTON -> "Help button pressed";
            case PROLONGED_INACTIVITY -> "Prolonged inactivity";
            case MONITORING_DEGRADED -> "Monitoring degraded";
            case FALL_WEARABLE -> "Fall detected by a worn sensor";
            case FALL_RADAR -> "Fall detected by radar";
            case PROLONGED_ABSENCE -> "Not back home";
            case BATHROOM_DWELL -> "In the bathroom for far longer than usual";
            case BED_EXIT_NO_RETURN -> "Up at night and not back to bed";
            case DOOR_OPEN_NIGHT -> "Front door opened at night";
            case MISSED_MORNING_ROUTINE -> "Morning routine not started";
        };
    }

    private static String urn(String name) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
