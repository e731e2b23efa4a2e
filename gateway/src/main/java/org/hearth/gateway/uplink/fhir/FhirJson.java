package org.hearth.gateway.uplink.fhir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The small FHIR JSON shapes both bundles write: business identifiers, codings, logical references. */
final class FhirJson {

    private FhirJson() {
    }

    /** Adds {@code identifier: [{system, value}]} to a resource. */
    static void identifier(ObjectNode resource, String system, String value) {
        ObjectNode id = resource.putArray("identifier").addObject();
        id.put("system", system);
        id.put("value", value);
    }

    /** Adds one {@code {system, code, display}} to a coding array. */
    static void coding(ArrayNode codings, String system, String code, String display) {
        ObjectNode c = codings.addObject();
        c.put("system", system);
        c.put("code", code);
        c.put("display", display);
    }

    /** Fills a logical reference: {@code {type, identifier: {system, value}}}. */
    static void logicalReference(ObjectNode ref, String type, String system, String value) {
        ref.put("type", type);
        ObjectNode id = ref.putObject("identifier");
        id.put("system", system);
        id.put("value", value);
    }
}
