package org.hearth.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    /** Records what happened, in order, across the writer and the acknowledgements. */
    private final ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();

    private GroupCommit.Acknowledgement ack(String name) {
        return new GroupCommit.Acknowledgement() {
            @Override
            public void stored() {
                log.add("ack " + name);
            }

            @Override
            public void failed(RuntimeException cause) {
                log.add("fail " + name);
            }
        };
    }

    @Test
    void acknowledgesOnlyAfterTheBatchHoldingTheMessageCommitted() throws Exception {
        try (GroupCommit commit = new GroupCommit(batch -> log.add("commit " + batch.size()), 100, 50)) {
            commit.submit("a", new byte[0], ack("a"));
            await().atMost(Duration.ofSeconds(10)).until(() -> log.size() == 2);
        }
        assertThat(log).containsExactly("commit 1", "ack a");
    }

    @Test
    void messagesThatQueueDuringACommitShareTheNextTransaction() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch letFirstFinish = new CountDownLatch(1);
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        try (GroupCommit commit = new GroupCommit(batch -> {
            sizes.add(batch.size());
            if (sizes.size() == 1) {
                firstStarted.countDown();
                awaitLatch(letFirstFinish);
            }
        }, 100, 3)) {
            commit.submit("first", new byte[0], ack("first"));
            awaitLatch(firstStarted);
            for (int i = 0; i < 5; i++) {
                commit.submit("m" + i, new byte[0], ack("m" + i));
            }
            assertThat(log).isEmpty(); // nothing acknowledged while its commit has not happened
            letFirstFinish.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> log.size() == 6);
        }
        assertThat(sizes).containsExactly(1, 3, 2); // capped at maxBatch
    }

    @Test
    void aFailedBatchIsNeverAcknowledged() throws Exception {
        try (GroupCommit commit = new GroupCommit(batch -> {
            throw new IllegalStateException("disk I/O error");
        }, 10, 10)) {
            commit.submit("a", new byte[0], ack("a"));
            await().atMost(Duration.ofSeconds(10)).until(() -> log.size() == 1);
        }
        assertThat(log).containsExactly("fail a");
    }

    @Test
    void aFullQueueHoldsTheTransportBack() throws Exception {
        CountDownLatch letGo = new CountDownLatch(1);
        try (GroupCommit commit = new GroupCommit(batch -> awaitLatch(letGo), 2, 10)) {
            commit.submit("taken", new byte[0], ack("taken"));
            await().atMost(Duration.ofSeconds(10)).until(() -> commit.depth() == 0); // the writer holds it
            commit.submit("q1", new byte[0], ack("q1"));
            commit.submit("q2", new byte[0], ack("q2"));
            Thread transport = new Thread(() -> {
                try {
                    commit.submit("blocked", new byte[0], ack("blocked"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            transport.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> transport.getState() == Thread.State.WAITING);
            assertThat(commit.depth()).isEqualTo(2);
            letGo.countDown();
            transport.join(10_000);
            await().atMost(Duration.ofSeconds(10)).until(() -> log.size() == 4);
        }
        assertThat(log).contains("ack blocked");
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
