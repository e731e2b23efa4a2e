package org.hearth.rules.inactivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RoutineLearningTest {

    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration MONTH = Duration.ofDays(28);

    @Test
    void defaultsLearnAWeekThenTakeTheLongestRecentSilenceTwoAndAHalfTimes() {
        RoutineLearning defaults = RoutineLearning.defaults();

        assertThat(defaults.learningPeriod()).isEqualTo(WEEK);
        assertThat(defaults.quantile()).isEqualTo(0.99);
        assertThat(defaults.margin()).isEqualTo(2.5);
        assertThat(defaults.halfLife()).isEqualTo(MONTH);
        assertThat(defaults.rareBelow()).isEqualTo(0.1);
    }

    @Test
    void rejectsSettingsOutOfRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RoutineLearning(WEEK.negated(), 0.9, 2, MONTH, 0.1));
        assertThatIllegalArgumentException().isThrownBy(() -> new RoutineLearning(WEEK, 0, 2, MONTH, 0.1));
        assertThatIllegalArgumentException().isThrownBy(() -> new RoutineLearning(WEEK, 1.01, 2, MONTH, 0.1));
        assertThatIllegalArgumentException().isThrownBy(() -> new RoutineLearning(WEEK, 0.9, 0.99, MONTH, 0.1));
        assertThatIllegalArgumentException().isThrownBy(() -> new RoutineLearning(WEEK, 0.9, Double.NaN, MONTH, 0.1));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new RoutineLearning(WEEK, 0.9, 2, Duration.ofHours(23), 0.1));
        assertThatIllegalArgumentException().isThrownBy(() -> new RoutineLearning(WEEK, 0.9, 2, MONTH, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new RoutineLearning(WEEK, 0.9, 2, MONTH, -0.1));
    }
}
