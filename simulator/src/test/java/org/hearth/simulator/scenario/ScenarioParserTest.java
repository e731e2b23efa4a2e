package org.hearth.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class ScenarioParserTest {
    private static final Path HERE = Path.of(".");

    private static ScenarioException problems(String yaml) {
        return catchThrowableOfType(() -> ScenarioParser.parse(yaml, HERE), ScenarioException.class);
    }

    @Test
    void aMinimalFileTakesTheDefaultHomeAndRoutine() throws Exception {
        Scenario s = ScenarioParser.parse("name: quiet\n", HERE);

        assertThat(s.days()).isEqualTo(1);
        assertThat(s.zone().getId()).isEqualTo("Europe/London");
        assertThat(s.home()).isEqualTo(ScenarioDefaults.home());
        assertThat(s.routine()).isEqualTo(ScenarioDefaults.routine());
        assertThat(s.injections()).isEmpty();
    }

    @Test
    void injectionsTakeTheirKindsDefaultsUnlessGiven() throws Exception {
        Scenario s = ScenarioParser.parse("""
                name: two
                days: 2
                inject:
                  - { kind: collapse, day: 2 }
                  - { kind: uplink-outage, at: "14:00", length: 90m, requires: [ help-button-pressed, x ] }
                """, HERE);

        assertThat(s.injections()).hasSize(2);
        assertThat(s.injections().get(0).at()).isEqualTo(InjectionKind.COLLAPSE.defaultAt());
        assertThat(s.injections().get(0).requires()).isEqualTo(InjectionKind.COLLAPSE.requires());
        assertThat(s.injections().get(1).day()).isEqualTo(1);
        assertThat(s.injections().get(1).at()).isEqualTo(LocalTime.of(14, 0));
        assertThat(s.injections().get(1).length()).isEqualTo(Duration.ofMinutes(90));
        assertThat(s.injections().get(1).requires()).containsExactly("help-button-pressed", "x");
    }

    @Test
    void anUnknownKeyIsNamedWithItsPath() {
        var e = problems("name: typo\nroutine:\n  wake: { at: \"07:00\", sprad: 20m }\n");

        assertThat(e.problems()).singleElement().asString().startsWith("routine.wake.sprad: is not a known key");
    }

    @Test
    void everyBadValueIsReportedUnderItsOwnKeyAtOnce() {
        var e = problems("""
                name: Bad Name
                days: 0
                zone: Mars/Olympus
                inject:
                  - { kind: fall-wearable, at: "25:00" }
                  - { kind: meteor }
                  - { kind: battery-dying, sensor: no-such-sensor }
                  - { kind: help-button, day: 9 }
                """);

        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("name: "))
                .anySatisfy(p -> assertThat(p).startsWith("days: "))
                .anySatisfy(p -> assertThat(p).startsWith("zone: "))
                .anySatisfy(p -> assertThat(p).startsWith("inject[0].at: must be a local time"))
                .anySatisfy(p -> assertThat(p).startsWith("inject[1].kind: must be one of").contains("fall-radar"))
                .anySatisfy(p -> assertThat(p).startsWith("inject[2].sensor: "))
                .anySatisfy(p -> assertThat(p).startsWith("inject[3].day: "));
        assertThat(e.getMessage()).doesNotContain("Olympus"); // names the key, not the value
    }

    @Test
    void sensorsAreCheckedForKindRoleRoomAndUniqueness() {
        var e = problems("""
                name: home
                home:
                  rooms: [ lounge ]
                  sensors:
                    - { id: a, kind: motion, room: lounge }
                    - { id: a, kind: toaster, room: attic, role: kettle }
                """);

        assertThat(e.problems()).containsExactlyInAnyOrder(
                "home.sensors[1].id: is used by another sensor",
                "home.sensors[1].kind: must be one of button, contact, mat, motion, plug, radar, wearable",
                "home.sensors[1].room: must be one of home.rooms, or worn",
                "home.sensors[1].role: must be one of appliance, bed, chair, contact, front-door, help-button, motion,"
                        + " other, toilet-flush");
    }

    @Test
    void aMissingReplayFileIsNamed() {
        var e = problems("name: r\nreplay: { sisfall: [ no/such/F01_SA01_R01.txt ] }\n");

        assertThat(e.problems()).containsExactly("replay.sisfall[0]: no such file");
    }

    @Test
    void notYamlOrNotAMappingIsSaidPlainly() {
        assertThat(problems("name: [unclosed\n").problems()).singleElement().asString().startsWith("(file): not valid YAML");
        assertThat(problems("- a\n- b\n").problems()).containsExactly("(file): expected a YAML mapping at the top level");
    }

    @Test
    void theExampleScenariosParse() throws Exception {
        try (var files = java.nio.file.Files.list(Path.of("scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).filter(p -> !p.toString().contains("replay"))
                    .toList()) {
                assertThat(ScenarioParser.load(f).name()).as(f.toString()).isNotBlank();
            }
        }
    }
}
