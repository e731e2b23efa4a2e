package org.hearth.simulator.carerecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.param.DateRangeParam;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hearth.simulator.SharedSandbox;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox must behave like a real care record: conditional create is idempotent inside transactions,
 * Task updates are visible to {@code _lastUpdated} polling, and the inspector sees genuine duplicates.
 */
class CareRecordSandboxIT {

    private static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";

    /** A system of our own so counts are not disturbed by other ITs sharing the sandbox. */
    private final String system = "https://hearth.test/Id/alert/" + UUID.randomUUID();

    private static CareRecordSandbox sandbox;
    private static IGenericClient client;
    private static CareRecordInspector inspector;

    @BeforeAll
    static void startSandbox() {
        sandbox = SharedSandbox.get();
        client = sandbox.fhirContext().newRestfulGenericClient(sandbox.baseUrl());
        inspector = SharedSandbox.inspector();
    }

    @Test
    void baseUrlIsLoopbackFhirEndpoint() {
        assertThat(sandbox.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+/fhir");
    }

    @Test
    void replayedTransactionIsIdempotent() {
        String value = "fall-" + UUID.randomUUID();
        Bundle alert = alertTransaction(value, "Device/gw-" + value, "Organization/team-" + value,
                "Patient/pat-" + value);

        Bundle first = client.transaction().withBundle(alert).execute();
        Bundle second = client.transaction().withBundle(alert).execute();

        assertThat(statuses(first)).containsExactly("201", "201");
        assertThat(statuses(second)).containsExactly("200", "200");
        assertThat(locations(second)).isEqualTo(locations(first));

        assertThat(inspector.countObservationsByIdentifier(system)).containsExactly(entry(value));
        assertThat(inspector.countTasksByIdentifier(system)).containsExactly(entry(value));
        Task task = inspector.taskByIdentifier(system, value).orElseThrow();
        assertThat(task.getFocus().getReferenceElement().toUnqualifiedVersionless().getValue())
                .isEqualTo(locations(first).get(0));
    }

    @Test
    void referencesToUnknownOrConditionalTargetsDoNotFailTheTransaction() {
        String gateway = "Device/gw-" + UUID.randomUUID();
        String nhsNumber = "999" + UUID.randomUUID().toString().replaceAll("\\D", "");
        String patient = "Patient?identifier=" + NHS_NUMBER + "|" + nhsNumber;
        String numericTeam = "Organization/" + Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000L);

        Bundle first = client.transaction().withBundle(
                alertTransaction("door-" + UUID.randomUUID(), gateway, numericTeam, patient)).execute();
        Bundle second = client.transaction().withBundle(
                alertTransaction("door-" + UUID.randomUUID(), gateway, numericTeam, patient)).execute();

        assertThat(statuses(first)).containsExactly("201", "201");
        assertThat(statuses(second)).containsExactly("201", "201");
        // The gateway's acknowledgement poll filters on requester: it must find Tasks whose Device was never posted.
        Bundle byRequester = client.search().forResource(Task.class)
                .where(Task.REQUESTER.hasId(gateway))
                .returnBundle(Bundle.class).execute();
        assertThat(byRequester.getEntry()).hasSize(2);
        // Both alerts resolved the conditional reference to one (placeholder) Patient carrying the NHS number.
        Bundle patients = client.search().forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndIdentifier(NHS_NUMBER, nhsNumber))
                .returnBundle(Bundle.class).execute();
        assertThat(patients.getEntry()).hasSize(1);
        String patientId = patients.getEntryFirstRep().getResource().getIdElement().toUnqualifiedVersionless().getValue();
        assertThat(byRequester.getEntry())
                .extracting(e -> ((Task) e.getResource()).getFor().getReference())
                .containsOnly(patientId);
    }

    @Test
    void taskStatusUpdateIsVisibleToLastUpdatedPolling() {
        String value = "inactivity-" + UUID.randomUUID();
        Bundle created = client.transaction().withBundle(alertTransaction(value, "Device/gw-" + value,
                "Organization/team-" + value, "Patient/pat-" + value)).execute();
        String taskId = locations(created).get(1);
        Task stored = client.read().resource(Task.class).withId(new IdType(taskId)).execute();
        String cursor = new InstantType(stored.getMeta().getLastUpdated()).getValueAsString();

        assertThat(tasksUpdatedAfter(value, cursor)).as("nothing changed since the cursor yet").isEmpty();

        inspector.setTaskStatus(taskId, Task.TaskStatus.ACCEPTED);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(tasksUpdatedAfter(value, cursor))
                        .singleElement()
                        .satisfies(t -> {
                            assertThat(t.getStatus()).isEqualTo(Task.TaskStatus.ACCEPTED);
                            assertThat(t.getIdElement().toUnqualifiedVersionless().getValue()).isEqualTo(taskId);
                        }));
    }

    @Test
    void inspectorSeesPlainDuplicateCreate() {
        String value = "help-" + UUID.randomUUID();
        Observation obs = observation(value, "Patient/pat-" + value);
        String ifNoneExist = "Observation?identifier=" + system + "|" + value;

        MethodOutcome created = client.create().resource(obs).conditionalByUrl(ifNoneExist).execute();
        MethodOutcome replayed = client.create().resource(obs).conditionalByUrl(ifNoneExist).execute();
        assertThat(created.getCreated()).isTrue();
        assertThat(replayed.getCreated()).isNotEqualTo(Boolean.TRUE);
        assertThat(inspector.duplicateCount(system)).isZero();

        client.create().resource(obs).execute(); // deliberately unconditional

        assertThat(inspector.duplicateCount(system)).isEqualTo(1);
        assertThat(inspector.countObservationsByIdentifier(system)).containsEntry(value, 2);
        assertThat(inspector.allObservations()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void inspectorFollowsPaging() {
        int n = 120; // above HAPI's maximum page size (50), so everything beyond the first page needs the next links
        Bundle batch = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        for (int i = 0; i < n; i++) {
            Observation obs = observation("metric-" + i, "Patient/pat-paging");
            batch.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(obs)
                    .getRequest().setMethod(HTTPVerb.POST).setUrl("Observation");
        }
        client.transaction().withBundle(batch).execute();

        assertThat(inspector.countObservationsByIdentifier(system))
                .hasSize(n)
                .allSatisfy((value, count) -> assertThat(count).isEqualTo(1));
        assertThat(inspector.allObservations()).hasSizeGreaterThanOrEqualTo(n);
    }

    private List<Task> tasksUpdatedAfter(String value, String cursor) {
        Bundle b = client.search().forResource(Task.class)
                .where(Task.IDENTIFIER.exactly().systemAndIdentifier(system, value))
                .lastUpdated(new DateRangeParam().setLowerBound("gt" + cursor))
                .returnBundle(Bundle.class).execute();
        return b.getEntry().stream().map(e -> (Task) e.getResource()).toList();
    }

    /** An alert as the gateway sends it: Observation + Task, both conditional, Task.focus → the Observation. */
    private Bundle alertTransaction(String value, String gateway, String team, String patient) {
        String obsUuid = "urn:uuid:" + UUID.randomUUID();
        Observation obs = observation(value, patient);
        obs.setDevice(new Reference(gateway));

        Task task = new Task();
        task.addIdentifier(new Identifier().setSystem(system).setValue(value));
        task.setStatus(Task.TaskStatus.REQUESTED);
        task.setIntent(Task.TaskIntent.ORDER);
        task.setPriority(Task.TaskPriority.STAT);
        task.setFocus(new Reference(obsUuid));
        task.setFor(new Reference(patient));
        task.setRequester(new Reference(gateway));
        task.setOwner(new Reference(team));

        Bundle b = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        add(b, obs, obsUuid, value);
        add(b, task, "urn:uuid:" + UUID.randomUUID(), value);
        return b;
    }

    private void add(Bundle b, Resource r, String fullUrl, String value) {
        b.addEntry().setFullUrl(fullUrl).setResource(r).getRequest()
                .setMethod(HTTPVerb.POST)
                .setUrl(r.fhirType())
                .setIfNoneExist("identifier=" + system + "|" + value);
    }

    private Observation observation(String value, String patient) {
        Observation obs = new Observation();
        obs.addIdentifier(new Identifier().setSystem(system).setValue(value));
        obs.setStatus(Observation.ObservationStatus.PRELIMINARY);
        obs.getCode().addCoding().setSystem("http://snomed.info/sct").setCode("1912002").setDisplay("Fall");
        obs.setSubject(new Reference(patient));
        obs.setEffective(new DateTimeType(new Date()));
        return obs;
    }

    private static List<String> statuses(Bundle response) {
        return response.getEntry().stream()
                .map(BundleEntryComponent::getResponse)
                .map(r -> r.getStatus().split(" ")[0])
                .toList();
    }

    private static List<String> locations(Bundle response) {
        return response.getEntry().stream()
                .map(e -> new IdType(e.getResponse().getLocation()).toUnqualifiedVersionless().getValue())
                .toList();
    }

    private static Map.Entry<String, Integer> entry(String value) {
        return Map.entry(value, 1);
    }
}
