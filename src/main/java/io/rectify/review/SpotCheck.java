package io.rectify.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The 回头看 spot check: a random sample of a group's tasks signed off in earlier periods, the same every time
 * for the same period, group and tasks. Each task draws a number from a hash of the period, the group and its
 * code; the lowest numbers are taken. So a task's chance does not depend on where the ledger lists it, and
 * adding a task to the candidates changes the sample by at most that task.
 */
public final class SpotCheck {

    private SpotCheck() {
    }

    /** How many of {@code candidates} tasks the sample takes: the share rounded, at least one when there is any. */
    public static int size(int candidates, double share) {
        if (candidates == 0) {
            return 0;
        }
        return (int) Math.max(1, Math.min(candidates, Math.round(candidates * share)));
    }

    /**
     * The sample of {@code candidates} (the group's tasks signed off in an earlier period and still signed off),
     * in their order.
     *
     * @param code a candidate's task code
     */
    public static <T> List<T> sample(List<T> candidates, Function<T, String> code, YearMonth period, String group,
                                     double share) {
        int size = size(candidates.size(), share);
        byte[][] draws = candidates.stream().map(c -> draw(period, group, code.apply(c))).toArray(byte[][]::new);
        boolean[] taken = new boolean[candidates.size()];
        IntStream.range(0, candidates.size()).boxed()
                .sorted(Comparator.<Integer, byte[]>comparing(i -> draws[i], Arrays::compareUnsigned)
                        .thenComparing(Comparator.naturalOrder()))
                .limit(size).forEach(i -> taken[i] = true);
        return IntStream.range(0, candidates.size()).filter(i -> taken[i]).mapToObj(candidates::get).toList();
    }

    private static byte[] draw(YearMonth period, String group, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return sha.digest((period + "\n" + group + "\n" + code).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
