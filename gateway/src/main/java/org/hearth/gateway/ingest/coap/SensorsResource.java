package org.hearth.gateway.ingest.coap;

import java.util.Map;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.server.resources.Resource;

/**
 * {@code /sensors}: lists one child per configured Hearth sensor (so {@code /.well-known/core} shows them); any other
 * id still reaches a (hidden) resource, so the core counts it as an unknown sensor and the sender gets 4.04.
 */
final class SensorsResource extends CoapResource {
    private final ReadingIntake intake;
    private final Map<String, String> sensorByIdentity;

    SensorsResource(ReadingIntake intake, Map<String, String> sensorByIdentity) {
        super("sensors");
        this.intake = intake;
        this.sensorByIdentity = sensorByIdentity;
        getAttributes().setTitle("Hearth sensors");
    }

    void addSensor(String sensorId) {
        add(new SensorResource(sensorId, intake, sensorByIdentity));
    }

    @Override
    public Resource getChild(String name) {
        Resource known = super.getChild(name);
        if (known != null) {
            return known;
        }
        SensorResource unknown = new SensorResource(name, intake, sensorByIdentity);
        unknown.setVisible(false);
        unknown.setParent(this);
        return unknown;
    }
}
