package org.hearth.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of the house style (part 2, section 1), checked on the compiled classes. */
@AnalyzeClasses(packages = "org.hearth", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] ADAPTER_TECHNOLOGY = {
        "org.eclipse.paho..", "io.moquette..", "java.sql..", "org.sqlite..", "org.flywaydb..", "java.net.http..", "io.netty..",
        "org.eclipse.californium.."
    };

    @ArchTest
    static final ArchRule rulesDependOnTheJdkAndThemselvesOnly = classes()
            .that().resideInAPackage("org.hearth.rules..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.hearth.rules..")
            .because("the rules are pure: no I/O, threads, clock or logging");

    @ArchTest
    static final ArchRule coreGatewayPackagesDoNotUseAdapterTechnology = noClasses()
            .that().resideInAnyPackage(
                    "org.hearth.gateway.engine..",
                    "org.hearth.gateway.ingest",
                    "org.hearth.gateway.store",
                    "org.hearth.gateway.uplink",
                    "org.hearth.gateway.escalation",
                    "org.hearth.gateway.warning",
                    "org.hearth.gateway.config..")
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTER_TECHNOLOGY)
            .because("MQTT, SQLite and HTTP belong in the adapters at the edges");

    @ArchTest
    static final ArchRule theMqttAdapterDoesNotUseTheOtherAdapters = noClasses()
            .that().resideInAPackage("org.hearth.gateway.ingest.mqtt..")
            .should().dependOnClassesThat().resideInAnyPackage("org.hearth.gateway.store.sqlite..", "org.hearth.gateway.uplink.fhir..",
                    "org.hearth.gateway.escalation.mqtt..", "org.hearth.gateway.ingest.coap..");

    @ArchTest
    static final ArchRule theCoapAdapterDoesNotUseTheOtherAdapters = noClasses()
            .that().resideInAPackage("org.hearth.gateway.ingest.coap..")
            .should().dependOnClassesThat().resideInAnyPackage("org.hearth.gateway.ingest.mqtt..",
                    "org.hearth.gateway.store.sqlite..", "org.hearth.gateway.uplink.fhir..",
                    "org.hearth.gateway.escalation.mqtt..", "org.hearth.gateway.engine..");

    @ArchTest
    static final ArchRule theEscalationAdapterDoesNotUseTheOtherAdapters = noClasses()
            .that().resideInAPackage("org.hearth.gateway.escalation.mqtt..")
            .should().dependOnClassesThat().resideInAnyPackage("org.hearth.gateway.ingest.mqtt..", "org.hearth.gateway.store.sqlite..",
                    "org.hearth.gateway.uplink.fhir..", "org.hearth.gateway.ingest.coap..");

    @ArchTest
    static final ArchRule theWarningAdapterDoesNotUseTheOtherAdapters = noClasses()
            .that().resideInAPackage("org.hearth.gateway.warning.mqtt..")
            .should().dependOnClassesThat().resideInAnyPackage("org.hearth.gateway.ingest.mqtt..",
                    "org.hearth.gateway.store.sqlite..", "org.hearth.gateway.uplink.fhir..",
                    "org.hearth.gateway.escalation.mqtt..");

    @ArchTest
    static final ArchRule theOutboundMqttAdapterUsesNoOtherAdapterNorCore = noClasses()
            .that().resideInAPackage("org.hearth.gateway.mqtt..")
            .should().dependOnClassesThat().resideInAnyPackage("org.hearth.gateway.ingest..",
                    "org.hearth.gateway.store..", "org.hearth.gateway.uplink..", "org.hearth.gateway.escalation..",
                    "org.hearth.gateway.warning..", "org.hearth.gateway.engine..");

    @ArchTest
    static final ArchRule theSqliteAdapterDoesNotUseTheOtherAdapters = noClasses()
            .that().resideInAPackage("org.hearth.gateway.store.sqlite..")
            .should().dependOnClassesThat().resideInAnyPackage("org.hearth.gateway.ingest.mqtt..", "org.hearth.gateway.uplink.fhir..",
                    "org.hearth.gateway.escalation.mqtt..", "org.hearth.gateway.ingest.coap..");

    @ArchTest
    static final ArchRule theFhirAdapterDoesNotUseTheOtherAdapters = noClasses()
            .that().resideInAPackage("org.hearth.gateway.uplink.fhir..")
            .should().dependOnClassesThat().resideInAnyPackage("org.hearth.gateway.ingest.mqtt..", "org.hearth.gateway.store.sqlite..",
                    "org.hearth.gateway.escalation.mqtt..", "org.hearth.gateway.ingest.coap..");

    @ArchTest
    static final ArchRule theOauthAdapterKnowsNoFhirStoreOrMqtt = noClasses()
            .that().resideInAPackage("org.hearth.gateway.uplink.oauth..")
            .should().dependOnClassesThat().resideInAnyPackage("org.hearth.gateway.uplink.fhir..",
                    "org.hearth.gateway.store..", "org.hearth.gateway.ingest..", "org.hearth.gateway.escalation..",
                    "java.sql..", "org.sqlite..",
                    "ca.uhn..", "org.hl7..", "org.eclipse.paho..");

    @ArchTest
    static final ArchRule onlyTheCompositionRootUsesTheCompositionRoot = noClasses()
            .that().resideInAPackage("org.hearth.gateway..")
            .and().resideOutsideOfPackage("org.hearth.gateway.app..")
            .should().dependOnClassesThat().resideInAPackage("org.hearth.gateway.app..")
            .because("app wires everything; nothing may reach back into it");
}
