package io.rectify.intake;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Spreadsheet formats units really send that this system does not read. A file in one of them is
 * found like a workbook (hashed and archived, so nothing is lost) and refused as file-unreadable,
 * telling the unit what the file is and how to save it as .xlsx in Excel and in WPS. The file name
 * tells the format: a WPS file (.et, .wps) is an OLE2 file like a .xls or a .doc, and a .numbers
 * package a zip like any other.
 */
enum ForeignFormat {

    ODS("这是 OpenDocument 表格（.ods）", null, "ods", "fods"),
    CSV("这是 CSV 文本文件（.csv），没有工作表和报送模板的表头格式", null, "csv"),
    ET("这是 WPS 表格文件（.et）", null, "et"),
    ETT("这是 WPS 表格模板文件（.ett）", null, "ett"),
    WPS("这是 WPS 文字文档（.wps），不是表格", "请在整改办下发的报送模板中填报，用 Excel 或 WPS 表格保存为 .xlsx 格式再报送", "wps"),
    XLSB("这是 Excel 二进制工作簿（.xlsb）", null, "xlsb"),
    NUMBERS("这是苹果 Numbers 表格（.numbers）", "请在 Numbers 中选择“文件 → 导出为 → Excel…”，导出为 .xlsx 格式再报送", "numbers");

    /** How to save a workbook as .xlsx in Excel and in WPS, as their menus name it. */
    static final String HOW_TO_SAVE_AS_XLSX = "Excel：文件 → 另存为 → 保存类型选“Excel 工作簿(*.xlsx)”；"
            + "WPS：文件 → 另存为 → 文件类型选“Microsoft Excel 文件(*.xlsx)”";

    private final String what;
    private final String todo;
    private final String[] extensions;

    /** @param todo what the unit should do, null for: open it in Excel or WPS and save it as .xlsx */
    ForeignFormat(String what, String todo, String... extensions) {
        this.what = what;
        this.todo = todo;
        this.extensions = extensions;
    }

    /** The format a file name says, if it is one of these. */
    static Optional<ForeignFormat> of(Path file) {
        String extension = extension(file.getFileName().toString());
        return Arrays.stream(values()).filter(f -> Arrays.asList(f.extensions).contains(extension)).findFirst();
    }

    static boolean isForeign(String extension) {
        return Arrays.stream(values()).anyMatch(f -> Arrays.asList(f.extensions).contains(extension));
    }

    /** What the unit is told: what the file is, that only Excel workbooks are read, and how to save one. */
    String message() {
        String steps = this == NUMBERS ? todo
                : (todo == null ? "请用 Excel 或 WPS 打开后另存为 .xlsx 格式再报送" : todo) + "（" + HOW_TO_SAVE_AS_XLSX + "）";
        return what + "，本系统只能读取 Excel 工作簿（.xlsx、.xlsm、.xls），未读取；" + steps;
    }

    /** The extension of a file name, lower case, "" when it has none. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
