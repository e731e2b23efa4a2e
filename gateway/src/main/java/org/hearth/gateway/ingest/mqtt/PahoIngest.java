package org.hearth.gateway.ingest.mqtt;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
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
 * queues messages while the gateway restarts. Paho acknowledges a message only after {@code messageArrived} returns,
 * and the sink stores before returning: store before acknowledge. If the sink throws, the exception propagates to
 * Paho, which drops the connection without acknowledging; the broker redelivers after reconnect.
 */
public final class PahoIngest implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PahoIngest.class);

    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private final List<String> subscriptions;
    private final ScheduledExecutorService scheduler;
    private final java.util.concurrent.CompletableFuture<Void> firstSubscription = new java.util.concurrent.CompletableFuture<>();
    private volatile boolean closed;

    public PahoIngest(String brokerUri, String clientId, Optional<String> username, Optional<String> password,
            String subscription, MessageSink sink, ScheduledExecutorService scheduler) throws MqttException {
        this(brokerUri, clientId, username, password, List.of(subscription), sink, scheduler);
    }

    /** As the other constructor, subscribing to every filter in {@code subscriptions} (at QoS 1, in one request). */
    public PahoIngest(String brokerUri, String clientId, Optional<String> username, Optional<String> password,
            List<String> subscriptions, MessageSink sink, ScheduledExecutorService scheduler) throws MqttException {
        this(brokerUri, clientId, username, password, subscriptions, sink, null, scheduler);
    }

    /**
     * As the other constructors, but messages go through {@code groupCommit}: Paho's acknowledgements are manual and
     * each PUBACK is sent only once the batch holding the message has committed. A failed batch drops the connection
     * without acknowledging, so the broker redelivers after the reconnect.
     */
    public PahoIngest(String brokerUri, String clientId, Optional<String> username, Optional<String> password,
            List<String> subscriptions, GroupCommit groupCommit, ScheduledExecutorService scheduler)
            throws MqttException {
        this(brokerUri, clientId, username, password, subscriptions, null, groupCommit, scheduler);
    }

    private PahoIngest(String brokerUri, String clientId, Optional<String> username, Optional<String> password,
            List<String> subscriptions, MessageSink sink, GroupCommit groupCommit, ScheduledExecutorService scheduler)
            throws MqttException {
        if (subscriptions.isEmpty()) {
            throw new IllegalArgumentException("at least one subscription is needed");
        }
        this.subscriptions = List.copyOf(subscriptions);
        this.scheduler = scheduler;
        this.client = new MqttAsyncClient(brokerUri, clientId, new MemoryPersistence());
        this.options = new MqttConnectOptions();
        options.setCleanSession(false);
        // Reconnects are ours (every 2 s on the scheduler): Paho 1.2.5's automatic reconnect was seen never to retry
        // after a broker restart that cut the connection while a message was being stored.
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(30);
        options.setMaxInflight(1000);
        options.setConnectionTimeout(10);
        if (brokerUri.startsWith("tcp://")) {
            options.setSocketFactory(new NoDelaySocketFactory());
        }
        username.ifPresent(options::setUserName);
        password.ifPresent(p -> options.setPassword(p.toCharArray()));
        client.setManualAcks(groupCommit != null);
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                LOG.info("mqtt connected ({}), subscribing", reconnect ? "reconnect" : "first");
                subscribe();
            }

            @Override
            public void connectionLost(Throwable cause) {
                LOG.warn("mqtt connection lost: {}; reconnecting", cause == null ? "unknown" : cause.getClass().getSimpleName());
                retryLater();
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
                if (groupCommit == null) {
                    sink.onMessage(topic, message.getPayload());
                    return;
                }
                int id = message.getId();
                int qos = message.getQos();
                groupCommit.submit(topic, message.getPayload(), new GroupCommit.Acknowledgement() {
                    @Override
                    public void stored() {
                        if (qos > 0) {
                            try {
                                client.messageArrivedComplete(id, qos);
                            } catch (MqttException e) {
                                LOG.debug("mqtt ack after store: {}", e.getReasonCode()); // redelivered later
                            }
                        }
                    }

                    @Override
                    public void failed(RuntimeException cause) {
                        dropConnection();
                    }
                });
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // the gateway publishes nothing yet
            }
        });
    }

    /** Connects now, or keeps trying in the background until the broker answers. Never blocks for long. */
    public void start() {
        connect();
    }

    /** True while connected to the broker. */
    public boolean connected() {
        return client.isConnected();
    }

    /** Completes when the first subscription is acknowledged by the broker: from then on, messages are taken. */
    public java.util.concurrent.CompletionStage<Void> subscribed() {
        return firstSubscription;
    }

    private void connect() {
        if (closed || client.isConnected()) {
            return;
        }
        try {
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    // connectComplete subscribes
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    LOG.warn("mqtt broker not reachable ({}), retrying in 2 s", e == null ? "unknown" : e.getClass().getSimpleName());
                    retryLater();
                }
            });
        } catch (MqttException e) {
            LOG.warn("mqtt connect failed ({}), retrying in 2 s", e.getReasonCode());
            retryLater();
        }
    }

    /** A batch could not be stored: leave without acknowledging it, so the broker redelivers it after reconnect. */
    private void dropConnection() {
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1_000, false);
            }
        } catch (MqttException e) {
            LOG.debug("mqtt forced disconnect: {}", e.getReasonCode());
        }
        LOG.warn("mqtt connection dropped after a failed store; reconnecting for redelivery");
        retryLater();
    }

    private void retryLater() {
        if (!closed) {
            scheduler.schedule(this::connect, 2, TimeUnit.SECONDS);
        }
    }

    private void subscribe() {
        try {
            String[] filters = subscriptions.toArray(new String[0]);
            int[] qos = new int[filters.length];
            java.util.Arrays.fill(qos, 1);
            client.subscribe(filters, qos, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    firstSubscription.complete(null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    LOG.error("mqtt subscribe refused ({})", e == null ? "unknown" : e.getClass().getSimpleName());
                }
            });
        } catch (MqttException e) {
            LOG.error("mqtt subscribe failed ({})", e.getReasonCode());
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (client.isConnected()) {
                client.disconnect(2_000).waitForCompletion(3_000);
            }
        } catch (MqttException e) {
            LOG.debug("mqtt disconnect: {}", e.getReasonCode());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("mqtt close: {}", e.getReasonCode());
        }
    }
}
