package org.hearth.rules.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HomeLayoutTest {

    @Test
    void namesEachSensorsRoleAndRoom() {
        HomeLayout layout = HomeLayout.empty().with("bed", SensorRole.BED, Room.BEDROOM)
                .with("door", SensorRole.FRONT_DOOR, Room.HALL);

        assertThat(layout.placementOf("bed")).isEqualTo(new SensorPlacement(SensorRole.BED, Room.BEDROOM));
        assertThat(layout.roleOf("door")).isEqualTo(SensorRole.FRONT_DOOR);
        assertThat(layout.sensors().keySet()).containsExactly("bed", "door");
    }

    @Test
    void aSensorTheLayoutDoesNotNameIsSomewhereInsideWithoutRole() {
        assertThat(HomeLayout.empty().placementOf("kitchen-motion")).isEqualTo(SensorPlacement.UNKNOWN);
        assertThat(SensorPlacement.UNKNOWN).isEqualTo(new SensorPlacement(SensorRole.OTHER, Room.OTHER));
    }

    @Test
    void keepsItsOwnImmutableCopy() {
        Map<String, SensorPlacement> sensors = new HashMap<>(Map.of("bed", new SensorPlacement(SensorRole.BED,
                Room.BEDROOM)));
        HomeLayout layout = new HomeLayout(sensors);

        sensors.clear();

        assertThat(layout.sensors()).containsOnlyKeys("bed");
        assertThatThrownBy(() -> layout.sensors().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatNullPointerException().isThrownBy(() -> new SensorPlacement(null, Room.HALL));
    }

    @Test
    void onlyBedsAndChairsAreMats() {
        assertThat(SensorRole.BED.isMat()).isTrue();
        assertThat(SensorRole.CHAIR.isMat()).isTrue();
        assertThat(SensorRole.MOTION.isMat()).isFalse();
        assertThat(Room.LIVING.label()).isEqualTo("living room");
    }
}
