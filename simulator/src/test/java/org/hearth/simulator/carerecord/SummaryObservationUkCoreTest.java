package org.hearth.simulator.carerecord;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.hearth.gateway.store.SummaryDelivery;
import org.hearth.gateway.uplink.fhir.FhirSummaryBundle;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.HomeLayout;
import org.hearth.rules.model.Room;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.model.SensorRole;
import org.hearth.rules.summary.DailySummariser;
import org.hearth.rules.summary.Deviation;
import org.hearth.rules.summary.Measure;
import org.hearth.rules.summary.SummaryPolicy;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The daily summary's Observations against the UK Core Observation profile (shared/fhir/ukcore), validated with
 * HAPI's instance validator: no error or fatal message. Warnings (Hearth's own CodeSystem is not known to the
 * validator, the preferred SNOMED binding of code) are allowed.
 */
class SummaryObservationUkCoreTest {
    private static final Path UKCORE = Path.of("..", "..", "shared", "fhir", "ukcore", "structuredefinitions");
    private static final String PROFILE = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Observation";

    @Test
    void everySummaryObservationConformsToUkCoreObservation() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(UKCORE), "UK Core definitions not found at " + UKCORE);
        FhirContext ctx = FhirContext.forR4Cached();
        PrePopulatedValidationSupport ukCore = new PrePopulatedValidationSupport(ctx);
        for (String name : List.of("UKCore-Observation.xml", "UKCore-Device.xml",
                "Extension-UKCore-ObservationBodyStructure.xml", "Extension-UKCore-ObservationTriggeredBy.xml")) {
            Path file = UKCORE.resolve(name);
            if (Files.exists(file)) {
                ukCore.addStructureDefinition(ctx.newXmlParser().parseResource(StructureDefinition.class,
                        Files.readString(file)));
            }
        }
        var chain = new ValidationSupportChain(new DefaultProfileValidationSupport(ctx), ukCore,
                new SnapshotGeneratingValidationSupport(ctx), new InMemoryTerminologyServerValidationSupport(ctx),
                new CommonCodeSystemsTerminologyService(ctx));
        FhirValidator validator = ctx.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));

        Bundle bundle = ctx.newJsonParser().parseResource(Bundle.class, summaryBundle());
        assertThat(bundle.getEntry()).hasSize(Measure.values().length);
        for (var entry : bundle.getEntry()) {
            Observation o = (Observation) entry.getResource();
            o.getMeta().addProfile(PROFILE);
            // An Observation without its required code must be caught, or this test could not fail.
            if (entry == bundle.getEntryFirstRep()) {
                Observation broken = o.copy();
                broken.setCode(null);
                assertThat(validator.validateWithResult(broken).isSuccessful()).isFalse();
            }
            List<SingleValidationMessage> problems = validator.validateWithResult(o).getMessages().stream()
                    .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR
                            || m.getSeverity() == ResultSeverityEnum.FATAL)
                    .toList();
            assertThat(problems).as("UK Core errors in %s", o.getCode().getCodingFirstRep().getCode())
                    .extracting(m -> m.getLocationString() + ": " + m.getMessage()).isEmpty();
        }
    }

    private static String summaryBundle() {
        ZoneId london = ZoneId.of("Europe/London");
        var layout = HomeLayout.empty().with("bathroom-motion", SensorRole.MOTION, Room.BATHROOM);
        var summary = new DailySummariser(layout, SummaryPolicy.ukDefault(london)).summarise(LocalDate.of(2026, 3, 29),
                Stream.of("2026-03-29T00:30:00Z", "2026-03-29T08:00:00Z")
                        .map(t -> SensorEvent.of("bathroom-motion", EventKind.MOTION, Instant.parse(t))).toList(), 0)
                .withDeviations(List.of(new Deviation(Measure.NIGHT_BATHROOM_VISITS, 1, 0.1, 0.3, 3.0, 14)));
        return new FhirSummaryBundle("https://fhir.hearth.example/Id/alert", "gw-1", "9990000018")
                .encode(SummaryDelivery.of("gw-1", summary, EnumSet.allOf(Measure.class)));
    }
}
