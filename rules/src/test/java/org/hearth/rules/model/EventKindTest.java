package org.hearth.rules.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class EventKindTest {

    @Test
    void whatAPersonDoesIsActivityAndWhatSensorsAndAppliancesDoByThemselvesIsNot() {
        EnumSet<EventKind> activity = EnumSet.noneOf(EventKind.class);
        Arrays.stream(EventKind.values()).filter(EventKind::isActivity).forEach(activity::add);

        assertThat(activity).containsExactlyInAnyOrder(EventKind.MOTION, EventKind.CONTACT_OPEN,
                EventKind.CONTACT_CLOSED, EventKind.BUTTON, EventKind.OCCUPIED, EventKind.VACATED,
                EventKind.APPLIANCE_ON, EventKind.FLUSH, EventKind.RESIDENT_OK);
    }
}
