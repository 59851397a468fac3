package io.rectify.portal.group;

import io.rectify.consolidate.UnitFigures;
import io.rectify.ledger.Unit;
import io.rectify.report.ReportWriter;
import io.rectify.review.ReviewWorkbooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A supervision group's workbooks in a period's output folder (docs/OUTPUTS.md): its 销号审核表, and for each of
 * its units the receipt, the marked return and the 督办单, those the nightly wrote. Each is offered by its file
 * name, and a name asked for is looked up in this list: no path from a request is ever resolved.
 */
record GroupFiles(Path periodFolder, List<GroupFile> files) {

    /** The kinds of workbook, in the order the page lists a unit's. */
    enum Kind {
        SIGN_OFF("销号审核表"), RECEIPT(ReportWriter.RECEIPTS), MARKED("标注"), NOTICE(ReportWriter.NOTICES);

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /**
     * @param name the file name, as the page links it
     * @param path relative to the period folder, '/' separated
     * @param unit the unit it is for; null for the group's 销号审核表
     */
    record GroupFile(String name, String path, Kind kind, Unit unit, long size) {

        String contentType() {
            return name.endsWith(".xls") ? "application/vnd.ms-excel"
                    : name.endsWith(".xlsm") ? "application/vnd.ms-excel.sheet.macroEnabled.12"
                    : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
    }

    /** The marked return keeps the unit's format. */
    private static final List<String> MARKED_EXTENSIONS = List.of("xlsx", "xlsm", "xls");

    /** The group's workbooks that exist in {@code <output>/<period>/}, the units in ledger order. */
    static GroupFiles of(Path output, YearMonth period, String group, List<UnitFigures> units) {
        Path folder = output.resolve(period.toString());
        List<GroupFile> files = new ArrayList<>();
        add(files, folder, ReviewWorkbooks.signOffFile(group), Kind.SIGN_OFF, null);
        for (UnitFigures figures : units) {
            Unit unit = figures.unit();
            if (!group.equals(unit.group())) {
                continue;
            }
            add(files, folder, ReportWriter.RECEIPTS + "/" + ReportWriter.receiptFile(unit, period), Kind.RECEIPT, unit);
            for (String extension : MARKED_EXTENSIONS) {
                add(files, folder, ReportWriter.RECEIPTS + "/" + ReportWriter.markedFile(unit, period, extension),
                        Kind.MARKED, unit);
            }
            add(files, folder, ReportWriter.NOTICES + "/" + ReportWriter.noticeFile(unit, period), Kind.NOTICE, unit);
        }
        return new GroupFiles(folder, List.copyOf(files));
    }

    private static void add(List<GroupFile> files, Path folder, String path, Kind kind, Unit unit) {
        Path file = folder.resolve(path);
        try {
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                files.add(new GroupFile(file.getFileName().toString(), path, kind, unit, Files.size(file)));
            }
        } catch (IOException e) {
            // gone between the two looks (a run swapping the folder in): not offered
        }
    }

    /** The file of this list with the name asked for. */
    Optional<GroupFile> named(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public Optional<GroupFile> signOff() {
        return files.stream().filter(f -> f.kind() == Kind.SIGN_OFF).findFirst();
    }

    /** The unit's files, in {@link Kind} order. */
    public List<GroupFile> of(Unit unit) {
        return files.stream().filter(f -> f.unit() != null && f.unit().code().equals(unit.code())).toList();
    }

    /** The file on disk: the period folder and the path this list holds, never a name from a request. */
    Path pathOf(GroupFile file) {
        return periodFolder.resolve(file.path());
    }
}
