package io.rectify.ledger;

import io.rectify.workbook.PoiWorkbookReader;
import io.rectify.workbook.StreamingXlsxReader;
import io.rectify.workbook.WorkbookReader;
import java.io.InputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.poifs.filesystem.FileMagic;

/**
 * Reads the master ledger (docs/LEDGER.md): finds the one workbook in {@code <input>/master/} and reads
 * and validates it, collecting every error before giving up. Never writes to the input folder.
 */
public final class LedgerReader {

    private final int immediateDays;

    /** @param immediateDays how many days after the 反馈日期 a 立行立改 task falls due ({@code rectify.immediate-days}) */
    public LedgerReader(int immediateDays) {
        this.immediateDays = immediateDays;
    }

    /** The ledger workbook of a master folder, or the error saying why there is not exactly one. */
    /** @param absent true when the folder holds no ledger workbook at all (as opposed to a bad one or several) */
    public record Located(Path file, List<LedgerError> errors, boolean absent) {
    }

    /**
     * A ledger as read from its workbook: the ledger when it has no error, else no ledger and every error.
     *
     * @param scoring the rows of its sheet 考核规则; empty without the sheet (or with errors)
     */
    public record Reading(Ledger ledger, List<ScoringRule> scoring, List<LedgerError> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /**
     * The single .xlsx workbook of the master folder. Office lock files ({@code ~$*}) and hidden
     * files are ignored; none or several workbooks is an error naming what was found.
     */
    public Located locate(Path masterFolder) {
        if (!Files.isDirectory(masterFolder)) {
            return absent(masterFolder.toString(), "未找到整改台账：台账文件夹不存在，请把台账工作簿（.xlsx）放在输入文件夹的 "
                    + LedgerLayout.FOLDER + " 文件夹中");
        }
        List<Path> workbooks = new ArrayList<>();
        List<Path> others = new ArrayList<>();
        try (Stream<Path> files = Files.list(masterFolder)) {
            for (Path file : files.sorted(Comparator.comparing(Path::toString)).toList()) {
                String name = file.getFileName().toString();
                if (!Files.isRegularFile(file) || name.startsWith("~$") || name.startsWith(".") || Files.isHidden(file)) {
                    continue;
                }
                (name.toLowerCase(Locale.ROOT).endsWith(LedgerLayout.EXTENSION) ? workbooks : others).add(file);
            }
        } catch (IOException e) {
            return failed(masterFolder.toString(), "台账文件夹无法读取：" + e.getMessage());
        }
        if (workbooks.isEmpty()) {
            return absent(names(others), "未找到整改台账：" + LedgerLayout.FOLDER + " 文件夹中没有 .xlsx 工作簿"
                    + (others.isEmpty() ? "" : "（台账须为 .xlsx 格式，请用 Excel 另存为“Excel 工作簿”）"));
        }
        if (workbooks.size() > 1) {
            return failed(names(workbooks), LedgerLayout.FOLDER + " 文件夹中有 " + workbooks.size()
                    + " 个台账工作簿，只能有一个：请只保留现行台账，把其他文件移出该文件夹");
        }
        return new Located(workbooks.get(0), List.of(), false);
    }

    /** Reads and validates a ledger workbook; every error of every sheet is reported at once. */
    public Reading read(Path file) {
        WorkbookReader workbook;
        try {
            workbook = open(file);
        } catch (IOException | RuntimeException e) {
            return new Reading(null, List.of(), List.of(new LedgerError("", 0, "", file.getFileName().toString(),
                    "台账文件无法读取（文件损坏、已加密或不是 Excel 工作簿），请用 Excel 打开检查并另存为 .xlsx：" + e.getMessage())));
        }
        try (workbook) {
            return new LedgerParser(workbook, immediateDays).parse();
        } catch (IOException e) {
            return new Reading(null, List.of(), List.of(new LedgerError("", 0, "", file.getFileName().toString(),
                    "台账文件读取出错：" + e.getMessage())));
        }
    }

    /**
     * An .xlsx package is streamed (a city's ledger of 400,000 tasks does not fit a modest heap in
     * POI's user model); anything else, such as an .xls saved under the .xlsx name, goes to the user model.
     */
    private static WorkbookReader open(Path file) throws IOException {
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            if (FileMagic.valueOf(in) == FileMagic.OOXML) {
                return StreamingXlsxReader.open(file);
            }
        }
        return PoiWorkbookReader.open(file);
    }

    private static Located failed(String value, String reason) {
        return new Located(null, List.of(new LedgerError("", 0, "", value, reason)), false);
    }

    private static Located absent(String value, String reason) {
        return new Located(null, List.of(new LedgerError("", 0, "", value, reason)), true);
    }

    private static String names(List<Path> files) {
        return files.stream().map(f -> f.getFileName().toString()).collect(Collectors.joining("、"));
    }
}
