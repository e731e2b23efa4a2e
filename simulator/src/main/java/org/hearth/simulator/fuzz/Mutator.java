package org.hearth.simulator.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes fuzz inputs: mostly mutations of a seed (bit flips, byte edits, cuts, splices, and swaps of JSON/YAML tokens
 * for hostile ones), sometimes pure random bytes. Deterministic for a given random source.
 */
final class Mutator {
    /** Tokens that have broken parsers and validators before: extremes, wrong types, deep nesting, odd text. */
    private static final String[] HOSTILE = {
        "null", "true", "false", "0", "-1", "1e309", "-1e309", "NaN", "Infinity", "9223372036854775808",
        "-9223372036854775809", "1.7976931348623157E309", "\"\"", "\"\\u0000\"", "\"\\ud800\"", "[]", "{}",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", "\"1970-01-01T00:00:00Z\"",
        "\"+999999999-12-31T23:59:59.999999999Z\"", "\"2026-13-45T99:99:99Z\"", "200.0000001", "19.99999",
        "\"fall\"", "\"single\"", "\"offline\"", "~", "!!binary AAAA", "&a [*a, *a]", "*a", "${HOME}", "${X:-",
        "\"${UNSET}\"", "{ id: x }", "- - -", ": :", "'", "\"", "\\", "\t", "\n  ", "#", "%YAML 1.2", "---", "...",
    };

    private final List<byte[]> corpus;

    Mutator(List<byte[]> corpus) {
        this.corpus = List.copyOf(corpus);
    }

    byte[] next(SplittableRandom random) {
        int choice = random.nextInt(100);
        if (choice < 5 || corpus.isEmpty()) {
            return randomBytes(random, random.nextInt(64));
        }
        byte[] input = corpus.get(random.nextInt(corpus.size())).clone();
        if (choice < 10) {
            return input; // the seed itself: valid inputs must stay clean too
        }
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            input = mutate(input, random);
        }
        return input;
    }

    private byte[] mutate(byte[] in, SplittableRandom random) {
        if (in.length == 0) {
            return randomBytes(random, 1 + random.nextInt(8));
        }
        switch (random.nextInt(7)) {
            case 0: { // flip a bit
                byte[] out = in.clone();
                int i = random.nextInt(out.length);
                out[i] ^= (byte) (1 << random.nextInt(8));
                return out;
            }
            case 1: { // set a byte to an interesting value
                byte[] out = in.clone();
                byte[] interesting = {0, '"', '{', '}', '[', ']', ':', ',', '-', '.', 'e', (byte) 0xFF, (byte) 0xC3};
                out[random.nextInt(out.length)] = interesting[random.nextInt(interesting.length)];
                return out;
            }
            case 2: { // cut a range
                int from = random.nextInt(in.length);
                int to = from + random.nextInt(in.length - from + 1);
                return concat(slice(in, 0, from), slice(in, to, in.length));
            }
            case 3: { // duplicate a range
                int from = random.nextInt(in.length);
                int to = from + random.nextInt(Math.min(in.length - from, 256) + 1);
                return concat(slice(in, 0, to), slice(in, from, in.length));
            }
            case 4: { // splice with another seed
                byte[] other = corpus.get(random.nextInt(corpus.size()));
                int a = random.nextInt(in.length + 1);
                int b = random.nextInt(other.length + 1);
                return concat(slice(in, 0, a), slice(other, b, other.length));
            }
            default: { // replace a value-ish token with a hostile one
                String text = new String(in, StandardCharsets.UTF_8);
                int at = random.nextInt(text.length() + 1);
                int end = at;
                while (end < text.length() && ",}]\n".indexOf(text.charAt(end)) < 0 && end - at < 40) {
                    end++;
                }
                String hostile = HOSTILE[random.nextInt(HOSTILE.length)];
                return (text.substring(0, at) + hostile + text.substring(end)).getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    private static byte[] randomBytes(SplittableRandom random, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }

    private static byte[] slice(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, from, to);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
