package org.hearth.gateway.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.hearth.gateway.config.GatewayConfig.Sensor;
import org.hearth.gateway.config.SensorKind;
import org.hearth.gateway.ingest.IngestCounters;
import org.hearth.gateway.ingest.Zigbee2MqttDecoder;
import org.hearth.gateway.store.sqlite.SqliteLocalWarnings;
import org.hearth.gateway.store.sqlite.SqliteStore;
import org.hearth.gateway.testing.MutableClock;
import org.hearth.rules.engine.RulesEngine;
import org.hearth.rules.inactivity.InactivityPolicy;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.warning.WarningPolicy;
import org.hearth.rules.warning.WarningStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The home monitor with the staged warning, on a real SQLite file and the real decoder and rules. */
class HomeMonitorWarningTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final List<Sensor> SENSORS = List.of(
            new Sensor("kitchen-motion", "kitchen_motion", SensorKind.MOTION, "kitchen"),
            new Sensor("pendant", "help_pendant", SensorKind.BUTTON, "worn"));
    private static final Duration ALLOWANCE = Duration.ofHours(3); // the UK default bands allow 3 h by day

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-23T09:00:00Z");
    private final List<Alert> raised = new ArrayList<>();
    private final AtomicInteger warned = new AtomicInteger();
    private SqliteStore store;
    private HomeMonitor monitor;

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir.resolve("hearth.db"), clock, "gw-test");
        monitor = monitor();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private HomeMonitor monitor() {
        var stage = new WarningStage(WarningPolicy.defaults(Set.of("pendant"), Set.of("single")));
        return new HomeMonitor(new RulesEngine(InactivityPolicy.ukDefault(LONDON)), store,
                new Zigbee2MqttDecoder("zigbee2mqtt", SENSORS), new IngestCounters(), clock, raised::addAll, null,
                stage, warned::incrementAndGet);
    }

    private void send(String name, String json) {
        monitor.onMessage("zigbee2mqtt/" + name, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Motion at 09:00, then time passes to the inactivity deadline: the alert is held back for a warning. */
    private Instant warnAtDeadline() {
        send("kitchen_motion", "{\"occupancy\":true}");
        clock.advance(Duration.ofSeconds(90)); // a real PIR clears after its own timeout (else it looks stuck)
        send("kitchen_motion", "{\"occupancy\":false}");
        Instant deadline = clock.instant().plus(monitor.nextDeadline().map(d -> Duration.between(clock.instant(), d))
                .orElseThrow());
        clock.advance(Duration.between(clock.instant(), deadline));
        monitor.tick();
        return deadline;
    }

    private long outboxRows() throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hearth.db"));
                var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM outbox")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void anInactivityAlertWaitsForTheWarningAndAnOkPressCancelsItForGood() throws Exception {
        Instant warnedAt = warnAtDeadline();
        assertThat(warnedAt).isEqualTo(Instant.parse("2026-11-23T09:00:00Z").plus(ALLOWANCE));
        assertThat(raised).isEmpty();
        assertThat(warned).hasValue(1);
        assertThat(new SqliteLocalWarnings(store).unpublished(clock.instant())).singleElement()
                .satisfies(w -> assertThat(w.deadline()).isEqualTo(warnedAt.plus(Duration.ofMinutes(5))));
        assertThat(monitor.nextDeadline()).contains(warnedAt.plus(Duration.ofMinutes(5)));

        clock.advance(Duration.ofMinutes(2));
        send("help_pendant", "{\"action\":\"single\"}");
        clock.advance(Duration.ofHours(1));
        monitor.tick();

        assertThat(raised).isEmpty(); // no help call, no inactivity alert
        assertThat(outboxRows()).isZero();
        assertThat(store.alertCount()).isZero();
        assertThat(store.cancelledWarnings(warnedAt, clock.instant())).singleElement().satisfies(c -> {
            assertThat(c.alert().type()).isEqualTo(AlertType.PROLONGED_INACTIVITY);
            assertThat(c.alert().evidence().events()).isNotEmpty();
            assertThat(c.cancelledBy()).isEqualTo("pendant");
            assertThat(c.cancelledAt()).isEqualTo(warnedAt.plus(Duration.ofMinutes(2)));
        });
        assertThat(new SqliteLocalWarnings(store).unpublished(warnedAt)).isEmpty();
    }

    @Test
    void unansweredTheSameAlertIsRaisedOnceAtTheDeadline() throws Exception {
        Instant warnedAt = warnAtDeadline();
        clock.advance(Duration.ofMinutes(4));
        send("kitchen_motion", "{\"occupancy\":false}"); // not activity, and activity would not cancel either
        monitor.tick();
        assertThat(raised).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        monitor.tick();
        clock.advance(Duration.ofMinutes(10));
        monitor.tick();

        assertThat(raised).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AlertType.PROLONGED_INACTIVITY);
            assertThat(a.onset()).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
            assertThat(a.raisedAt()).isEqualTo(warnedAt.plus(Duration.ofMinutes(5)));
            assertThat(a.evidence().explanation()).contains("nobody answered");
        });
        assertThat(outboxRows()).isEqualTo(1);
        assertThat(store.cancelledWarnings(warnedAt, clock.instant())).isEmpty();
    }

    @Test
    void aHelpPressDuringTheWarningGoesAtOnceAndTheWarningStillRunsOut() {
        warnAtDeadline();
        clock.advance(Duration.ofMinutes(1));
        send("help_pendant", "{\"action\":\"hold\"}"); // not the OK action: a call for help
        assertThat(raised).extracting(Alert::type).containsExactly(AlertType.HELP_BUTTON);

        clock.advance(Duration.ofMinutes(4));
        monitor.tick();

        assertThat(raised).extracting(Alert::type)
                .containsExactly(AlertType.HELP_BUTTON, AlertType.PROLONGED_INACTIVITY);
    }

    @Test
    void aPressWithNoWarningPendingIsACallForHelp() {
        send("help_pendant", "{\"action\":\"single\"}");

        assertThat(raised).extracting(Alert::type).containsExactly(AlertType.HELP_BUTTON);
    }

    @Test
    void aRestartDuringTheWarningKeepsItsDeadlineAndRaisesOnce() throws Exception {
        Instant warnedAt = warnAtDeadline();
        clock.advance(Duration.ofMinutes(3));
        store.close();

        store = SqliteStore.open(dir.resolve("hearth.db"), clock, "gw-test");
        monitor = monitor();
        assertThat(monitor.nextDeadline()).contains(warnedAt.plus(Duration.ofMinutes(5)));
        monitor.tick();
        assertThat(raised).isEmpty();
        clock.advance(Duration.ofMinutes(30)); // down across the deadline: raised at the deadline itself
        monitor.tick();
        monitor.tick();

        assertThat(raised).singleElement().extracting(Alert::raisedAt).isEqualTo(warnedAt.plus(Duration.ofMinutes(5)));
        assertThat(outboxRows()).isEqualTo(1);
    }
}
