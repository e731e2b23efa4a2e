package org.hearth.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hearth.simulator.home.WearableSensor;
import org.junit.jupiter.api.Test;

class PlanRendererTest {

    private static Scenario scenario(String yaml) throws ScenarioException {
        return ScenarioParser.parse(yaml, Path.of("."));
    }

    /** The instants at which {@code sensorId} reports anything, in order. */
    private static List<Instant> reports(HomeScript script, String sensorId) {
        return script.stimuli().stream().filter(s -> s.action().sensorId().equals(sensorId)).map(Stimulus::at).toList();
    }

    /** The longest stretch of [from, to) in which {@code at} has no instant. */
    private static Duration longestSilence(List<Instant> at, Instant from, Instant to) {
        Duration longest = Duration.ZERO;
        Instant last = from;
        for (Instant t : at) {
            Duration d = Duration.between(last, t);
            longest = d.compareTo(longest) > 0 ? d : longest;
            last = t;
        }
        Duration tail = Duration.between(last, to);
        return tail.compareTo(longest) > 0 ? tail : longest;
    }

    @Test
    void everyDeviceChecksInAboutHourlyAndPlugsEveryTenMinutesAllRunLong() throws Exception {
        Scenario s = scenario("name: quiet\ndays: 3\nseed: 11\n");
        HomeScript script = HomeScript.of(s, 0, 11);
        Instant from = RoutinePlanner.runStart(s);
        Instant to = RoutinePlanner.runEnd(s);

        for (Scenario.Sensor sensor : s.home().sensors()) {
            if (sensor.kind().equals("radar")) {
                continue;
            }
            Duration limit = sensor.kind().equals("plug") ? Duration.ofSeconds(630) : Duration.ofMinutes(62);
            assertThat(longestSilence(reports(script, sensor.id()), from, to)).as(sensor.id()).isLessThanOrEqualTo(limit);
        }
        // ok-button and pendant are never used in this run: their reports are check-ins alone
        assertThat(reports(script, "ok-button")).hasSizeGreaterThanOrEqualTo(3 * 24);
        assertThat(script.stimuli()).filteredOn(x -> x.action().sensorId().equals("ok-button"))
                .allMatch(x -> x.action() instanceof Stimulus.CheckIn);
    }

    @Test
    void checkInsAndKeepAlivesAreNotActivityAndTheKeepAliveIsAWearerAtRest() throws Exception {
        Scenario s = scenario("name: quiet\ndays: 2\nseed: 4\n");
        HomeScript script = HomeScript.of(s, 0, 4);
        List<Stimulus> keepAlives = script.stimuli().stream()
                .filter(x -> x.action() instanceof Stimulus.Accel).toList();

        assertThat(script.stimuli()).anyMatch(x -> x.action() instanceof Stimulus.CheckIn)
                .filteredOn(x -> x.action() instanceof Stimulus.CheckIn).noneMatch(x -> x.action().isActivity());
        assertThat(keepAlives).hasSizeBetween(47, 48).noneMatch(x -> x.action().isActivity());
        for (Stimulus k : keepAlives) {
            WearableSensor.Batch b = ((Stimulus.Accel) k.action()).batch();
            assertThat(b.start()).isEqualTo(k.at());
            assertThat(b.x()).hasSize(PlanRenderer.WEARABLE_HZ);
            for (int i = 0; i < b.x().length; i++) {
                double g = Math.sqrt(b.x()[i] * b.x()[i] + b.y()[i] * b.y()[i] + b.z()[i] * b.z()[i]);
                assertThat(g).isBetween(0.95, 1.05); // 1 g of gravity, far from a 1.7 g impact
            }
        }
    }

    @Test
    void checkInsAreTheSameForTheSameSeedAndDifferForAnother() throws Exception {
        Scenario s = scenario("name: quiet\ndays: 2\nseed: 4\n");
        Plan plan = new RoutinePlanner(s, 4).plan();

        List<Stimulus> a = new PlanRenderer(s.home(), 4).render(plan, List.of(), List.of());
        List<Stimulus> b = new PlanRenderer(s.home(), 4).render(plan, List.of(), List.of());
        List<Stimulus> c = new PlanRenderer(s.home(), 5).render(plan, List.of(), List.of());

        assertThat(a).isEqualTo(b);
        assertThat(a.stream().filter(x -> x.action() instanceof Stimulus.CheckIn).toList())
                .isNotEqualTo(c.stream().filter(x -> x.action() instanceof Stimulus.CheckIn).toList());
    }

