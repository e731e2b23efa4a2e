package org.hearth.gateway.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hearth.gateway.config.GatewayConfig.Sensor;
import org.hearth.gateway.config.SensorKind;
import org.hearth.gateway.ingest.HearthTopicDecoder;
import org.hearth.gateway.ingest.InboundMessage;
import org.hearth.gateway.ingest.IngestCounters;
import org.hearth.gateway.ingest.Zigbee2MqttDecoder;
import org.hearth.gateway.store.HomeStore;
import org.hearth.gateway.store.StoreException;
import org.hearth.gateway.store.sqlite.SqliteStore;
import org.hearth.gateway.testing.MutableClock;
import org.hearth.gateway.testing.Seeded;
import org.hearth.rules.engine.RulesEngine;
import org.hearth.rules.inactivity.InactivityPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group commit must not change what is stored: a batch is exactly its messages one by one, or nothing at all. */
class HomeMonitorBatchTest {
    private static final List<Sensor> SENSORS = List.of(
            new Sensor("hall-motion", "hall_motion", SensorKind.MOTION, "hall"),
            new Sensor("front-door", "front_door", SensorKind.CONTACT, "hall"),
            new Sensor("pendant", "help_pendant", SensorKind.BUTTON, "worn"),
            new Sensor("radar", "lounge_radar", SensorKind.RADAR, "lounge"));

    @TempDir Path dir;

    @Test
    void aBatchStoresExactlyWhatTheSameMessagesStoreOneByOne() {
        Seeded.forAll(25, 7100, random -> {
            List<InboundMessage> messages = messages(random, 1 + random.nextInt(60));
            String run = Long.toHexString(random.nextLong());
            MutableClock clockA = MutableClock.at("2026-03-29T00:30:00Z");
            MutableClock clockB = MutableClock.at("2026-03-29T00:30:00Z");
            try (SqliteStore one = SqliteStore.open(dir.resolve(run + "-one.db"), clockA, "gw");
                    SqliteStore batched = SqliteStore.open(dir.resolve(run + "-batch.db"), clockB, "gw")) {
                HomeMonitor a = monitor(one, clockA);
                HomeMonitor b = monitor(batched, clockB);
                messages.forEach(m -> a.onMessage(m.topic(), m.payload()));
                b.onMessages(messages);

                assertThat(batched.eventCount()).isEqualTo(one.eventCount());
                assertThat(batched.alertCount()).isEqualTo(one.alertCount());
                assertThat(batched.loadMonitorState()).isEqualTo(one.loadMonitorState());
            }
        });
    }

    @Test
    void aFailedBatchStoresNothingAndIsTakenWholeWhenRedelivered() {
        MutableClock clock = MutableClock.at("2026-06-01T09:00:00Z");
        AtomicBoolean failing = new AtomicBoolean(true);
        try (SqliteStore real = SqliteStore.open(dir.resolve("fail.db"), clock, "gw");
                SqliteStore reference = SqliteStore.open(dir.resolve("reference.db"), clock, "gw")) {
            HomeMonitor monitor = monitor(failingOnRecord(real, failing), clock);
            List<InboundMessage> batch = List.of(
                    z2m("hall_motion", "{\"occupancy\":true}"),
                    radar(1, "motion"),
                    radar(1, "motion"), // a redelivery inside the batch
                    z2m("help_pendant", "{\"action\":\"single\"}"));

            assertThatThrownBy(() -> monitor.onMessages(batch)).isInstanceOf(StoreException.class);
            assertThat(real.eventCount()).isZero();
            assertThat(real.alertCount()).isZero();

            failing.set(false);
            monitor.onMessages(batch); // the broker redelivers the whole batch after the reconnect
            monitor(reference, clock).onMessages(batch);

            assertThat(reference.eventCount()).isPositive();
            assertThat(real.eventCount()).isEqualTo(reference.eventCount());
            assertThat(real.alertCount()).isEqualTo(1);
            assertThat(real.loadMonitorState()).isEqualTo(reference.loadMonitorState());
        }
    }

    private static HomeMonitor monitor(HomeStore store, MutableClock clock) {
        return new HomeMonitor(new RulesEngine(InactivityPolicy.ukDefault(java.time.ZoneId.of("Europe/London"))), store,
                new Zigbee2MqttDecoder("zigbee2mqtt", SENSORS), new IngestCounters(), clock, alerts -> { },
                new HearthTopicDecoder("home-1", SENSORS));
    }

    private static List<InboundMessage> messages(SplittableRandom random, int n) {
        List<InboundMessage> messages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            messages.add(switch (random.nextInt(7)) {
                case 0 -> z2m("hall_motion", "{\"occupancy\":" + random.nextBoolean() + "}");
                case 1 -> z2m("front_door", "{\"contact\":" + random.nextBoolean() + "}");
                case 2 -> z2m("help_pendant", "{\"action\":\"single\"}");
                case 3 -> radar(random.nextInt(5), random.nextBoolean() ? "motion" : "fall");
                case 4 -> z2m("hall_motion", "{not json");
                case 5 -> z2m("nobody", "{\"occupancy\":true}");
                default -> z2m("hall_motion", "{\"occupancy\":\"maybe\"}");
            });
        }
        return messages;
    }

    private static InboundMessage z2m(String name, String json) {
        return new InboundMessage("zigbee2mqtt/" + name, json.getBytes(StandardCharsets.UTF_8));
    }

    private static InboundMessage radar(long seq, String type) {
        String json = "{\"v\":1,\"seq\":" + seq + ",\"t\":\"2026-06-01T08:59:30Z\",\"type\":\"" + type + "\"}";
        return new InboundMessage("hearth/home-1/lounge_radar/event", json.getBytes(StandardCharsets.UTF_8));
    }

    /** The real store, except that {@code record} fails while {@code failing} is set (as a disk error would). */
    private static HomeStore failingOnRecord(HomeStore real, AtomicBoolean failing) {
        return (HomeStore) Proxy.newProxyInstance(HomeStore.class.getClassLoader(), new Class<?>[] {HomeStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("record") && failing.get()) {
                        throw new StoreException("record events", new java.sql.SQLException("disk I/O error"));
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
