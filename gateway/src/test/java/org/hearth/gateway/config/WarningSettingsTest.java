package org.hearth.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hearth.rules.model.AlertType;
import org.junit.jupiter.api.Test;

/** The {@code warning} section of the configuration. */
class WarningSettingsTest {
    private static final String BASE = """
            gateway: { id: gw-1 }
            home: { id: home-1 }
            resident: { nhs-number: "9990000018" }
            sensors:
              - { id: kitchen-motion, kind: motion }
              - { id: pendant, kind: button }
            care-record: { base-url: "http://127.0.0.1:8080/fhir", team-ods-code: RX1 }
            """;

    private static GatewayConfig parse(String warning) throws ConfigException {
        return new ConfigLoader(Map.of()).parse(BASE + warning);
    }

    @Test
    void withoutASectionWarningsAreOff() throws ConfigException {
        GatewayConfig.Warning w = parse("").warning();

        assertThat(w.enabled()).isFalse();
        assertThat(w.topic()).isEqualTo("hearth/home-1/warning");
        assertThat(w.windows()).containsEntry(AlertType.PROLONGED_INACTIVITY, Duration.ofMinutes(5))
                .containsEntry(AlertType.FALL_WEARABLE, Duration.ofSeconds(60));
    }

    @Test
    void anEnabledSectionIsReadIntoThePolicy() throws ConfigException {
        GatewayConfig.Warning w = parse("""
                warning:
                  enabled: true
                  topic: home-1/speaker
                  windows: { inactivity: 2m, fall: 30s, radar-fall: off, absence: 10m }
                  ok-buttons: [pendant]
                  ok-actions: [single, double]
                """).warning();

        assertThat(w.enabled()).isTrue();
        assertThat(w.topic()).isEqualTo("home-1/speaker");
        assertThat(w.policy().windows()).isEqualTo(Map.of(AlertType.PROLONGED_INACTIVITY, Duration.ofMinutes(2),
                AlertType.FALL_WEARABLE, Duration.ofSeconds(30), AlertType.PROLONGED_ABSENCE, Duration.ofMinutes(10)));
        assertThat(w.okButtons()).containsExactly("pendant");
        assertThat(w.okActions()).containsExactly("single", "double");
    }

    @Test
    void problemsAreNamedByKey() {
        assertThatThrownBy(() -> parse("""
                warning:
                  enabled: yes-please
                  topic: "hearth/#"
                  windows: { inactivity: 2h, help: 1m }
                  ok-buttons: [kitchen-motion]
                """)).isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                .containsExactlyInAnyOrder(
                "warning.enabled: must be true or false",
                "warning.topic: must be a plain MQTT topic: no wildcards, not starting with '$'",
                "warning.windows.help: is not a known key",
                "warning.windows.inactivity: must be at most 30m, or off",
                "warning.ok-buttons[0]: must be the id of a sensor of kind button"));
        assertThatThrownBy(() -> parse("warning: { enabled: true }\n"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "warning.ok-buttons: must list at least one button when warning.enabled is true"));
    }

    @Test
    void theOkActionDefaultsToASinglePress() throws ConfigException {
        assertThat(parse("warning: { ok-buttons: [pendant] }\n").warning().okActions()).isEqualTo(List.of("single"));
    }
}