    @Test
    void noCheckInWhileTheBridgeIsDownNorFromADeadDeviceButAStuckPirKeepsReporting() throws Exception {
        Scenario s = scenario("""
                name: faults
                days: 3
                inject:
                  - { kind: bridge-down, day: 1, at: "10:00", length: 3h }
                  - { kind: battery-dying, day: 2, at: "09:00", sensor: kitchen-motion }
                  - { kind: stuck-motion, day: 2, at: "12:00", sensor: hall-motion }
                """);
        HomeScript script = HomeScript.of(s, 0, 7);
        Instant downFrom = s.start().atTime(10, 0).atZone(s.zone()).toInstant();
        Instant offline = script.stimuli().stream()
                .filter(x -> x.action() instanceof Stimulus.Availability a && !a.online()).map(Stimulus::at)
                .findFirst().orElseThrow();
        Instant stuckFrom = s.start().plusDays(1).atTime(12, 0).atZone(s.zone()).toInstant();

        assertThat(script.stimuli()).filteredOn(x -> x.action() instanceof Stimulus.CheckIn)
                .noneMatch(x -> !x.at().isBefore(downFrom) && x.at().isBefore(downFrom.plus(Duration.ofHours(3))));
        assertThat(script.stimuli()).filteredOn(x -> x.action().sensorId().equals("kitchen-motion"))
                .filteredOn(x -> x.at().isAfter(offline)).isEmpty();
        assertThat(script.stimuli()).filteredOn(x -> x.action() instanceof Stimulus.CheckIn)
                .filteredOn(x -> x.action().sensorId().equals("kitchen-motion")).isNotEmpty();
        List<Stimulus> stuck = script.stimuli().stream().filter(x -> x.action().sensorId().equals("hall-motion"))
                .filter(x -> !x.at().isBefore(stuckFrom)).toList();
        assertThat(stuck).anyMatch(x -> x.action() instanceof Stimulus.CheckIn)
                .noneMatch(x -> x.action() instanceof Stimulus.Motion m && !m.occupied());
        // what those check-ins say: the PIR's last report, "occupied", again
        StimulusPublisher.Devices devices = new StimulusPublisher.Devices();
        Scenario.Sensor hall = s.home().byId("hall-motion").orElseThrow();
        String last = null;
        for (Stimulus x : script.stimuli()) {
            if (x.action().sensorId().equals("hall-motion")) {
                last = devices.report(hall, x.action());
            }
        }
        assertThat(last).contains("\"occupancy\":true");
    }

    @Test
    void aDeviceSaysItsWholeCurrentStateWithEveryReport() {
        Scenario.HomeSpec home = ScenarioDefaults.home();
        Scenario.Sensor door = home.byId("front-door").orElseThrow();
        Scenario.Sensor pir = home.byId("hall-motion").orElseThrow();
        Scenario.Sensor kettle = home.byId("kettle").orElseThrow();
        Scenario.Sensor pendant = home.byId("pendant").orElseThrow();
        Scenario.Sensor mat = new Scenario.Sensor("bed", "bed_mat", "mat", Scenario.Transport.ZIGBEE, "bedroom",
                "bed");
        StimulusPublisher.Devices d = new StimulusPublisher.Devices();

        assertThat(d.report(door, new Stimulus.CheckIn("front-door")))
                .isEqualTo("{\"contact\":true,\"battery\":95,\"linkquality\":87,\"voltage\":3005}");
        assertThat(d.report(door, new Stimulus.Contact("front-door", true))).startsWith("{\"contact\":false,");
        assertThat(d.report(door, new Stimulus.CheckIn("front-door"))).startsWith("{\"contact\":false,");
        assertThat(d.report(door, new Stimulus.Contact("front-door", false))).startsWith("{\"contact\":true,");
        assertThat(d.report(door, new Stimulus.CheckIn("front-door"))).startsWith("{\"contact\":true,");

        assertThat(d.report(pir, new Stimulus.CheckIn("hall-motion"))).startsWith("{\"occupancy\":false,");
        assertThat(d.report(pir, new Stimulus.Battery("hall-motion", 15, false)))
                .isEqualTo("{\"occupancy\":false,\"battery\":15,\"battery_low\":false,\"linkquality\":120}");
        d.report(pir, new Stimulus.Motion("hall-motion", true));
        assertThat(d.report(pir, new Stimulus.CheckIn("hall-motion")))
                .isEqualTo("{\"occupancy\":true,\"battery\":15,\"battery_low\":false,\"linkquality\":120}");

        assertThat(d.report(kettle, new Stimulus.CheckIn("kettle"))).isEqualTo("{\"state\":\"OFF\",\"power\":0.0}");
        d.report(kettle, new Stimulus.Plug("kettle", true));
        assertThat(d.report(kettle, new Stimulus.CheckIn("kettle"))).isEqualTo("{\"state\":\"ON\",\"power\":1850.0}");

        assertThat(d.report(pendant, new Stimulus.Press("pendant"))).startsWith("{\"action\":\"single\",\"battery\":");
        assertThat(d.report(pendant, new Stimulus.CheckIn("pendant"))).isEqualTo("{\"battery\":95,\"linkquality\":80}");

        assertThat(d.report(mat, new Stimulus.CheckIn("bed"))).startsWith("{\"occupancy\":false,");
        d.report(mat, new Stimulus.Mat("bed", true));
        assertThat(d.report(mat, new Stimulus.CheckIn("bed"))).startsWith("{\"occupancy\":true,");

        assertThat(d.report(pir, new Stimulus.Radar("hall-motion", "motion"))).isNull();
    }

    @Test
    void aToiletFlushContactClosesAgainAfterEveryFlushSoNoFlushRepeatsTheLastState() throws Exception {
        Scenario s = scenario("""
                name: flush
                days: 3
                home:
                  rooms: [bedroom, bathroom, kitchen, lounge, hall]
                  sensors:
                    - { id: bathroom-motion, name: bathroom_motion, kind: motion, room: bathroom }
                    - { id: flush, name: cistern, kind: contact, room: bathroom, role: toilet-flush }
                """);
        List<Stimulus.Contact> flushes = HomeScript.of(s, 0, 3).stimuli().stream()
                .filter(x -> x.action() instanceof Stimulus.Contact).map(x -> (Stimulus.Contact) x.action()).toList();

        assertThat(flushes).hasSizeGreaterThan(10);
        for (int i = 1; i < flushes.size(); i++) {
            assertThat(flushes.get(i).open()).as("report " + i).isNotEqualTo(flushes.get(i - 1).open());
        }
    }
}
