package org.hearth.gateway.ingest.coap;

import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.config.DtlsConfig;

/**
 * Californium's configuration, built in code. Californium otherwise reads (and writes) a {@code Californium3.properties}
 * in the working directory; installing a file-less standard here keeps it out of the gateway's directory for every
 * client and server in the process.
 */
public final class CaliforniumConfig {
    /** The largest request body accepted, in bytes (bodies over one datagram arrive block-wise). */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private CaliforniumConfig() {
    }

    /** A fresh configuration with Hearth's settings; also installed as Californium's standard (no file). */
    public static synchronized Configuration create() {
        Configuration config = Configuration.createStandardWithoutFile();
        config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, MAX_BODY_BYTES);
        Configuration.setStandard(config);
        return config;
    }
}
