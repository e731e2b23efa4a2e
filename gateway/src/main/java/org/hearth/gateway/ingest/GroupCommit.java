package org.hearth.gateway.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit between a transport and the store: messages queue here, one writer thread takes whatever has queued
 * (up to {@code maxBatch}) and stores it in one transaction, then acknowledges each message to its transport. There is
 * no timer: a batch is what arrived while the previous one was committing, so a lone message is committed at once and
 * a flood shares one fsync per batch. The queue is bounded: when it is full, {@link #submit} blocks the transport's
 * thread, which stops reading from its socket (back-pressure to the broker) instead of growing memory.
 *
 * <p>Store before acknowledge is kept: an acknowledgement runs only after the batch holding its message committed.
 * If a batch fails, no message of it is acknowledged and each transport is told, so it can have them redelivered.
 */
public final class GroupCommit implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    /** What a transport does once its message is stored, or when storing it failed. */
    public interface Acknowledgement {
        void stored();

        void failed(RuntimeException cause);
    }

    private record Entry(InboundMessage message, Acknowledgement ack) {}

    private final BlockingQueue<Entry> queue;
    private final BatchSink sink;
    private final int maxBatch;
    private final Thread writer;
    private volatile boolean closed;

    /**
     * @param sink     stores a batch (the home monitor)
     * @param capacity messages that may wait; beyond it, submitters block
     * @param maxBatch most messages in one transaction (bounds the time one commit takes)
     */
    public GroupCommit(BatchSink sink, int capacity, int maxBatch) {
        this.sink = sink;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.writer = new Thread(this::run, "hearth-group-commit");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues a message; blocks while the queue is full. The acknowledgement runs on the writer thread. */
    public void submit(String topic, byte[] payload, Acknowledgement ack) throws InterruptedException {
        if (closed) {
            throw new IllegalStateException("group commit is closed");
        }
        queue.put(new Entry(new InboundMessage(topic, payload), ack));
    }

    /** Messages waiting to be committed. */
    public int depth() {
        return queue.size();
    }

    private void run() {
        List<Entry> batch = new ArrayList<>(maxBatch);
        while (!closed || !queue.isEmpty()) {
            try {
                Entry first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException e) {
                if (closed) {
                    break;
                }
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Entry> batch) {
        List<InboundMessage> messages = new ArrayList<>(batch.size());
        for (Entry e : batch) {
            messages.add(e.message());
        }
        try {
            sink.onMessages(messages);
        } catch (RuntimeException e) {
            LOG.error("could not store a batch of {} messages; none is acknowledged", batch.size(), e);
            for (Entry entry : batch) {
                entry.ack().failed(e);
            }
            return;
        }
        for (Entry entry : batch) {
            try {
                entry.ack().stored();
            } catch (RuntimeException e) {
                LOG.warn("acknowledgement failed after storing; the transport will redeliver", e);
            }
        }
    }

    /** Commits what has queued, then stops the writer. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        writer.join(10_000);
    }
}
