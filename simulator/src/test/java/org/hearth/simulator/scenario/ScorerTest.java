package org.hearth.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScorerTest {
    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");
    private static final String GW = "s1-1-x";

    private static Expectation expect(InjectionKind kind, String code, int fromMin, int byMin, String... requires) {
        return new Expectation(kind.code(), kind, Optional.ofNullable(code), code == null ? "prolonged-inactivity" : "",
                T.plusSeconds(60L * fromMin), T.plusSeconds(60L * byMin), List.of(requires));
    }

    private static ReceivedAlert alert(String code, int atMin, int copies) {
        Instant at = T.plusSeconds(60L * atMin);
        return new ReceivedAlert(GW + ":" + code + ":s:" + at.toEpochMilli(), GW, code, "s", at, "stat", "requested",
                "", List.of(), copies);
    }

    private static Score score(List<Expectation> truth, List<ReceivedAlert> received, String... caps) {
        var script = new HomeScript(0, 1, ScenarioDefaults.home(), List.of(), truth);
        var run = new HomeRun(script, GW, new int[1][24], 0, received.size(), Optional.empty());
        Map<String, ReceivedAlert> byId = new LinkedHashMap<>();
        received.forEach(a -> byId.put(a.identifier(), a));
        byId.put("other-gw:help-button-pressed:s:1", new ReceivedAlert("other-gw:help-button-pressed:s:1", "other-gw",
                "help-button-pressed", "s", T, "stat", "requested", "", List.of(), 1)); // another home's: ignored
        return new Scorer(new Capabilities(List.of(caps))).score(run, byId);
    }

    @Test
    void inTimeIsDetectedAfterTheDeadlineLateAndNeverMissed() {
        Score s = score(List.of(
                        expect(InjectionKind.HELP_BUTTON, "help-button-pressed", 0, 5, "help-button-pressed"),
                        expect(InjectionKind.COLLAPSE, "prolonged-inactivity", 0, 200, "prolonged-inactivity"),
                        expect(InjectionKind.FALL_WEARABLE, "fall-detected", 0, 5, "fall-detected")),
                List.of(alert("help-button-pressed", 0, 1), alert("prolonged-inactivity", 260, 1)),
                "help-button-pressed", "prolonged-inactivity", "fall-detected");

        assertThat(s.outcomes()).extracting(Score.Outcome::result)
                .containsExactly(Score.Result.DETECTED, Score.Result.LATE, Score.Result.MISSED);
        assertThat(s.falseAlerts()).isEmpty();
        assertThat(s.failed()).isTrue();
    }

    @Test
    void unexplainedAlertsAreFalseAndASecondCopyIsADuplicate() {
        Score s = score(List.of(expect(InjectionKind.HELP_BUTTON, "help-button-pressed", 0, 5, "help-button-pressed")),
                List.of(alert("help-button-pressed", 1, 2), alert("prolonged-inactivity", 30, 1)),
                "help-button-pressed");

        assertThat(s.count(Score.Result.DETECTED)).isEqualTo(1);
        assertThat(s.falseAlerts()).extracting(ReceivedAlert::code).containsExactly("prolonged-inactivity");
        assertThat(s.duplicates()).isEqualTo(1);
        assertThat(s.failed()).isTrue();
    }

    @Test
    void noAlertExpectationsHoldOrAreViolated() {
        var truth = List.of(expect(InjectionKind.IM_OK_CANCEL, null, 0, 240, "prolonged-inactivity"));

        assertThat(score(truth, List.of(), "prolonged-inactivity").outcomes().get(0).result())
                .isEqualTo(Score.Result.DETECTED);
        Score broken = score(truth, List.of(alert("prolonged-inactivity", 180, 1)), "prolonged-inactivity");
        assertThat(broken.outcomes().get(0).result()).isEqualTo(Score.Result.VIOLATED);
        assertThat(broken.falseAlerts()).hasSize(1);
        assertThat(broken.failed()).isTrue();
    }

    @Test
    void aMissingDetectorMakesItPendingNotMissedAndNamesWhatIsMissing() {
        Score s = score(List.of(expect(InjectionKind.LONG_BATHROOM_STAY, "bathroom-dwell", 0, 100, "bathroom-dwell")),
                List.of(), "help-button-pressed");

        assertThat(s.outcomes().get(0).result()).isEqualTo(Score.Result.PENDING);
        assertThat(s.outcomes().get(0).missing()).containsExactly("bathroom-dwell");
        assertThat(s.failed()).isFalse();
    }

    @Test
    void reportTextIsEscaped() {
        assertThat(HtmlReport.esc("<script>alert('x') & \"y\"</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    }

    @Test
    void anAlertTheEventAlsoExplainsIsNeitherExpectedNorFalseButOnlyWithinItsSpan() {
        Expectation collapse = expect(InjectionKind.COLLAPSE, "prolonged-inactivity", 0, 200, "prolonged-inactivity");
        var inBathroom = new Expectation(collapse.label(), collapse.kind(), collapse.alert(), "", collapse.from(),
                collapse.by(), collapse.requires(), List.of("bathroom-dwell"));
        List<ReceivedAlert> received = List.of(alert("bathroom-dwell", 25, 1), alert("prolonged-inactivity", 180, 1),
                alert("bathroom-dwell", 300, 1));

        Score s = score(List.of(inBathroom), received, "prolonged-inactivity");
        Score elsewhere = score(List.of(collapse), received, "prolonged-inactivity");

        assertThat(s.outcomes()).extracting(Score.Outcome::result).containsExactly(Score.Result.DETECTED);
        assertThat(s.falseAlerts()).extracting(ReceivedAlert::raisedAt).containsExactly(T.plusSeconds(300 * 60));
        assertThat(elsewhere.falseAlerts()).hasSize(2);
    }

    @Test
    void aCollapseInTheBathroomReportedOnlyAsABathroomStayIsDetected() {
        Expectation collapse = expect(InjectionKind.COLLAPSE, "prolonged-inactivity", 0, 200, "prolonged-inactivity");
        var inBathroom = new Expectation(collapse.label(), collapse.kind(), collapse.alert(), "", collapse.from(),
                collapse.by(), collapse.requires(), List.of("bathroom-dwell"));

        Score s = score(List.of(inBathroom), List.of(alert("bathroom-dwell", 25, 1)), "prolonged-inactivity");
        Score elsewhere = score(List.of(collapse), List.of(alert("bathroom-dwell", 25, 1)), "prolonged-inactivity");

        assertThat(s.outcomes()).extracting(Score.Outcome::result).containsExactly(Score.Result.DETECTED);
        assertThat(s.falseAlerts()).isEmpty();
        assertThat(elsewhere.outcomes()).extracting(Score.Outcome::result).containsExactly(Score.Result.MISSED);
    }
}
