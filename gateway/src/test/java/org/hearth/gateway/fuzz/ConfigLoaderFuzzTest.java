package org.hearth.gateway.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;
import org.hearth.gateway.config.ConfigException;
import org.hearth.gateway.config.ConfigLoader;

/**
 * Coverage-guided fuzz target (Jazzer) for the config loader: any text either loads or is refused with at least one
 * problem ({@link ConfigException}); nothing else may escape. Regression mode in CI, as {@link DecoderFuzzTest}.
 */
class ConfigLoaderFuzzTest {
    private static final ConfigLoader LOADER = new ConfigLoader(Map.of("HEARTH_NHS_NUMBER", "9434765919"));

    @FuzzTest(maxDuration = "30s")
    void loadsOrListsProblems(FuzzedDataProvider data) {
        String yaml = data.consumeRemainingAsString();
        try {
            assertThat(LOADER.parse(yaml)).isNotNull();
        } catch (ConfigException e) {
            assertThat(e.problems()).isNotEmpty();
        }
    }
}
