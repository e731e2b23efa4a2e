package org.hearth.simulator.demo;

import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.hearth.gateway.app.Gateway;
import org.hearth.gateway.config.GatewayConfig;
import org.hearth.simulator.carerecord.CareRecordInspector;
import org.hearth.simulator.carerecord.CareRecordSandbox;
import org.hearth.simulator.home.DemoHome;
import org.hearth.simulator.home.Zigbee2MqttSensors;
import org.hearth.simulator.time.VirtualClock;
import org.hl7.fhir.r4.model.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: starts the care-record sandbox (real HAPI FHIR JPA), the real gateway with its embedded broker and a
 * local SQLite file, and a simulated home; plays a scripted day in virtual time (a normal morning, then the resident
 * stops moving, later a help-button press) and prints each alert as the care record accepts it. The last line counts
 * from the care record's own content.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Play a scripted day through broker, gateway and care record; print the alerts the care record accepts.")
public final class DemoCommand implements Callable<Integer> {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");
    private static final Duration TICK = Duration.ofMinutes(5);

    @Option(names = "--data", description = "folder for the gateway's SQLite file (default: a new temporary folder)")
    Path data;

    @Option(names = "--date", description = "the local day to play (default: ${DEFAULT-VALUE})", defaultValue = "2026-11-23")
    LocalDate date;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    private final Set<String> printed = new HashSet<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = data != null ? Files.createDirectories(data) : Files.createTempDirectory("hearth-demo-");
        Path store = dir.resolve("hearth.db");
        Files.deleteIfExists(store); // a demo always starts from an empty home
        out.println("demo: starting the care-record sandbox (real HAPI FHIR JPA server, ~20 s)...");
        out.flush();
        try (CareRecordSandbox sandbox = CareRecordSandbox.start(0)) {
            out.println("demo: care record at " + sandbox.baseUrl());
            var inspector = new CareRecordInspector(sandbox.fhirContext(), sandbox.baseUrl());
            var clock = VirtualClock.at(date.atTime(6, 30).atZone(LONDON).toInstant(), LONDON);
            GatewayConfig config = DemoHome.config("gw-demo", "embedded", sandbox.baseUrl(), store);
            try (Gateway gateway = Gateway.start(config, clock, false)) {
                await().atMost(Duration.ofSeconds(20)).until(gateway::ready);
                out.println("demo: gateway ready, broker " + gateway.brokerUri() + ", store " + store);
                out.flush();
                try (var home = new Zigbee2MqttSensors(gateway.brokerUri(), "demo-home-bridge", "zigbee2mqtt")) {
                    playDay(out, clock, gateway, home, inspector);
                }
                long raised = gateway.health().alertsRaised();
                await().atMost(Duration.ofSeconds(60)).until(() -> inspector.allTasks().size() >= raised);
                printAccepted(out, inspector);
                var tasks = inspector.countTasksByIdentifier(DemoHome.IDENTIFIER_SYSTEM);
                int duplicates = inspector.duplicateCount(DemoHome.IDENTIFIER_SYSTEM)
                        + inspector.duplicateTaskCount(DemoHome.IDENTIFIER_SYSTEM);
                out.println("demo: " + raised + " alerts raised, " + tasks.size() + " delivered to the care record, "
                        + duplicates + " duplicates");
                out.flush();
                return raised == 2 && tasks.size() == raised && duplicates == 0 ? 0 : 1;
            }
        }
    }

    /** The scripted day: what the resident does, in local time. */
    private void playDay(PrintWriter out, VirtualClock clock, Gateway gateway, Zigbee2MqttSensors home,
            CareRecordInspector inspector) throws Exception {
        record Act(LocalTime at, String what, String sensor, String kind) {}
        List<Act> day = List.of(
                new Act(LocalTime.of(7, 5), "wakes up", DemoHome.BEDROOM, "motion"),
                new Act(LocalTime.of(7, 12), "bathroom", DemoHome.BATHROOM, "motion"),
                new Act(LocalTime.of(7, 30), "makes breakfast", DemoHome.KITCHEN, "motion"),
                new Act(LocalTime.of(8, 15), "sits in the lounge", DemoHome.LOUNGE, "motion"),
                new Act(LocalTime.of(9, 40), "last movement: then nothing", DemoHome.LOUNGE, "motion"),
                new Act(LocalTime.of(13, 30), "moving again after the visit", DemoHome.HALL, "motion"),
                new Act(LocalTime.of(14, 10), "kitchen", DemoHome.KITCHEN, "motion"),
                new Act(LocalTime.of(15, 5), "presses the help pendant", DemoHome.PENDANT, "press"),
                new Act(LocalTime.of(15, 20), "helped up, in the lounge", DemoHome.LOUNGE, "motion"),
                new Act(LocalTime.of(19, 0), "kitchen", DemoHome.KITCHEN, "motion"),
                new Act(LocalTime.of(21, 45), "goes to bed", DemoHome.BEDROOM, "motion"));
        for (Act act : day) {
            advanceTo(out, clock, gateway, inspector, date.atTime(act.at()).atZone(LONDON).toInstant());
            long before = gateway.journalledEvents();
            if (act.kind().equals("press")) {
                home.press(act.sensor(), "single");
            } else {
                home.motion(act.sensor(), true);
            }
            out.println("  " + HHMM.format(act.at()) + " resident " + act.what());
            out.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> gateway.journalledEvents() > before);
            printAccepted(out, inspector, gateway);
            if (!act.kind().equals("press")) {
                // Like a real motion sensor: the room reads clear once its occupancy timeout passes without movement.
                advanceTo(out, clock, gateway, inspector, clock.instant().plus(Zigbee2MqttSensors.OCCUPANCY_TIMEOUT));
                long cleared = gateway.journalledEvents();
                home.motion(act.sensor(), false);
                await().atMost(Duration.ofSeconds(10)).until(() -> gateway.journalledEvents() > cleared);
            }
        }
        advanceTo(out, clock, gateway, inspector, date.atTime(22, 0).atZone(LONDON).toInstant());
    }

    /** Moves virtual time in ticks, letting the gateway evaluate its silence rules at each. */
    private void advanceTo(PrintWriter out, VirtualClock clock, Gateway gateway, CareRecordInspector inspector, Instant t) {
        while (clock.instant().isBefore(t)) {
            Instant next = clock.instant().plus(TICK);
            clock.advanceTo(next.isAfter(t) ? t : next);
            gateway.tick();
            printAccepted(out, inspector, gateway);
        }
    }

    /** Waits until the care record holds every alert raised so far, then prints the new ones. */
    private void printAccepted(PrintWriter out, CareRecordInspector inspector, Gateway gateway) {
        long raised = gateway.health().alertsRaised();
        if (raised > printed.size()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> inspector.allTasks().size() >= raised);
            printAccepted(out, inspector);
        }
    }

    private void printAccepted(PrintWriter out, CareRecordInspector inspector) {
        for (Task task : inspector.allTasks()) {
            String id = task.getIdElement().toUnqualifiedVersionless().getValue();
            if (printed.add(id)) {
                String focus = task.getFocus().getReference();
                out.println("  >> care record accepted: " + task.getPriority().toCode() + " " + task.getDescription()
                        + " [" + focus + ", " + id + ", status " + task.getStatus().toCode() + "]");
                out.flush();
            }
        }
    }
}
