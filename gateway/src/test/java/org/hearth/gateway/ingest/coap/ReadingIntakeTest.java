package org.hearth.gateway.ingest.coap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hearth.gateway.ingest.Decoded;
import org.hearth.gateway.ingest.IngestCounters;
import org.hearth.gateway.ingest.RejectReason;
import org.junit.jupiter.api.Test;

/** Back-pressure: the CoAP intake queue is bounded, and a full queue is answered busy at once, never buffered. */
class ReadingIntakeTest {

    @Test
    void aFullQueueAnswersBusyAtOnceAndCountsIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstTaken = new CountDownLatch(1);
        IngestCounters counters = new IngestCounters();
        Decoded stored = new Decoded.Accepted(List.of());
        List<Decoded> outcomes = new CopyOnWriteArrayList<>();
        try (var intake = new ReadingIntake((id, payload) -> {
            firstTaken.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> release.await(0, TimeUnit.MILLISECONDS));
            return stored;
        }, counters, 1)) {
            intake.submit("radar", new byte[0], outcomes::add); // taken by the ingest thread, held there
            assertThat(firstTaken.await(10, TimeUnit.SECONDS)).isTrue();
            intake.submit("radar", new byte[0], outcomes::add); // waits in the queue (capacity 1)
            intake.submit("radar", new byte[0], outcomes::add); // no room: busy, answered now

            assertThat(outcomes).containsExactly(new Decoded.Rejected(RejectReason.BUSY));
            assertThat(counters.rejected(RejectReason.BUSY)).isEqualTo(1);

            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> outcomes.size() == 3);
            assertThat(outcomes).containsExactly(new Decoded.Rejected(RejectReason.BUSY), stored, stored);
        }
    }

    @Test
    void aStoreFailureIsReportedAsNoOutcomeSoTheSenderRetries() {
        List<String> answers = new CopyOnWriteArrayList<>();
        try (var intake = new ReadingIntake((id, payload) -> {
            throw new IllegalStateException("disk gone");
        }, new IngestCounters(), 4)) {
            intake.submit("radar", new byte[0], outcome -> answers.add(String.valueOf(outcome)));

            await().atMost(Duration.ofSeconds(10)).until(() -> answers.size() == 1);
            assertThat(answers).containsExactly("null");
        }
    }
}
