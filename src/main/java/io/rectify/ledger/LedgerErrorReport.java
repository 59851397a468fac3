package io.rectify.ledger;

import io.rectify.ops.AtomicFiles;
import io.rectify.workbook.SafeText;
import io.rectify.workbook.TableSheet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The ledger check report (台账校验报告.xlsx): every error of a rejected ledger, one row each, so
 * that the office can work through them and tick them off.
 */
public final class LedgerErrorReport {

    public static final String FILE_NAME = "台账校验报告.xlsx";
    static final String SHEET = "台账错误";
    static final List<String> HEADERS = List.of("序号", "工作表", "单元格", "行", "列", "内容", "问题及修改方法");
    private static final List<Integer> WIDTHS = List.of(6, 12, 8, 6, 6, 30, 80);

    private LedgerErrorReport() {
    }

    /** Writes the report of a rejected import to {@code target}, replacing any earlier one at once. */
    public static void write(Path target, LedgerImport result) throws IOException {
        AtomicFiles.write(target, out -> {
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                Sheet sheet = workbook.createSheet(SHEET);
                TableSheet table = new TableSheet(workbook, sheet, 1, HEADERS, WIDTHS);
                org.apache.poi.ss.usermodel.Cell title = sheet.createRow(0).createCell(0);
                title.setCellValue(SafeText.neutralise("整改台账校验报告：" + (result.file() == null ? "" : result.file() + " ")
                        + "共 " + result.errors().size() + " 处错误，台账未导入。请逐条修改后重新导入台账。"));
                XSSFCellStyle titleStyle = workbook.createCellStyle();
                Font bold = workbook.createFont();
                bold.setBold(true);
                titleStyle.setFont(bold);
                title.setCellStyle(titleStyle);
                int number = 1;
                for (LedgerError error : result.errors()) {
                    table.append(number++, error.sheet(), error.cell(), error.row() > 0 ? error.row() : null,
                            error.column(), error.value(), error.reason());
                }
                table.filter();
                workbook.write(out);
            }
        });
    }
}
