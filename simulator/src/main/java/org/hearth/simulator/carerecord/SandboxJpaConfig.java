package org.hearth.simulator.carerecord;

import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.binary.api.IBinaryStorageSvc;
import ca.uhn.fhir.jpa.binstore.MemoryBinaryStorageSvcImpl;
import ca.uhn.fhir.jpa.config.HapiJpaConfig;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.dialect.HapiFhirH2Dialect;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import jakarta.persistence.EntityManagerFactory;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.commons.dbcp2.BasicDataSource;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * Spring wiring of the HAPI FHIR JPA server (R4) behind the care-record sandbox: the stock HAPI JPA
 * configuration classes plus the handful of beans Spring Boot would otherwise auto-configure.
 *
 * <p>The H2 database is supplied from outside as a {@link SandboxDatabase} bean so that every sandbox gets its
 * own in-memory database.
 */
@Configuration
@Import({
    JpaR4Config.class,
    HapiJpaConfig.class,
    JpaBatch2Config.class,
    Batch2JobsConfig.class,
    ThreadPoolFactoryConfig.class,
    // Not for subscriptions (none are needed): without it the context fails on a missing IBrokerClient.
    SubscriptionChannelConfig.class
})
class SandboxJpaConfig {

    /** The in-memory H2 database one sandbox owns. */
    record SandboxDatabase(String jdbcUrl) {
        static SandboxDatabase named(String name) {
            // DB_CLOSE_DELAY=-1: an idle pool must not make H2 drop the data; the sandbox shuts it down explicitly.
            return new SandboxDatabase("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        }
    }

    @Bean
    JpaStorageSettings storageSettings() {
        JpaStorageSettings s = new JpaStorageSettings();
        // The gateway may point at Devices/Organizations/Patients the care record has never seen, or by absolute URL.
        s.setAllowExternalReferences(true);
        // Unknown literal targets (Device/gw-1) and unmatched conditional ones (Patient?identifier=nhs|…) get a
        // placeholder resource, carrying that identifier so later conditional references find the same one.
        // Referential integrity stays ON: with it off (and no placeholders) writes pass but the reference is not
        // indexed, so Task?requester=Device/gw-1 silently finds nothing and an ack poll would never see anything.
        s.setAutoCreatePlaceholderReferenceTargets(true);
        s.setPopulateIdentifierInAutoCreatedPlaceholderReferenceTargets(true);
        // A placeholder takes the referenced id, which may be purely numeric ("Patient/123"); that needs client ids
        // of ANY form, and then server ids must be UUIDs so they can never collide with such a client id.
        s.setResourceClientIdStrategy(JpaStorageSettings.ClientIdStrategyEnum.ANY);
        s.setResourceServerIdStrategy(JpaStorageSettings.IdStrategyEnum.UUID);
        // Search result caching would make the inspector and _lastUpdated polling see stale snapshots.
        s.setReuseCachedSearchResultsForMillis(null);
        return s;
    }

    @Bean
    PartitionSettings partitionSettings() {
        return new PartitionSettings();
    }

    @Bean(destroyMethod = "close")
    BasicDataSource dataSource(SandboxDatabase database) {
        BasicDataSource ds = new BasicDataSource();
        ds.setDriver(new org.h2.Driver());
        ds.setUrl(database.jdbcUrl());
        ds.setUsername("sa");
        ds.setPassword("");
        ds.setMaxTotal(10);
        return ds;
    }

    @Primary
    @Bean
    LocalContainerEntityManagerFactoryBean entityManagerFactory(
            ConfigurableListableBeanFactory beanFactory,
            FhirContext fhirContext,
            JpaStorageSettings storageSettings,
            DataSource dataSource) {
        LocalContainerEntityManagerFactoryBean emf =
                HapiEntityManagerFactoryUtil.newEntityManagerFactory(beanFactory, fhirContext, storageSettings);
        emf.setPersistenceUnitName("HAPI_PU");
        emf.setDataSource(dataSource);
        Properties p = new Properties();
        p.put("hibernate.dialect", HapiFhirH2Dialect.class.getName());
        p.put("hibernate.hbm2ddl.auto", "update");
        // No Lucene/Elasticsearch: plain JPA search covers identifier, token and _lastUpdated.
        p.put("hibernate.search.enabled", "false");
        p.put("hibernate.format_sql", "false");
        p.put("hibernate.show_sql", "false");
        emf.setJpaProperties(p);
        return emf;
    }

    @Primary
    @Bean
    JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
        return new JpaTransactionManager(entityManagerFactory);
    }

    @Bean
    IBinaryStorageSvc binaryStorageSvc() {
        return new MemoryBinaryStorageSvcImpl();
    }
}
