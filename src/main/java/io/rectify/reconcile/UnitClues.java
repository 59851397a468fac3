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

/**
 * The unit of a file whose return cannot be taken, told from whatever names one: the texts found in
 * it (a 单位代码 or 单位名称 value, the template marker's unit), else its file name, else the name of
 * a folder it sits in (innermost first). A file name names a unit by its code as a whole token
 * ({@code U07-3月报送.xlsx}, {@code 3月_U07.xlsx}, not {@code U070.xlsx}), else by its name, the
 * longest one found; a name naming two units names none.
 */
final class UnitClues {

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

    /** The units whose code appears in {@code part} as a whole token: not next to another letter or digit. */
    private Set<Unit> byCode(String part) {
        String folded = Normalizer.normalize(part, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        Set<Unit> found = new LinkedHashSet<>();
        for (Unit unit : ledger.units()) {
            String code = Texts.code(unit.code());
            for (int at = code.isEmpty() ? -1 : folded.indexOf(code); at >= 0; at = folded.indexOf(code, at + 1)) {
                int end = at + code.length();
                if ((at == 0 || !letterOrDigit(folded.charAt(at - 1)))
                        && (end == folded.length() || !letterOrDigit(folded.charAt(end)))) {
                    found.add(unit);
                    break;
                }
            }
        }
        return found;
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
