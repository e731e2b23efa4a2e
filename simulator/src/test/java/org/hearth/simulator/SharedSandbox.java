package org.hearth.simulator;

import org.hearth.simulator.carerecord.CareRecordInspector;
import org.hearth.simulator.carerecord.CareRecordSandbox;

/**
 * One {@link CareRecordSandbox} per test JVM: it takes ~20 s to start, so every IT shares it and isolates its
 * data by using its own identifier systems/values instead of restarting. Started on first use, closed at JVM exit.
 */
public final class SharedSandbox {

    private static CareRecordSandbox sandbox;

    private SharedSandbox() {}

    /** The shared sandbox, started on the first call (port 0). */
    public static synchronized CareRecordSandbox get() {
        if (sandbox == null) {
            CareRecordSandbox started = CareRecordSandbox.start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-sandbox-close"));
            sandbox = started;
        }
        return sandbox;
    }

    /** A fresh inspector on the shared sandbox. */
    public static CareRecordInspector inspector() {
        CareRecordSandbox s = get();
        return new CareRecordInspector(s.fhirContext(), s.baseUrl());
    }
}
