package org.hearth.rules.model;

/**
 * What a sensor is for in the home, as the installer declares it. The rules read context from roles: a bed mat that
 * carries someone makes a long silence normal at night, a front door followed by silence means the resident went out.
 */
public enum SensorRole {
    /** A motion sensor (PIR) watching a room. */
    MOTION,
    /** The contact on the front door (or any door to the outside): the way in and out of the home. */
    FRONT_DOOR,
    /** A contact on something inside the home: a fridge, a cupboard, an inner door. */
    CONTACT,
    /** A pressure mat under the mattress. */
    BED,
    /** A pressure mat on a chair or sofa. */
    CHAIR,
    /** A smart plug or power sensor on an appliance a person switches on: kettle, microwave, toaster. */
    APPLIANCE,
    /** A sensor on the toilet flush. */
    TOILET_FLUSH,
    /** A help button (pendant, pull cord, wall button). */
    HELP_BUTTON,
    /** Anything else; its activity still counts as the resident being about at home. */
    OTHER;

    /**
     * Whether this role is a pressure mat whose occupancy says where the resident rests.
     *
     * @return true for {@link #BED} and {@link #CHAIR}
     */
    public boolean isMat() {
        return this == BED || this == CHAIR;
    }
}
