package org.hearth.gateway.ingest.coap;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One ingest thread behind a bounded queue: a flood cannot grow memory, and a full queue is answered at once (5.03)
 * instead of piling up. One thread, so CoAP readings reach the core in arrival order.
 */
final class IngestQueue implements AutoCloseable {
    private final ThreadPoolExecutor executor;

    IngestQueue(int capacity) {
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity),
                r -> {
                    Thread t = new Thread(r, "hearth-coap-ingest");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Queues {@code job}; false if the queue is full (nothing queued). */
    boolean offer(Runnable job) {
        try {
            executor.execute(job);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
