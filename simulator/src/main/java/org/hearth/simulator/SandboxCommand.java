package org.hearth.simulator;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.hearth.simulator.carerecord.CareRecordSandbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hearth-simulator sandbox [--port N]}: runs the care-record sandbox alone until SIGINT/SIGTERM.
 *
 * <p>Its only stdout output is one line, {@code sandbox: <baseUrl>}, printed once the server answers, so scripts
 * can wait for it and read the URL; logs go to stderr.
 */
@Command(
        name = "sandbox",
        mixinStandardHelpOptions = true,
        description = "Run the care-record sandbox (HAPI FHIR JPA, R4, in-memory H2) on 127.0.0.1 until stopped.")
public final class SandboxCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxCommand.class);

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "TCP port on 127.0.0.1; 0 (default) picks a free one.")
    private int port;

    @Override
    public Integer call() throws InterruptedException {
        CareRecordSandbox sandbox = CareRecordSandbox.start(port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping care-record sandbox");
            sandbox.close();
            stopped.countDown();
        }, "sandbox-shutdown"));

        PrintWriter out = spec.commandLine().getOut();
        out.println("sandbox: " + sandbox.baseUrl());
        out.flush();

        // Runs until a signal: the JVM then runs the hook above and exits without returning here.
        stopped.await();
        return 0;
    }
}
