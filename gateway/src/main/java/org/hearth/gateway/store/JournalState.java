package org.hearth.gateway.store;

/** Whether the last commit kept its raw readings, or had to drop them because the disk budget was full. */
public enum JournalState {
    /** Readings, rule state and alerts all stored. */
    COMPLETE,
    /**
     * The store was full: the oldest readings were pruned to make room and this commit kept only the rule state and
     * alerts ("alerts only"). The home is still watched, but its journal has a gap.
     */
    ALERTS_ONLY
}
