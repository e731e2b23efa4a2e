package org.hearth.simulator.carerecord;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.jpa.provider.JpaSystemProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.hearth.simulator.carerecord.SandboxJpaConfig.SandboxDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The care-record sandbox: a real HAPI FHIR JPA server (R4) on an in-memory H2 database, served by Jetty on
 * 127.0.0.1 only. It stands in for the shared care record so that idempotency (conditional create,
 * {@code ifNoneExist} in transactions), identifier search, {@code _lastUpdated} polling and Task updates behave
 * exactly as on a production FHIR server — an in-memory mock would silently ignore {@code If-None-Exist}.
 *
 * <p>Starting takes roughly 20 s, so tests should share one instance. Each instance owns a uniquely named
 * H2 database, so two sandboxes in one JVM never see each other's data.
 */
public final class CareRecordSandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CareRecordSandbox.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final String FHIR_PATH = "/fhir";

    private final AnnotationConfigApplicationContext spring;
    private final Server jetty;
    private final SandboxDatabase database;
    private final FhirContext fhirContext;
    private final String baseUrl;
    private boolean closed;

    private CareRecordSandbox(
            AnnotationConfigApplicationContext spring, Server jetty, SandboxDatabase database, String baseUrl) {
        this.spring = spring;
        this.jetty = jetty;
        this.database = database;
        this.fhirContext = spring.getBean(FhirContext.class);
        this.baseUrl = baseUrl;
    }

    /**
     * Starts a sandbox and returns once it answers HTTP requests.
     *
     * @param port TCP port on 127.0.0.1; 0 picks a free ephemeral port
     * @throws IllegalStateException if the server cannot be started (the partially started parts are released)
     */
    public static CareRecordSandbox start(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        long t0 = System.nanoTime();
        SandboxDatabase database = SandboxDatabase.named("hearth-care-record-" + UUID.randomUUID());
        AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext();
        Server jetty = null;
        try {
            jetty = newJetty(port);
            ServerConnector connector = (ServerConnector) jetty.getConnectors()[0];
            // Bind before the ~20 s Spring start so a taken port fails at once.
            connector.open();

            spring.registerBean(SandboxDatabase.class, () -> database);
            spring.register(SandboxJpaConfig.class);
            spring.refresh();

            jetty.setHandler(servletContext(newRestfulServer(spring)));
            jetty.start();
            int boundPort = connector.getLocalPort();
            String baseUrl = "http://" + LOOPBACK + ":" + boundPort + FHIR_PATH;
            awaitCapabilityStatement(baseUrl);
            LOG.info("Care-record sandbox ready at {} in {} ms",
                    baseUrl, Duration.ofNanos(System.nanoTime() - t0).toMillis());
            return new CareRecordSandbox(spring, jetty, database, baseUrl);
        } catch (Exception | LinkageError e) {
            stopQuietly(jetty);
            spring.close();
            shutdownDatabase(database);
            throw new IllegalStateException("Care-record sandbox failed to start on port " + port, e);
        }
    }

    /**
     * Fetches {@code /metadata} once: proves the server answers over HTTP, and pays the ~3 s first build of the
     * CapabilityStatement here rather than in the first HAPI client call (clients fetch it before their first
     * request).
     */
    private static void awaitCapabilityStatement(String baseUrl) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/metadata"))
                .header("Accept", "application/fhir+json")
                .timeout(Duration.ofSeconds(60))
                .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + request.uri() + " answered " + response.statusCode());
        }
    }

    private static RestfulServer newRestfulServer(AnnotationConfigApplicationContext spring) {
        IFhirSystemDao<?, ?> systemDao = spring.getBean(IFhirSystemDao.class);
        RestfulServer rs = new RestfulServer(spring.getBean(FhirContext.class));
        rs.registerProviders(spring.getBean(ResourceProviderFactory.class).createProviders());
        rs.registerProvider(spring.getBean(JpaSystemProvider.class));
        rs.setPagingProvider(spring.getBean(DatabaseBackedPagingProvider.class));
        rs.setServerConformanceProvider(new JpaCapabilityStatementProvider(
                rs,
                systemDao,
                spring.getBean(JpaStorageSettings.class),
                spring.getBean(ISearchParamRegistry.class),
                spring.getBean(IValidationSupport.class)));
        // JSON for clients that do not ask (curl); HAPI clients negotiate explicitly anyway.
        rs.setDefaultResponseEncoding(EncodingEnum.JSON);
        return rs;
    }

    private static Server newJetty(int port) {
        QueuedThreadPool threads = new QueuedThreadPool(32, 4);
        threads.setName("care-record-sandbox");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        // Loopback only: the sandbox has no authentication and must not be reachable from the network.
        connector.setHost(LOOPBACK);
        connector.setPort(port);
        server.addConnector(connector);
        server.setStopAtShutdown(false); // close() owns the order: Jetty first, then Spring, then H2
        return server;
    }

    private static ServletContextHandler servletContext(RestfulServer restfulServer) {
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder holder = new ServletHolder(restfulServer);
        // Initialise during start(), not on the first request: "ready" then means ready, and errors surface early.
        holder.setInitOrder(1);
        context.addServlet(holder, FHIR_PATH + "/*");
        return context;
    }

    /** The FHIR base URL, e.g. {@code http://127.0.0.1:41234/fhir}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The server's R4 {@link FhirContext}; reuse it for clients to avoid a second model scan. */
    public FhirContext fhirContext() {
        return fhirContext;
    }

    /** Stops serving, closes the Spring context and drops the in-memory database. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopQuietly(jetty);
        spring.close();
        shutdownDatabase(database);
        LOG.info("Care-record sandbox at {} closed", baseUrl);
    }

    private static void stopQuietly(Server jetty) {
        if (jetty == null) {
            return;
        }
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("Jetty did not stop cleanly", e);
        }
        // stop() is a no-op if start() never ran, but the connector may already hold the port (opened early).
        for (Connector c : jetty.getConnectors()) {
            if (c instanceof NetworkConnector nc) {
                nc.close();
            }
        }
    }

    /** DB_CLOSE_DELAY=-1 keeps the in-memory database after the pool closes; drop it so its heap is freed. */
    private static void shutdownDatabase(SandboxDatabase database) {
        Properties credentials = new Properties();
        credentials.setProperty("user", "sa");
        credentials.setProperty("password", "");
        // The driver directly, not DriverManager: works whatever class loader loaded H2.
        try (Connection c = new org.h2.Driver().connect(database.jdbcUrl(), credentials);
                Statement st = c.createStatement()) {
            st.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.warn("Could not shut down H2 database {}", database.jdbcUrl(), e);
        }
    }
}
