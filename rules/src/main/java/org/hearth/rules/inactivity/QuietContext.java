package org.hearth.rules.inactivity;

/**
 * What the resident is doing while the home is quiet, as far as the sensors tell. Each context has its own learnt
 * normal and its own clinician limits: a long silence in bed at night is sleep, the same silence with nobody on any
 * mat may be a person on the floor.
 */
public enum QuietContext {
    /** At home and on neither a bed nor a chair mat: up and about, or somewhere the sensors cannot see. */
    AT_HOME,
    /** A chair or sofa mat carries someone. */
    IN_CHAIR,
    /** A bed mat carries someone (takes precedence over a chair). */
    IN_BED,
    /**
     * Out: the last activity was the front door, closed behind someone who had been about inside, and nothing
     * inside has moved since. Inactivity is suspended; only an absence far beyond the usual raises an alert.
     */
    AWAY
}
