package org.hearth.simulator.scenario;

import java.time.Instant;
import java.util.List;

/**
 * An alert as the care record holds it: its Task (status = the team's acknowledgement) and the evidence of its
 * Observation.
 *
 * @param identifier  business identifier {@code <gateway>:<code>:<sensor>:<onset>}
 * @param gatewayId   the gateway part of the identifier
 * @param code        the alert code
 * @param sensorId    the sensor the alert is about
 * @param raisedAt    when the gateway raised it (Task.authoredOn, the gateway's virtual time)
 * @param priority    Task priority
 * @param status      Task status: requested until the team acknowledges
 * @param description Task description
 * @param evidence    the Observation's evidence lines (rule, threshold, sensor events)
 * @param copies      how many Tasks carry this identifier (more than one is a duplicate)
 */
public record ReceivedAlert(String identifier, String gatewayId, String code, String sensorId, Instant raisedAt,
        String priority, String status, String description, List<String> evidence, int copies) {

    /**
     * Splits an identifier into gateway, code, sensor: the onset (last part) is an ISO instant with colons, so the
     * gateway is before the first colon and the code after it.
     */
    static String[] parts(String identifier) {
        String[] p = identifier.split(":", 4);
        return p.length == 4 ? p : new String[] {identifier, "", "", ""};
    }
}
