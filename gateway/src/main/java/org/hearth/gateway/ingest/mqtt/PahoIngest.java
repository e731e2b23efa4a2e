package org.hearth.gateway.ingest.mqtt;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.hearth.gateway.ingest.GroupCommit;
import org.hearth.gateway.ingest.MessageSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to the broker at QoS 1 with a persistent session (clean session off, fixed client id), so the broker
 * queues messages while the gateway or the broker restarts. Store before acknowledge: with a {@link MessageSink},
 * Paho acknowledges a message only after {@code messageArrived} returns and the sink stores before returning; with
 * {@link GroupCommit}, the PUBACK is sent by hand once the message's batch has committed. If the sink throws,
 * the exception propagates to Paho, which drops the connection without acknowledging; the broker redelivers after
 * reconnect.
 *
 * <p>Reconnection is ours, not Paho's: every attempt uses a FRESH {@link MqttAsyncClient} (same client id, so the
 * broker resumes the session) and the old one is discarded on another thread. Paho 1.2.5 was seen to hang ~30 s in the
 * first connect of a client whose connection had been cut by a broker restart, and its automatic reconnect never to
 * retry at all. Attempts run on our own thread with a short capped backoff; a watchdog abandons an attempt that has
 * not completed in {@link #WATCHDOG}. Inbound QoS 1 needs no client-side persistence (the broker keeps the unacked
 * message), so each client gets a {@link MemoryPersistence}.
 */
