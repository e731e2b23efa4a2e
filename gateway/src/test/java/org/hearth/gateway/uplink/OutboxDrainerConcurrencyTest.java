package org.hearth.gateway.uplink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hearth.gateway.store.OutboxItem;
import org.hearth.gateway.store.sqlite.SqliteStore;
import org.hearth.gateway.testing.MutableClock;
import org.hearth.gateway.testing.TestAlerts;
import org.hearth.rules.engine.EngineState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backlog drained with several transactions in flight at once, over a real SQLite outbox. */
class OutboxDrainerConcurrencyTest {
    private static final int MAX_IN_FLIGHT = 4;
    private static final int BATCH = 5;

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-03-28T10:00:00Z");
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger sameIdentifierTwiceInFlight = new AtomicInteger();
    /** Every call after the first waits here until MAX_IN_FLIGHT calls are in flight together. */
    private final CyclicBarrier allInFlight = new CyclicBarrier(MAX_IN_FLIGHT);
    private SqliteStore store;

    @BeforeEach
    void setUp() {
        store = SqliteStore.open(dir.resolve("hearth.db"), clock, "gw-test");
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void aBacklogGoesInConcurrentBatchesOfDistinctAlertsAfterAFirstLoneRequest() throws Exception {
        int alerts = BATCH * (1 + 2 * MAX_IN_FLIGHT);
        Instant start = clock.instant();
        for (int i = 0; i < alerts; i++) {
            store.record(List.of(), EngineState.initial(), List.of(TestAlerts.helpButton("pendant-" + i, start)));
        }
        try (var drainer = new OutboxDrainer(store, new BarrierCareRecord(), clock, Duration.ofSeconds(2),
                Duration.ofMinutes(10), BATCH, MAX_IN_FLIGHT)) {
            int delivered = drainer.drainOnce();

            assertThat(delivered).isEqualTo(alerts);
        }
        assertThat(calls.get()).as("one warm-up request, then two waves of four").isEqualTo(1 + 2 * MAX_IN_FLIGHT);
        assertThat(allInFlight.isBroken()).as("four requests were in flight together").isFalse();
        assertThat(sameIdentifierTwiceInFlight.get()).isZero();
        assertThat(sent).hasSize(alerts).doesNotHaveDuplicates();
        assertThat(store.stats().delivered()).isEqualTo(alerts);
        assertThat(store.stats().pending()).isZero();
    }

    @Test
    void aTransientFailureSendsTheNextRequestAloneWithHalfTheBatchThenSpeedsUpAgain() {
        Instant start = clock.instant();
        for (int i = 0; i < 20; i++) {
            store.record(List.of(), EngineState.initial(), List.of(TestAlerts.helpButton("pendant-" + i, start)));
        }
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        CareRecord slowAtFirst = new CareRecord() {
            @Override
            public Delivery send(OutboxItem item) {
                return sendAll(List.of(item));
            }

            @Override
            public Delivery sendAll(List<OutboxItem> items) {
                sizes.add(items.size());
                if (sizes.size() == 1) {
                    return new Delivery.Retry("timeout");
                }
                return new Delivery.Accepted(String.join(";", items.stream().map(i -> "Observation/1 Task/2").toList()));
            }
        };
        try (var drainer = new OutboxDrainer(store, slowAtFirst, clock, Duration.ofSeconds(2), Duration.ofMinutes(10),
                8, MAX_IN_FLIGHT)) {
            drainer.drainOnce();
        }

        assertThat(sizes).containsExactly(8, 4, 8);
        assertThat(store.stats().delivered()).isEqualTo(12);
        assertThat(store.stats().pending()).as("the 8 that timed out wait for their retry").isEqualTo(8);
    }

    /** Accepts every batch; all but the first call meet at the barrier, so they must be concurrent. */
    private final class BarrierCareRecord implements CareRecord {
        @Override
        public Delivery send(OutboxItem item) {
            return sendAll(List.of(item));
        }

        @Override
        public Delivery sendAll(List<OutboxItem> items) {
            for (OutboxItem item : items) {
                if (!inFlight.add(item.identifier())) {
                    sameIdentifierTwiceInFlight.incrementAndGet();
                }
            }
            try {
                if (calls.incrementAndGet() > 1) {
                    allInFlight.await(10, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                return new Delivery.Retry("barrier: " + e.getClass().getSimpleName());
            }
            List<String> refs = new ArrayList<>();
            for (OutboxItem item : items) {
                sent.add(item.identifier());
                inFlight.remove(item.identifier());
                refs.add("Observation/" + item.id() + " Task/" + item.id());
            }
            return new Delivery.Accepted(String.join(";", refs));
        }
    }
}
