package org.hearth.rules.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.hearth.rules.model.HomeLayout;
import org.hearth.rules.model.Room;
import org.hearth.rules.model.SensorRole;
import org.junit.jupiter.api.Test;

class CoverageGapsTest {

    private static final HomeLayout COVERED = HomeLayout.empty()
            .with("bed", SensorRole.BED, Room.BEDROOM)
            .with("chair", SensorRole.CHAIR, Room.LIVING)
            .with("door", SensorRole.FRONT_DOOR, Room.HALL)
            .with("m1", SensorRole.MOTION, Room.BATHROOM)
            .with("m2", SensorRole.MOTION, Room.BEDROOM)
            .with("m3", SensorRole.MOTION, Room.KITCHEN)
            .with("m4", SensorRole.MOTION, Room.LIVING);

    @Test
    void aWellCoveredHomeHasNoGap() {
        assertThat(CoverageGaps.of(COVERED)).isEmpty();
    }

    @Test
    void missingMatsAndDoorAreEssentialGapsAndMissingRoomMotionIsAdvised() {
        HomeLayout bare = HomeLayout.empty().with("m", SensorRole.MOTION, Room.KITCHEN);

        assertThat(CoverageGaps.of(bare)).extracting(CoverageGaps.Gap::code).containsExactly("no-bed-mat",
                "no-front-door", "no-chair-mat", "no-motion-bathroom", "no-motion-bedroom", "no-motion-living");
        assertThat(CoverageGaps.of(bare)).filteredOn(CoverageGaps.Gap::essential).hasSize(3);
        assertThat(CoverageGaps.of(bare).get(0).sentence()).startsWith("No bed mat:");
    }

    @Test
    void aBedMatInTheLayoutClosesItsGap() {
        HomeLayout noBed = HomeLayout.empty().with("chair", SensorRole.CHAIR, Room.LIVING)
                .with("door", SensorRole.FRONT_DOOR, Room.HALL);

        assertThat(CoverageGaps.of(noBed)).extracting(CoverageGaps.Gap::code).contains("no-bed-mat")
                .doesNotContain("no-chair-mat", "no-front-door");
        assertThat(CoverageGaps.of(noBed.with("bed", SensorRole.BED, Room.BEDROOM))).extracting(CoverageGaps.Gap::code)
                .doesNotContain("no-bed-mat");
    }
}