public final class PahoIngest implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PahoIngest.class);
    /** Paho's own connect timeout, in seconds. */
    private static final int CONNECT_TIMEOUT_SECONDS = 3;
    /** An attempt not completed by then is abandoned and a fresh client tries again. */
    static final Duration WATCHDOG = Duration.ofSeconds(8);

    private final String brokerUri;
    private final String clientId;
    private final MqttConnectOptions options;
    private final List<String> subscriptions;
    private final MessageSink sink;
    private final GroupCommit groupCommit;
    private final ScheduledExecutorService connector;
    private final ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(500), Duration.ofSeconds(2));
    private final CompletableFuture<Void> firstSubscription = new CompletableFuture<>();
    /** Numbers the clients: callbacks of a discarded client are ignored. */
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private volatile MqttAsyncClient client;
    private volatile boolean subscribedNow;
    private volatile boolean closed;

    public PahoIngest(String brokerUri, String clientId, Optional<String> username, Optional<String> password,
            String subscription, MessageSink sink) {
        this(brokerUri, clientId, username, password, List.of(subscription), sink);
    }

    /** As the other constructor, subscribing to every filter in {@code subscriptions} (at QoS 1, in one request). */
    public PahoIngest(String brokerUri, String clientId, Optional<String> username, Optional<String> password,
            List<String> subscriptions, MessageSink sink) {
        this(brokerUri, clientId, username, password, subscriptions, sink, null);
    }

    /**
     * As the other constructors, but messages go through {@code groupCommit}: acknowledgements are manual, and each
     * PUBACK is sent only once the batch holding its message has committed. A failed batch is never acknowledged:
     * the gateway reconnects with a fresh client, and the broker redelivers what was not acknowledged.
     */
    public PahoIngest(String brokerUri, String clientId, Optional<String> username, Optional<String> password,
            List<String> subscriptions, GroupCommit groupCommit) {
        this(brokerUri, clientId, username, password, subscriptions, null, groupCommit);
    }

    private PahoIngest(String brokerUri, String clientId, Optional<String> username, Optional<String> password,
            List<String> subscriptions, MessageSink sink, GroupCommit groupCommit) {
        if (subscriptions.isEmpty()) {
            throw new IllegalArgumentException("at least one subscription is needed");
        }
        this.brokerUri = brokerUri;
        this.clientId = clientId;
        this.subscriptions = List.copyOf(subscriptions);
        this.sink = sink;
        this.groupCommit = groupCommit;
        this.options = new MqttConnectOptions();
        options.setCleanSession(false);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(30);
        options.setMaxInflight(1000);
        options.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
        if (brokerUri.startsWith("tcp://")) {
            options.setSocketFactory(new NoDelaySocketFactory());
        }
        username.ifPresent(options::setUserName);
        password.ifPresent(p -> options.setPassword(p.toCharArray()));
        this.connector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hearth-mqtt-connect");
            t.setDaemon(true);
            return t;
        });
    }

    /** Connects now, or keeps trying in the background until the broker answers. Never blocks. */
    public void start() {
        connector.execute(this::attempt);
    }

    /** True while connected to the broker and subscribed. */
    public boolean connected() {
        MqttAsyncClient c = client;
        return subscribedNow && c != null && c.isConnected();
    }

    /** Completes when the first subscription is acknowledged by the broker: from then on, messages are taken. */
    public CompletionStage<Void> subscribed() {
        return firstSubscription;
    }

    /** Successful connections (subscribed) so far: more than one means the gateway has reconnected. */
    public long connections() {
        return connections.get();
    }

    /** One connection attempt with a fresh client; runs on the connector thread only. */
    private void attempt() {
        if (closed || connected()) {
            return;
        }
        long gen = generation.incrementAndGet();
        subscribedNow = false;
        discard(client);
        MqttAsyncClient fresh;
        try {
            fresh = new MqttAsyncClient(brokerUri, clientId, new MemoryPersistence());
        } catch (MqttException e) {
            LOG.error("mqtt client could not be created ({}); retrying", e.getReasonCode());
            retryLater(gen);
            return;
        }
        client = fresh;
        fresh.setManualAcks(groupCommit != null);
        fresh.setCallback(new Callback(gen, fresh));
        connector.schedule(() -> watchdog(gen), WATCHDOG.toMillis(), TimeUnit.MILLISECONDS);
        try {
            fresh.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    subscribe(fresh, gen);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    LOG.warn("mqtt broker not reachable ({}); retrying", reason(e));
                    retryLater(gen);
                }
            });
        } catch (MqttException e) {
            LOG.warn("mqtt connect failed ({}); retrying", e.getReasonCode());
            retryLater(gen);
        }
    }

    private void subscribe(MqttAsyncClient c, long gen) {
        String[] filters = subscriptions.toArray(new String[0]);
        int[] qos = new int[filters.length];
        Arrays.fill(qos, 1);
        try {
            c.subscribe(filters, qos, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    if (gen != generation.get()) {
                        return;
                    }
                    subscribedNow = true;
                    backoff.reset();
                    long n = connections.incrementAndGet();
                    LOG.info("mqtt connected and subscribed ({})", n == 1 ? "first" : "reconnect " + (n - 1));
                    firstSubscription.complete(null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    LOG.error("mqtt subscribe refused ({}); reconnecting", reason(e));
                    retryLater(gen);
                }
            });
        } catch (MqttException e) {
            LOG.error("mqtt subscribe failed ({}); reconnecting", e.getReasonCode());
            retryLater(gen);
        }
    }

    /** Schedules the next attempt, once per client: later failures of the same client are ignored. */
    private void retryLater(long gen) {
        if (closed || gen != generation.get()) {
            return;
        }
        Duration wait = backoff.next();
        try {
            connector.schedule(() -> {
                if (gen == generation.get()) {
                    attempt();
                }
            }, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("mqtt reconnect not scheduled: closing");
        }
    }

    private void watchdog(long gen) {
        if (!closed && gen == generation.get() && !connected()) {
            LOG.warn("mqtt connect did not complete within {}; abandoning that client", WATCHDOG);
            attempt();
        }
    }

    /** Closes a client on its own thread: a Paho close can hang, and must never hold up the next attempt. */
    private static void discard(MqttAsyncClient old) {
        if (old == null) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                old.disconnectForcibly(0, 500, false);
            } catch (MqttException | RuntimeException e) {
                LOG.debug("mqtt discard disconnect: {}", e.getClass().getSimpleName());
            }
            try {
                old.close(true);
            } catch (MqttException | RuntimeException e) {
                LOG.debug("mqtt discard close: {}", e.getClass().getSimpleName());
            }
        }, "hearth-mqtt-discard");
        t.setDaemon(true);
        t.start();
    }

    private static String reason(Throwable e) {
        if (e instanceof MqttException m) {
            return "reason " + m.getReasonCode();
        }
        return e == null ? "unknown" : e.getClass().getSimpleName();
    }

    /** A batch was not stored: leave without acknowledging it, so the broker redelivers it to a fresh client. */
    private void reconnectForRedelivery(long gen) {
        try {
            connector.execute(() -> {
                if (gen == generation.get() && !closed) {
                    LOG.warn("mqtt reconnecting so that the broker redelivers what could not be stored");
                    subscribedNow = false;
                    attempt();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("mqtt redelivery reconnect not scheduled: closing");
        }
    }

    /** Paho's callbacks for one client generation. */
    private final class Callback implements MqttCallback {
        private final long gen;
        private final MqttAsyncClient owner;

        Callback(long gen, MqttAsyncClient owner) {
            this.gen = gen;
            this.owner = owner;
        }

        @Override
        public void connectionLost(Throwable cause) {
            if (gen == generation.get()) {
                subscribedNow = false;
                LOG.warn("mqtt connection lost ({}); reconnecting", reason(cause));
                retryLater(gen);
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
            if (groupCommit == null) {
                // Returns only once stored; Paho sends the PUBACK after this returns.
                sink.onMessage(topic, message.getPayload());
                return;
            }
            int id = message.getId();
            int qos = message.getQos();
            // Blocks while the group-commit queue is full: Paho stops reading, and the broker holds the rest.
            groupCommit.submit(topic, message.getPayload(), new GroupCommit.Acknowledgement() {
                @Override
                public void stored() {
                    if (qos == 0) {
                        return;
                    }
                    try {
                        owner.messageArrivedComplete(id, qos);
                    } catch (MqttException | RuntimeException e) {
                        LOG.debug("mqtt ack after store: {}", reason(e)); // that client is gone: redelivered
                    }
                }

                @Override
                public void failed(RuntimeException cause) {
                    reconnectForRedelivery(gen);
                }
            });
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // the ingest client publishes nothing
        }
    }

    @Override
    public void close() {
        closed = true;
        connector.shutdownNow();
        MqttAsyncClient c = client;
        if (c == null) {
            return;
        }
        try {
            if (c.isConnected()) {
                c.disconnect(2_000).waitForCompletion(3_000);
            }
        } catch (MqttException e) {
            LOG.debug("mqtt disconnect: {}", e.getReasonCode());
        }
        try {
            c.close(true);
        } catch (MqttException e) {
            LOG.debug("mqtt close: {}", e.getReasonCode());
        }
    }
}
