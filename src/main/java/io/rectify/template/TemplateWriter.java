package io.rectify.template;

import io.rectify.intake.TemplateMarker;
import io.rectify.ledger.Unit;
import io.rectify.ops.AtomicFiles;
import io.rectify.workbook.SafeText;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.YearMonth;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes one unit's return template (docs/RETURNS.md) as an .xlsx workbook: sheets 整改进展, 延期申请 (when
 * the unit has tasks to extend), 制度建设 and 问责情况, and the very hidden marker sheet {@link TemplateMarker#SHEET} naming the ledger
 * version, the period and the unit. The templates job calls it for every unit; the sample
 * generator and tests call it to get a template they then fill in.
 */
public final class TemplateWriter {

    private TemplateWriter() {
    }

    public static void write(UnitTemplate template, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            ProgressSheet.write(workbook, template);
            ExtensionSheet.write(workbook, template);
            ListSheets.institutions(workbook, template);
            ListSheets.accountability(workbook, template);
            marker(workbook, template);
            workbook.setActiveSheet(0);
            workbook.setFirstVisibleTab(0);
            workbook.getProperties().getCoreProperties().setTitle(template.title());
            workbook.getProperties().getCoreProperties().setCreator("Rectify");
            workbook.write(out);
        }
    }

    /** Writes the template to {@code file} atomically: readers never see half a workbook. */
    public static void write(UnitTemplate template, Path file) throws IOException {
        AtomicFiles.write(file, out -> write(template, out));
    }

    /** The template's file name, {@code <单位代码>-<单位名称>-<period>.xlsx} ({@link Unit#fileStem}). */
    public static String fileName(Unit unit, YearMonth period) {
        return unit.fileStem(period) + ".xlsx";
    }

    private static void marker(XSSFWorkbook workbook, UnitTemplate template) {
        XSSFSheet sheet = workbook.createSheet(TemplateMarker.SHEET);
        String[][] entries = {
                {TemplateMarker.LEDGER_VERSION, template.ledgerVersion()},
                {TemplateMarker.PERIOD, template.period().toString()},
                {TemplateMarker.UNIT, template.unit().code()}};
        for (int i = 0; i < entries.length; i++) {
            Row row = sheet.createRow(i);
            row.createCell(0).setCellValue(SafeText.neutralise(entries[i][0]));
            row.createCell(1).setCellValue(SafeText.neutralise(entries[i][1]));
        }
        workbook.setSheetVisibility(workbook.getSheetIndex(sheet), SheetVisibility.VERY_HIDDEN);
    }
}
