package io.rectify.report;

import io.rectify.standing.Light;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.FontFormatting;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The 红绿灯 column of a ranked table: each cell holds the light's word ({@link Light#word()}) and
 * is coloured by a conditional formatting rule on the column's range, not by a fill, so that the
 * colour follows the word when people sort, filter or correct the sheet.
 */
final class Lights {

    /** Fill and text colour by light: Excel's own "light red fill with dark red text" and its yellow and green. */
    static final Map<Light, List<String>> COLOURS = new EnumMap<>(Map.of(
            Light.RED, List.of("FFC7CE", "9C0006"),
            Light.YELLOW, List.of("FFEB9C", "9C5700"),
            Light.GREEN, List.of("C6EFCE", "006100")));

    private Lights() {
    }

    /** Colours the cells of {@code column} from {@code firstRow} to {@code lastRow} (0-based, inclusive) by their light. */
    static void colour(Sheet sheet, int column, int firstRow, int lastRow) {
        if (lastRow < firstRow) {
            return;
        }
        SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
        CellRangeAddress[] range = {new CellRangeAddress(firstRow, lastRow, column, column)};
        COLOURS.forEach((light, colours) -> {
            ConditionalFormattingRule rule = formatting.createConditionalFormattingRule(ComparisonOperator.EQUAL,
                    "\"" + light.word() + "\"");
            PatternFormatting fill = rule.createPatternFormatting();
            fill.setFillBackgroundColor(Styles.rgb(colours.get(0)));
            fill.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
            FontFormatting font = rule.createFontFormatting();
            font.setFontColor(Styles.rgb(colours.get(1)));
            font.setFontStyle(false, true);
            formatting.addConditionalFormatting(range, rule);
        });
    }

    /** A standing's reasons in one short cell. */
    static String reasons(List<String> reasons) {
        return String.join("；", reasons);
    }
}
