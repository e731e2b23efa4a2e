package org.hearth.gateway.engine;

import java.util.List;
import org.hearth.rules.model.Alert;

/** Told, after commit, that alerts were raised (e.g. to wake the uplink at once instead of at its next poll). */
@FunctionalInterface
public interface AlertListener {
    void raised(List<Alert> alerts);
}
