package org.hearth.simulator.evaluate;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a SisFall trial's file name says: {@code <CODE>_<SUBJECT>_<TRIAL>.txt}, for example {@code F05_SA01_R01.txt}
 * is the first repetition of fall type 5 by young adult 1. The label is per file: {@code F01}-{@code F15} contain one
 * fall, {@code D01}-{@code D19} are activities of daily living without a fall.
 *
 * @param code       activity code, {@code F01}-{@code F15} or {@code D01}-{@code D19}
 * @param subject    subject id, for example {@code SA01} (young adult) or {@code SE03} (elderly)
 * @param repetition trial repetition, for example {@code R01}
 */
public record TrialName(String code, String subject, String repetition) {

    /** A SisFall trial file name: code, subject and repetition, then {@code .txt}. */
    public static final Pattern FILE_NAME = Pattern.compile("([FD]\\d{2})_([A-Z]{2}\\d{2})_(R\\d{2})\\.txt");

    /**
     * Validates the name.
     *
     * @param code see the record description
     * @param subject see the record description
     * @param repetition see the record description
     * @throws NullPointerException     if any component is null
     * @throws IllegalArgumentException if a component does not have the SisFall form
     */
    public TrialName {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(repetition, "repetition");
        if (!FILE_NAME.matcher(code + "_" + subject + "_" + repetition + ".txt").matches()) {
            throw new IllegalArgumentException("not a SisFall trial name: " + code + "_" + subject + "_" + repetition);
        }
    }

    /**
     * Parses a file name.
     *
     * @param fileName for example {@code F05_SA01_R01.txt}
     * @return the parsed name
     * @throws IllegalArgumentException if the name does not follow the SisFall naming
     */
    public static TrialName parse(String fileName) {
        Matcher m = FILE_NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a SisFall trial file name (expected like F05_SA01_R01.txt): "
                    + fileName);
        }
        return new TrialName(m.group(1), m.group(2), m.group(3));
    }

    /**
     * Whether the trial contains a fall.
     *
     * @return true for the {@code F} codes, false for the {@code D} (daily living) codes
     */
    public boolean isFall() {
        return code.charAt(0) == 'F';
    }

    /**
     * Whether the subject is one of the elderly volunteers ({@code SE..}).
     *
     * @return true for elderly subjects, false for young adults
     */
    public boolean isElderly() {
        return subject.startsWith("SE");
    }

    /**
     * The trial's name as in its file name, without {@code .txt}.
     *
     * @return for example {@code F05_SA01_R01}
     */
    @Override
    public String toString() {
        return code + "_" + subject + "_" + repetition;
    }
}
