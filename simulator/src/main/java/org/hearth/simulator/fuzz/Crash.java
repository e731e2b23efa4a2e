package org.hearth.simulator.fuzz;

/** An outcome that is not a clean acceptance or rejection (null, a rejection without reason, an impossible value). */
final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash(String what) {
        super(what);
    }
}
