package io.rectify.report;

import static io.rectify.consolidate.ReconciledFixture.AS_OF;
import static io.rectify.consolidate.ReconciledFixture.MARCH;

import io.rectify.consolidate.Consolidation;
import io.rectify.consolidate.ConsolidatedMarch;
import io.rectify.consolidate.ReconciledFixture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Tests on the outputs written from the {@link ReconciledFixture} district's 2024-03, written again before each test. */
abstract class MarchReports extends ConsolidatedMarch {

    private static final DataFormatter FORMAT = new DataFormatter();

    @Autowired
    ReportWriter writer;

    Path output;
    Consolidation march;
    WrittenReport report;

    @BeforeEach
    void writeMarch() throws IOException {
        storeFixture();
        output = root.resolve("output");
        march = consolidator.consolidate(MARCH, AS_OF);
        report = writer.write(march, output);
    }

    /** An output workbook by its path relative to the output folder. */
    XSSFWorkbook open(String relative) throws IOException {
        return read(output.resolve(relative));
    }

    static XSSFWorkbook read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    static List<String> sheetNames(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    /** A row's cells as Excel shows them, blank cells as "". */
    static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            Cell cell = row.getCell(i);
            texts.add(cell == null ? "" : FORMAT.formatCellValue(cell));
        }
        return texts;
    }

    static List<String> allTexts(Sheet sheet) {
        List<String> texts = new ArrayList<>();
        sheet.forEach(row -> texts.addAll(texts(row)));
        return texts;
    }

    /** The texts of the first row whose first cell is {@code label}. */
    static List<String> rowOf(Sheet sheet, String label) {
        for (Row row : sheet) {
            List<String> texts = texts(row);
            if (!texts.isEmpty() && texts.get(0).equals(label)) {
                return texts;
            }
        }
        throw new AssertionError("no row " + label + " in " + sheet.getSheetName());
    }

    static String valueOf(Sheet sheet, String label) {
        return rowOf(sheet, label).get(1);
    }
}
