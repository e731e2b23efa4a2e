package org.hearth.rules.inactivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.hearth.rules.model.Room;
import org.junit.jupiter.api.Test;

class SituationTest {

    @Test
    void atHomeKeepsRoomAndGettingUpOtherContextsDoNot() {
        assertThat(Situation.of(QuietContext.AT_HOME, Room.LIVING, true))
                .isEqualTo(new Situation(QuietContext.AT_HOME, Room.LIVING, true));
        assertThat(Situation.of(QuietContext.IN_BED, Room.BEDROOM, true))
                .isEqualTo(new Situation(QuietContext.IN_BED, Room.OTHER, false));
    }

    @Test
    void keysAreStableText() {
        assertThat(Situation.of(QuietContext.AT_HOME, Room.LIVING, true).key()).isEqualTo("at-home/living/got-up");
        assertThat(Situation.of(QuietContext.AT_HOME, Room.KITCHEN, false).key()).isEqualTo("at-home/kitchen");
        assertThat(Situation.of(QuietContext.IN_CHAIR).key()).isEqualTo("in-chair");
        assertThat(Situation.of(QuietContext.IN_BED).key()).isEqualTo("in-bed");
        assertThat(Situation.of(QuietContext.AWAY).key()).isEqualTo("away");
    }

    @Test
    void onlyAtHomeHasARoom() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Situation(QuietContext.AWAY, Room.HALL, false));
        assertThatIllegalArgumentException().isThrownBy(() -> new Situation(QuietContext.IN_BED, Room.OTHER, true));
    }
}
