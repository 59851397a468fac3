package io.rectify.intake;

import io.rectify.rule.Rule;
import io.rectify.workbook.DamagedWorkbook;

/** What the unit is told about a workbook that breaks the file format at a known place. */
final class Damages {

    private static final String FIX = "无法读取；文件可能被其他软件改写或已损坏，请用 Excel 或 WPS 打开（如提示修复，请选择修复），"
            + "核对内容后另存为 .xlsx 格式再报送";

    private Damages() {
    }

    static ReadOutcome.Refused refused(DamagedWorkbook damaged) {
        Integer row = damaged.damage() == DamagedWorkbook.Damage.BAD_ROW_NUMBER ? null : damaged.row();
        return new ReadOutcome.Refused(Rule.FILE_UNREADABLE, damaged.sheet(), row, damaged.column(), damaged.value(),
                message(damaged));
    }

    private static String message(DamagedWorkbook damaged) {
        String sheet = "工作表“" + damaged.sheet() + "”";
        String value = damaged.value();
        return switch (damaged.damage()) {
            case MISSING_SHEET -> "工作簿中列有工作表“" + damaged.sheet() + "”，但文件中没有这张工作表的内容（文件内部结构不完整），" + FIX;
            case MALFORMED_XML -> (damaged.sheet() == null ? "文件内部数据（" + damaged.part() + "）" : sheet + "的内部数据")
                    + "不是格式正确的 XML，" + FIX;
            case BAD_ROW_NUMBER -> sheet + (value == null ? "的行数超过 Excel 允许的 1048576 行"
                    : "中有一行的行号为“" + value + "”，不是 1 到 1048576 之间的数字") + "（行号无效），" + FIX;
            case ROWS_OUT_OF_ORDER -> sheet + "第 " + damaged.row() + " 行之后又出现了第 " + value + " 行（行顺序错乱），" + FIX;
            case BAD_CELL_REFERENCE -> sheet + "第 " + damaged.row() + " 行有一个单元格的地址为“" + (value == null ? "" : value)
                    + "”，不是有效的单元格地址（单元格地址应如 B5，列不超过 XFD），" + FIX;
            case BAD_SHARED_STRING -> sheet + "单元格 " + damaged.column() + damaged.row() + " 引用的文字不存在（共享文本编号“" + value
                    + "”无效），" + FIX;
            case BAD_NUMBER -> sheet + "单元格 " + damaged.column() + damaged.row() + " 中的数值“" + value + "”不是数字，" + FIX;
        };
    }
}
