package org.hearth.simulator.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SisFallReaderTest {

    @TempDir
    Path dir;

    private Path write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.ISO_8859_1);
        return file;
    }

    @Test
    void readsTheAdxl345ColumnsInGFromPaddedCrlfLinesAndSkipsTrailingBlanks() throws IOException {
        Path file = write("SA01/F05_SA01_R01.txt",
                "  12,-237,-105, 102,  19,  -4,  40,-978,-406;\r\n"
                        + " 256,-256,   0,   0,   0,   0,   0,   0,   0;\r\n"
                        + "\r\n"
                        + "-4096, 4095, 128,   1,   2,   3,   4,   5,   6;\r\n"
                        + "   ");

        SisFallTrial trial = SisFallReader.read(file);

        assertThat(trial.name()).isEqualTo(new TrialName("F05", "SA01", "R01"));
        assertThat(trial.name().isFall()).isTrue();
        assertThat(trial.size()).isEqualTo(3);
        assertThat(trial.x()).containsExactly(12 / 256f, 1f, -16f);
        assertThat(trial.y()).containsExactly(-237 / 256f, -1f, 4095 / 256f);
        assertThat(trial.z()).containsExactly(-105 / 256f, 0f, 0.5f);
    }

    @Test
    void theLabelSubjectAndRepetitionComeFromTheFileName() {
        TrialName adl = TrialName.parse("D13_SE02_R01.txt");

        assertThat(adl.code()).isEqualTo("D13");
        assertThat(adl.subject()).isEqualTo("SE02");
        assertThat(adl.repetition()).isEqualTo("R01");
        assertThat(adl.isFall()).isFalse();
        assertThat(adl.isElderly()).isTrue();
        assertThat(adl).hasToString("D13_SE02_R01");
        assertThat(TrialName.parse("F01_SA07_R05.txt").isElderly()).isFalse();
        assertThatThrownBy(() -> TrialName.parse("Readme.txt")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("F05_SA01_R01.txt");
        assertThatThrownBy(() -> TrialName.parse("X05_SA01_R01.txt")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMalformedLineFailsWithTheFileTheLineAndTheText() throws IOException {
        Path letters = write("D01_SA01_R01.txt", "  1,2,3,4,5,6,7,8,9;\r\n  1,2,x,4,5,6,7,8,9;\r\n");
        Path columns = write("D02_SA01_R01.txt", "  1,2,3,4,5,6,7,8;\r\n");
        Path noEnd = write("D03_SA01_R01.txt", "  1,2,3,4,5,6,7,8,9\r\n");
        Path empty = write("D04_SA01_R01.txt", "  \r\n");

        assertThatThrownBy(() -> SisFallReader.read(letters)).isInstanceOf(IOException.class)
                .hasMessage("D01_SA01_R01.txt line 2: expected 9 comma-separated integers ending in ';', found "
                        + "\"1,2,x,4,5,6,7,8,9;\"");
        assertThatThrownBy(() -> SisFallReader.read(columns)).isInstanceOf(IOException.class)
                .hasMessageContaining("D02_SA01_R01.txt line 1");
        assertThatThrownBy(() -> SisFallReader.read(noEnd)).isInstanceOf(IOException.class)
                .hasMessageContaining("D03_SA01_R01.txt line 1");
        assertThatThrownBy(() -> SisFallReader.read(empty)).isInstanceOf(IOException.class)
                .hasMessage("D04_SA01_R01.txt: no samples");
    }

    @Test
    void discoversTrialFilesAtAnyDepthAndNothingElse() throws IOException {
        String line = "0,-256,0,0,0,0,0,0,0;\r\n";
        write("SA02/F01_SA02_R01.txt", line);
        write("SA01/D05_SA01_R01.txt", line);
        write("deep/er/SE01/D01_SE01_R01.txt", line);
        write("Readme.txt", "not a trial");
        write("MANIFEST.csv", "file,subject");
        write("SA01/F1_SA01_R01.txt", line);
        write("SA01/F01_SA01_R01.csv", line);

        assertThat(SisFallReader.discover(dir)).extracting(p -> p.getFileName().toString())
                .containsExactly("D01_SE01_R01.txt", "D05_SA01_R01.txt", "F01_SA02_R01.txt");
        assertThatThrownBy(() -> SisFallReader.discover(dir.resolve("missing"))).isInstanceOf(IOException.class)
                .hasMessageContaining("not a folder");
    }
}
