package org.hearth.simulator.carerecord;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.util.BundleUtil;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a FHIR server (normally the {@link CareRecordSandbox}) really holds, over its REST API, so that tests
 * and the demo count the care record's content rather than what the gateway believes it delivered. It also plays
 * the community team's part of acknowledging Tasks.
 *
 * <p>Counting is done client-side over every stored resource (all pages), so it does not depend on the server's
 * identifier index being right.
 */
public final class CareRecordInspector {

    private static final Logger LOG = LoggerFactory.getLogger(CareRecordInspector.class);
    /** Large pages keep the number of round trips low; the server caps it anyway. */
    private static final int PAGE_SIZE = 500;

    private final IGenericClient client;

    /**
     * @param ctx an R4 context (e.g. {@link CareRecordSandbox#fhirContext()})
     * @param baseUrl the FHIR base URL, e.g. {@link CareRecordSandbox#baseUrl()}
     */
    public CareRecordInspector(FhirContext ctx, String baseUrl) {
        this.client = Objects.requireNonNull(ctx, "ctx").newRestfulGenericClient(Objects.requireNonNull(baseUrl));
    }

    /** Every Task the server holds (current versions), all pages. */
    public List<Task> allTasks() {
        return all(Task.class);
    }

    /** Every Observation the server holds (current versions), all pages. */
    public List<Observation> allObservations() {
        return all(Observation.class);
    }

    /**
     * Identifier value → number of Observation resources carrying an identifier with that value in {@code system}.
     * A resource listing the same identifier twice counts once.
     */
    public Map<String, Integer> countObservationsByIdentifier(String system) {
        return countByIdentifier(allObservations(), system, Observation::getIdentifier);
    }

    /** As {@link #countObservationsByIdentifier(String)}, for Tasks (a duplicate Task is a duplicate call-out). */
    public Map<String, Integer> countTasksByIdentifier(String system) {
        return countByIdentifier(allTasks(), system, Task::getIdentifier);
    }

    /** Surplus Observations: the sum over identifiers in {@code system} of (count − 1) where count &gt; 1. */
    public int duplicateCount(String system) {
        return surplus(countObservationsByIdentifier(system));
    }

    /** Surplus Tasks: as {@link #duplicateCount(String)}, for Tasks. */
    public int duplicateTaskCount(String system) {
        return surplus(countTasksByIdentifier(system));
    }

    /**
     * The Task carrying identifier {@code system|value}, if any.
     *
     * @throws IllegalStateException if more than one Task carries it: that is a duplicate and must not be hidden
     */
    public Optional<Task> taskByIdentifier(String system, String value) {
        Bundle first = client.search()
                .forResource(Task.class)
                .where(Task.IDENTIFIER.exactly().systemAndIdentifier(system, value))
                .count(PAGE_SIZE)
                .returnBundle(Bundle.class)
                .execute();
        List<Task> matches = collect(first, Task.class);
        if (matches.size() > 1) {
            throw new IllegalStateException(
                    matches.size() + " Tasks carry identifier " + system + "|" + value + ": " + ids(matches));
        }
        return matches.stream().findFirst();
    }

    /**
     * Sets a Task's status with a plain update (PUT), as a community team's system would when acknowledging.
     *
     * @param taskId {@code "123"}, {@code "Task/123"}, or a full or versioned URL of the Task
     */
    public void setTaskStatus(String taskId, Task.TaskStatus status) {
        IdType id = new IdType(taskId).toUnqualifiedVersionless();
        Task task = client.read().resource(Task.class).withId(id.getIdPart()).execute();
        task.setStatus(Objects.requireNonNull(status, "status"));
        task.setLastModified(new Date());
        client.update().resource(task).execute();
        LOG.info("Task/{} set to {}", id.getIdPart(), status.toCode());
    }

    private <T extends IBaseResource> List<T> all(Class<T> type) {
        Bundle first = client.search()
                .forResource(type)
                .count(PAGE_SIZE)
                .returnBundle(Bundle.class)
                .execute();
        return collect(first, type);
    }

    /** Follows {@code next} links until the last page. */
    private <T extends IBaseResource> List<T> collect(Bundle first, Class<T> type) {
        List<T> out = new ArrayList<>();
        Bundle page = first;
        while (true) {
            out.addAll(BundleUtil.toListOfResourcesOfType(client.getFhirContext(), page, type));
            if (page.getLink(Bundle.LINK_NEXT) == null) {
                return out;
            }
            page = client.loadPage().next(page).execute();
        }
    }

    private static <T> Map<String, Integer> countByIdentifier(
            List<T> resources, String system, Function<T, List<Identifier>> identifiers) {
        Objects.requireNonNull(system, "system");
        Map<String, Integer> counts = new TreeMap<>();
        for (T resource : resources) {
            Set<String> values = new HashSet<>();
            for (Identifier identifier : identifiers.apply(resource)) {
                if (system.equals(identifier.getSystem()) && identifier.hasValue()) {
                    values.add(identifier.getValue());
                }
            }
            values.forEach(v -> counts.merge(v, 1, Integer::sum));
        }
        return counts;
    }

    private static int surplus(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(c -> Math.max(0, c - 1)).sum();
    }

    private static List<String> ids(List<? extends IBaseResource> resources) {
        return resources.stream().map(r -> r.getIdElement().toUnqualifiedVersionless().getValue()).toList();
    }
}
