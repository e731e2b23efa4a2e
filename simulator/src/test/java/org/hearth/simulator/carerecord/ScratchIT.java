package org.hearth.simulator.carerecord;

import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.UUID;
import org.hl7.fhir.r4.model.*;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

class ScratchIT {
    @Test
    void explore() throws Exception {
        try (CareRecordSandbox sb = CareRecordSandbox.start(0)) {
            var f = CareRecordSandbox.class.getDeclaredField("spring");
            f.setAccessible(true);
            JpaStorageSettings st = ((AnnotationConfigApplicationContext) f.get(sb)).getBean(JpaStorageSettings.class);
            IGenericClient c = sb.fhirContext().newRestfulGenericClient(sb.baseUrl());
            boolean[][] variants = {{false, false}, {true, true}, {false, true}, {true, false}};
            for (boolean[] v : variants) {
                st.setEnforceReferentialIntegrityOnWrite(v[0]);
                st.setAutoCreatePlaceholderReferenceTargets(v[1]);
                for (String patient : new String[] {"Patient/pat-" + UUID.randomUUID(), "Patient/" + (100000 + (int)(Math.random()*1e6)),
                        "Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|" + UUID.randomUUID()}) {
                    String gw = "Device/gw-" + UUID.randomUUID();
                    Task t = new Task();
                    t.setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER);
                    t.setFor(new Reference(patient)).setRequester(new Reference(gw)).setOwner(new Reference("Organization/team-" + UUID.randomUUID()));
                    Bundle b = new Bundle().setType(Bundle.BundleType.TRANSACTION);
                    b.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(t).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Task");
                    String res;
                    try {
                        Bundle r = c.transaction().withBundle(b).execute();
                        Task stored = c.read().resource(Task.class).withUrl(r.getEntryFirstRep().getResponse().getLocation()).execute();
                        int n = c.search().forResource(Task.class).where(Task.REQUESTER.hasId(gw)).returnBundle(Bundle.class).execute().getEntry().size();
                        int pats = c.search().forResource(Patient.class).returnBundle(Bundle.class).execute().getTotal();
                        res = "OK for=" + stored.getFor().getReference() + " byRequester=" + n + " patients=" + pats;
                    } catch (Exception e) {
                        res = "FAIL " + e.getMessage();
                    }
                    System.out.println("RESULT enforce=" + v[0] + " autocreate=" + v[1] + " " + patient.replaceAll("[0-9a-f-]{36}", "X") + " -> " + res);
                }
            }
        }
    }
}
