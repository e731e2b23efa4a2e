package org.hearth.gateway.uplink.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.hearth.gateway.uplink.Delivery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the FHIR server's answer to a transaction decides what the outbox does next. */
class FhirCareRecordClassifyTest {

    /** A HAPI-style transaction-response: Patient and Device already there, Observation and Task created. */
    private static final String TRANSACTION_RESPONSE = """
            {
              "resourceType": "Bundle",
              "type": "transaction-response",
              "entry": [
                { "response": { "status": "200 OK", "location": "Patient/9/_history/1" } },
                { "response": { "status": "200 OK", "location": "Device/7/_history/3" } },
                { "response": { "status": "201 Created", "location": "Observation/1/_history/1" } },
                { "response": { "status": "201 Created", "location": "Task/2/_history/1" } }
              ]
            }
            """;

    @Test
    void aCreatedTransactionIsAcceptedWithTheObservationAndTaskReferences() {
        Delivery result = FhirCareRecord.classify(201, TRANSACTION_RESPONSE);

        assertThat(result).isEqualTo(new Delivery.Accepted("Observation/1 Task/2"));
    }

    @Test
    void absoluteLocationsAreReducedToRelativeReferences() {
        String absolute = TRANSACTION_RESPONSE.replace("\"Observation/1", "\"https://cr.example.nhs.uk/fhir/Observation/1")
                .replace("\"Task/2", "\"https://cr.example.nhs.uk/fhir/Task/2");

        assertThat(FhirCareRecord.classify(201, absolute)).isEqualTo(new Delivery.Accepted("Observation/1 Task/2"));
    }

    @Test
    void aReplayedTransactionWhoseResourcesAlreadyExistIsAccepted() {
        String replay = TRANSACTION_RESPONSE.replace("201 Created", "200 OK");

        Delivery result = FhirCareRecord.classify(200, replay);

        assertThat(result).isEqualTo(new Delivery.Accepted("Observation/1 Task/2"));
    }

    @ParameterizedTest
    @ValueSource(ints = {409, 429, 500, 502, 503, 504, 401})
    void transientAnswersAreRetried(int status) {
        Delivery result = FhirCareRecord.classify(status, "{\"resourceType\":\"OperationOutcome\"}");

        assertThat(result).isEqualTo(new Delivery.Retry("HTTP " + status));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 422})
    void contentTheServerRefusesIsRefused(int status) {
        Delivery result = FhirCareRecord.classify(status, "{\"resourceType\":\"OperationOutcome\"}");

        assertThat(result).isEqualTo(new Delivery.Refused("HTTP " + status));
    }

    @Test
    void aPreconditionFailureRaisesAnIntegrityAlarm() {
        Delivery result = FhirCareRecord.classify(412, "{\"resourceType\":\"OperationOutcome\"}");

        assertThat(result).isInstanceOf(Delivery.IntegrityAlarm.class);
    }

    @Test
    void anEntryThatFailedInsideASuccessfulTransactionIsRetried() {
        String conflicted = TRANSACTION_RESPONSE.replace(
                "{ \"status\": \"201 Created\", \"location\": \"Task/2/_history/1\" }", "{ \"status\": \"409 Conflict\" }");

        Delivery result = FhirCareRecord.classify(200, conflicted);

        assertThat(result).isInstanceOf(Delivery.Retry.class);
        assertThat(((Delivery.Retry) result).reason()).isEqualTo("entry status 409 Conflict");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html>Bad gateway</html>", "", "{\"resourceType\":\"Bundle\",\"entry\":[]}", "[]"})
    void aSuccessWhoseBodyDoesNotNameTheObservationAndTaskIsRetried(String body) {
        Delivery result = FhirCareRecord.classify(201, body);

        assertThat(result).isInstanceOf(Delivery.Retry.class);
    }

    @Test
    void reasonsNeverCarryTheResponseBody() {
        String body = "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"diagnostics\":\"NHS 9434765919 unknown\"}]}";

        for (int status : new int[] {400, 412, 422, 500}) {
            assertThat(FhirCareRecord.classify(status, body).toString()).doesNotContain("9434765919");
        }
    }
}
