package io.rectify.reconcile;

import io.rectify.ledger.Unit;
import io.rectify.workbook.Texts;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The unit of a file whose return cannot be taken, told from whatever names one: the texts found in
 * it (a 单位代码 or 单位名称 value, the template marker's unit), else its file name, else the name of
 * a folder it sits in (innermost first). A file name names a unit by its code as a whole token
 * ({@code U07-3月报送.xlsx}, {@code 3月_U07.xlsx}, not {@code U070.xlsx}), else by its name, the
 * longest one found; a name naming two units names none.
 */
final class UnitClues {

    /** Dates and months as file names carry them (2024-03, 2024.03.15, 2024年3月, 3月10日, 2024年): never a unit code. */
    private static final Pattern DATE = Pattern.compile(
            "(?<!\\d)(?:\\d{4}\\s*(?:[-./_]|年)\\s*\\d{1,2}(?:\\s*月(?:\\s*\\d{1,2}\\s*日)?|[-./]\\d{1,2}日?)?"
                    + "|\\d{1,2}\\s*月(?:\\s*\\d{1,2}\\s*日)?|\\d{4}\\s*年)");

    private final LedgerIndex ledger;

    UnitClues(LedgerIndex ledger) {
        this.ledger = ledger;
    }

    /** The unit of the first clue that names one (most trusted first), else the one the path names. */
    Optional<Unit> unit(List<String> clues, String path) {
        for (String clue : clues) {
            Optional<Unit> unit = ledger.unitByCodeOrName(clue);
            if (unit.isPresent()) {
                return unit;
            }
        }
        return fromPath(path);
    }

    /** The unit a file's path ('/' separated) names: its file name first, then its folders from the innermost. */
    Optional<Unit> fromPath(String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            String part = i == parts.length - 1 ? withoutExtension(parts[i]) : parts[i];
            Set<Unit> named = byCode(part);
            if (named.isEmpty()) {
                named = byName(part);
            }
            if (!named.isEmpty()) {
                return named.size() == 1 ? Optional.of(named.iterator().next()) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The units whose code appears in {@code part}, its dates and months left out, as a whole token: not
     * next to another letter or digit; a code of digits only not joined by {@code -} or {@code .} to
     * other digits either, as in a date or a version number ({@code 2024-03}, {@code 1.03}).
     */
    private Set<Unit> byCode(String part) {
        String folded = DATE.matcher(Normalizer.normalize(part, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT))
                .replaceAll(" ");
        Set<Unit> found = new LinkedHashSet<>();
        for (Unit unit : ledger.units()) {
            String code = Texts.code(unit.code());
            boolean digits = !code.isEmpty() && code.chars().allMatch(c -> c >= '0' && c <= '9');
            for (int at = code.isEmpty() ? -1 : folded.indexOf(code); at >= 0; at = folded.indexOf(code, at + 1)) {
                int end = at + code.length();
                if (bounded(folded, at - 1, -1, digits) && bounded(folded, end, 1, digits)) {
                    found.add(unit);
                    break;
                }
            }
        }
        return found;
    }

    /** Whether the character at {@code at}, beside a code, ends it; {@code away} steps away from the code. */
    private static boolean bounded(String text, int at, int away, boolean digits) {
        if (at < 0 || at >= text.length()) {
            return true;
        }
        char c = text.charAt(at);
        if (letterOrDigit(c)) {
            return false;
        }
        int beyond = at + away;
        return !digits || (c != '-' && c != '.') || beyond < 0 || beyond >= text.length()
                || !Character.isDigit(text.charAt(beyond));
    }

    /**
     * The unit whose name {@code part} holds: the longest such name, as a shorter one inside it
     * (财政局 in 区财政局) is part of it; two names neither of which holds the other name two units.
     */
    private Set<Unit> byName(String part) {
        String folded = Texts.code(part);
        List<Unit> found = new ArrayList<>();
        for (Unit unit : ledger.units()) {
            String name = Texts.code(unit.name());
            if (!name.isEmpty() && folded.contains(name)) {
                found.add(unit);
            }
        }
        Set<Unit> named = new LinkedHashSet<>();
        found.stream().max((a, b) -> Integer.compare(Texts.code(a.name()).length(), Texts.code(b.name()).length()))
                .ifPresent(longest -> {
                    String name = Texts.code(longest.name());
                    named.add(longest);
                    found.stream().filter(u -> !name.contains(Texts.code(u.name()))).forEach(named::add);
                });
        return named;
    }

    private static boolean letterOrDigit(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    private static String withoutExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
