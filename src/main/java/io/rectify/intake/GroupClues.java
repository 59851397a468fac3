package io.rectify.intake;

import io.rectify.workbook.Texts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The supervision group a review workbook's path names, as written, for a refusal to reach that group's
 * supervisors: the part before 销号审核表 in a name made like the generated one ({@code 第一督查组-销号审核表.xlsx},
 * a copy's {@code 第一督查组-销号审核表(1).xlsx} too), else a word naming a group (…督查组, …组) in the file
 * name, then in its folders, innermost first.
 */
final class GroupClues {

    private static final String SIGN_OFF_NAME = ReviewLayout.SIGN_OFF_SUFFIX.substring(0, ReviewLayout.SIGN_OFF_SUFFIX.lastIndexOf('.'));
    private static final String GROUP_WORD = "督查组";
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** A period in front of a group's name: 2024年3月第一督查组, 3月份第一督查组. */
    private static final Pattern LEADING_PERIOD = Pattern.compile("^(\\d{4}年)?(\\d{1,2}月份?)?");

    private GroupClues() {
    }

    /** @param relative the file's path relative to its period folder, '/' separated */
    static Optional<String> inPath(String relative) {
        List<String> names = new ArrayList<>(List.of(relative.split("/")));
        Collections.reverse(names);
        String fileName = names.get(0);
        int dot = fileName.lastIndexOf('.');
        names.set(0, dot > 0 ? fileName.substring(0, dot) : fileName);
        int generated = names.get(0).indexOf(SIGN_OFF_NAME);
        if (generated > 0) {
            String group = Texts.clean(names.get(0).substring(0, generated));
            if (!group.isEmpty()) {
                return Optional.of(group);
            }
        }
        return names.stream().flatMap(name -> SEPARATORS.splitAsStream(name)).map(GroupClues::group)
                .flatMap(Optional::stream).findFirst();
    }

    private static Optional<String> group(String word) {
        String name = LEADING_PERIOD.matcher(word).replaceFirst("");
        int at = name.indexOf(GROUP_WORD);
        if (at > 0) {
            return Optional.of(name.substring(0, at + GROUP_WORD.length()));
        }
        // 督查组 alone names no group; a word merely ending in 组 does when something comes before it
        return at < 0 && name.endsWith("组") && name.length() > 1 ? Optional.of(name) : Optional.empty();
    }
}
