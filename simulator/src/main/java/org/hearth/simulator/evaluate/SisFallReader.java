package org.hearth.simulator.evaluate;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads trials of the SisFall dataset (Sucerquia, López, Vargas-Bonilla, <i>SisFall: A Fall and Movement Dataset</i>,
 * Sensors 2017, 17(1):198) in its original per-trial text format.
 *
 * <p>Each line is one sample at 200 Hz: nine comma-separated integers padded with spaces and ended by {@code ;},
 * for example {@code "  12,-237,-105, 102,  19,  -4,  40,-978,-406;"}, with CRLF line ends. Columns 1-3 are the
 * ADXL345 accelerometer (x, y, z) in counts of 1/256 g, the only ones used here; 4-6 the gyroscope, 7-9 the second
 * accelerometer. Blank lines (some files end in spaces without a final newline) are skipped; any other line that does
 * not have this form fails the read with the file, the line number and the offending text.
 */
public final class SisFallReader {

    /** ADXL345 counts per g in SisFall: a ±16 g range over 13 bits. */
    public static final double ADXL345_COUNTS_PER_G = 256.0;

    private static final int COLUMNS = 9;

    private SisFallReader() {
    }

    /**
     * Finds every trial file under a folder, at any depth, named in the SisFall way ({@link TrialName#FILE_NAME}).
     * Other files ({@code Readme.txt}, {@code MANIFEST.csv}) are left out.
     *
     * @param dir the folder, for example {@code shared/data/falls/sisfall}
     * @return the trial files, sorted by file name
     * @throws IOException if the folder cannot be walked
     */
    public static List<Path> discover(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("not a folder: " + dir.toAbsolutePath());
        }
        try (Stream<Path> files = Files.walk(dir, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> TrialName.FILE_NAME.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).thenComparing(Path::toString))
                    .collect(Collectors.toList());
        }
    }

    /**
     * Reads one trial file.
     *
     * @param file a file named like {@code F05_SA01_R01.txt}
     * @return the trial: its name and the ADXL345 axes in g
     * @throws IOException              if the file cannot be read, holds no samples, or a line is malformed (the
     *                                  message names the file and the line)
     * @throws IllegalArgumentException if the file name does not follow the SisFall naming
     */
    public static SisFallTrial read(Path file) throws IOException {
        TrialName name = TrialName.parse(file.getFileName().toString());
        float[] x = new float[4096];
        float[] y = new float[4096];
        float[] z = new float[4096];
        int n = 0;
        int lineNumber = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                String text = line.strip();
                if (text.isEmpty()) {
                    continue;
                }
                int[] counts = parseLine(text);
                if (counts == null) {
                    throw new IOException(file.getFileName() + " line " + lineNumber + ": expected " + COLUMNS
                            + " comma-separated integers ending in ';', found \"" + abbreviate(text) + "\"");
                }
                if (n == x.length) {
                    x = Arrays.copyOf(x, n * 2);
                    y = Arrays.copyOf(y, n * 2);
                    z = Arrays.copyOf(z, n * 2);
                }
                x[n] = (float) (counts[0] / ADXL345_COUNTS_PER_G);
                y[n] = (float) (counts[1] / ADXL345_COUNTS_PER_G);
                z[n] = (float) (counts[2] / ADXL345_COUNTS_PER_G);
                n++;
            }
        }
        if (n == 0) {
            throw new IOException(file.getFileName() + ": no samples");
        }
        return new SisFallTrial(name, Arrays.copyOf(x, n), Arrays.copyOf(y, n), Arrays.copyOf(z, n));
    }

    /** The nine counts of a stripped, non-blank line, or null if it is malformed. */
    private static int[] parseLine(String text) {
        if (!text.endsWith(";")) {
            return null;
        }
        String[] fields = text.substring(0, text.length() - 1).split(",", -1);
        if (fields.length != COLUMNS) {
            return null;
        }
        int[] counts = new int[COLUMNS];
        for (int i = 0; i < COLUMNS; i++) {
            try {
                counts[i] = Integer.parseInt(fields[i].strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return counts;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
