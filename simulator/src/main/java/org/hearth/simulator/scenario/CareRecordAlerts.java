package org.hearth.simulator.scenario;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hearth.simulator.carerecord.CareRecordInspector;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Task;

/** Reads every alert the care record holds for a set of gateways, with its evidence and acknowledgement. */
public final class CareRecordAlerts {
    private CareRecordAlerts() {}

    /** Alerts whose identifier (in {@code system}) belongs to one of {@code gatewayIds}, keyed by identifier. */
    public static Map<String, ReceivedAlert> read(CareRecordInspector inspector, String system,
            java.util.Set<String> gatewayIds) {
        Map<String, List<String>> evidence = new HashMap<>();
        for (Observation o : inspector.allObservations()) {
            String id = idIn(o.getIdentifier(), system);
            if (id != null && gatewayIds.contains(ReceivedAlert.parts(id)[0])) {
                evidence.put(id, evidenceOf(o));
            }
        }
        Map<String, ReceivedAlert> out = new LinkedHashMap<>();
        for (Task t : inspector.allTasks()) {
            String id = idIn(t.getIdentifier(), system);
            if (id == null) {
                continue;
            }
            String[] p = ReceivedAlert.parts(id);
            if (!gatewayIds.contains(p[0])) {
                continue;
            }
            ReceivedAlert seen = out.get(id);
            Instant raised = t.hasAuthoredOn() ? t.getAuthoredOn().toInstant() : Instant.EPOCH;
            out.put(id, new ReceivedAlert(id, p[0], p[1], p[2], raised,
                    t.hasPriority() ? t.getPriority().toCode() : "", t.hasStatus() ? t.getStatus().toCode() : "",
                    t.getDescription() == null ? "" : t.getDescription(), evidence.getOrDefault(id, List.of()),
                    seen == null ? 1 : seen.copies() + 1));
        }
        return out;
    }

    /**
     * Daily summaries the gateways sent, if any: Observations whose code mentions "summary" and whose identifier
     * starts with a gateway id; per gateway, the effective day to the Observation's value.
     */
    public static Map<String, Map<String, Double>> summaries(CareRecordInspector inspector,
            java.util.Set<String> gatewayIds) {
        Map<String, Map<String, Double>> out = new HashMap<>();
        for (Observation o : inspector.allObservations()) {
            String code = o.getCode().getCodingFirstRep().getCode();
            if (code == null || !code.contains("summary") || !o.hasValueQuantity() || !o.hasEffectiveDateTimeType()) {
                continue;
            }
            for (Identifier i : o.getIdentifier()) {
                String gw = i.hasValue() ? i.getValue().split(":", 2)[0] : "";
                if (gatewayIds.contains(gw)) {
                    String day = o.getEffectiveDateTimeType().getValueAsString();
                    out.computeIfAbsent(gw, k -> new java.util.TreeMap<>()).put(day.substring(0, Math.min(10,
                            day.length())), o.getValueQuantity().getValue().doubleValue());
                }
            }
        }
        return out;
    }

    private static String idIn(List<Identifier> ids, String system) {
        return ids.stream().filter(i -> system.equals(i.getSystem()) && i.hasValue()).map(Identifier::getValue)
                .findFirst().orElse(null);
    }

    private static List<String> evidenceOf(Observation o) {
        List<String> lines = new ArrayList<>();
        for (Observation.ObservationComponentComponent c : o.getComponent()) {
            String name = c.getCode().getCodingFirstRep().getDisplay();
            String value = c.hasValueStringType() ? c.getValueStringType().getValue()
                    : c.hasValueQuantity() ? c.getValueQuantity().getValue() + " " + c.getValueQuantity().getUnit()
                    : c.hasValue() ? c.getValue().primitiveValue() : "";
            lines.add((name == null ? "" : name) + ": " + (value == null ? "" : value));
        }
        o.getNote().forEach(n -> lines.add("note: " + n.getText()));
        return lines;
    }
}
