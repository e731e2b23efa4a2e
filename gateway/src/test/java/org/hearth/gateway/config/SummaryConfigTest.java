package org.hearth.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.EnumSet;
import java.util.Map;
import org.hearth.rules.summary.Measure;
import org.junit.jupiter.api.Test;

class SummaryConfigTest {
    private static final String MINIMAL = """
            gateway: { id: gw-1 }
            home: { id: home-1 }
            resident: { nhs-number: "9434765919" }
            sensors:
              - { id: kitchen-motion, kind: motion }
            care-record:
              base-url: https://care-record.example.nhs.uk/fhir
              team-ods-code: RX1CT
            """;

    @Test
    void everyMeasureIsSharedAndTenBundlesAMinuteByDefault() throws ConfigException {
        GatewayConfig config = new ConfigLoader(Map.of()).parse(MINIMAL);

        assertThat(config.summaries().shared()).isEqualTo(EnumSet.allOf(Measure.class));
        assertThat(config.summaries().perMinute()).isEqualTo(10);
    }

    @Test
    void theResidentsSharingSettingsChooseTheMeasures() throws ConfigException {
        GatewayConfig config = new ConfigLoader(Map.of()).parse(MINIMAL + """
                sharing: { summary-measures: [time-in-bed, night-bathroom-visits] }
                summaries: { per-minute: 3 }
                """);

        assertThat(config.summaries().shared())
                .containsExactly(Measure.NIGHT_BATHROOM_VISITS, Measure.TIME_IN_BED);
        assertThat(config.summaries().perMinute()).isEqualTo(3);
    }

    @Test
    void anEmptyListKeepsEverySummaryAtHome() throws ConfigException {
        GatewayConfig config = new ConfigLoader(Map.of()).parse(MINIMAL + "sharing: { summary-measures: [] }\n");

        assertThat(config.summaries().shared()).isEmpty();
    }

    @Test
    void anUnknownMeasureOrRateIsAProblemNamedByItsKey() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> new ConfigLoader(Map.of()).parse(
                MINIMAL + "sharing: { summary-measures: [steps] }\nsummaries: { per-minute: 0 }\n"));

        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("sharing.summary-measures: "))
                .anySatisfy(p -> assertThat(p).startsWith("summaries.per-minute: "))
                .hasSize(2);
    }
}
