package io.rectify.ledger;

import java.util.List;

/**
 * What one import of the master ledger did.
 *
 * @param outcome imported as a new version, unchanged since the current version, or rejected for errors
 * @param file    the ledger workbook's file name; null when the master folder held no single workbook
 * @param counts  the figures of the ledger in force after the import ({@link LedgerCounts#NONE} when none is)
 * @param version the version in force after the import; null when none was ever imported
 * @param errors  every ledger error, in sheet, row and column order; empty unless rejected
 */
public record LedgerImport(Outcome outcome, String file, LedgerCounts counts, LedgerVersion version,
                           List<LedgerError> errors) {

    public enum Outcome { IMPORTED, UNCHANGED, REJECTED }

    /** True when a new version replaced the master list. */
    public boolean changed() {
        return outcome == Outcome.IMPORTED;
    }

    public boolean rejected() {
        return outcome == Outcome.REJECTED;
    }

    /** The result for the office, in Chinese; a rejection lists every error, one per line. */
    public String summary() {
        return switch (outcome) {
            case IMPORTED -> "台账已导入: " + counts.describe() + "（" + file + "，版本 " + version.id() + "）";
            case UNCHANGED -> "台账未变化，无需重新导入: " + counts.describe() + "（" + file + "，版本 " + version.id() + "）";
            case REJECTED -> {
                StringBuilder text = new StringBuilder("整改台账有 " + errors.size() + " 处错误，未导入任何内容"
                        + (file == null ? "" : "（" + file + "）") + "：\n");
                for (int i = 0; i < errors.size(); i++) {
                    text.append(String.format("  %d. %s%n", i + 1, errors.get(i).describe()));
                }
                yield text.append(version == null ? "尚未导入过台账。"
                        : "现行台账（版本 " + version.id() + "，" + version.sourceFile() + "）保持不变: " + counts.describe())
                        .toString();
            }
        };
    }
}
