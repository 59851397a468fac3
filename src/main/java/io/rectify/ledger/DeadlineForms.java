package io.rectify.ledger;

import io.rectify.workbook.Cell;
import io.rectify.workbook.ExcelDates;
import io.rectify.workbook.Texts;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The written forms of a 完成时限, each read as the last day it names. Text is folded first (full-width
 * digits and letters to ASCII, white space removed), so 2024年 6月底前 and ２０２４年６月底 read alike.
 *
 * <p>A trailing 前 / 以前 / 之前 means "by": 2024年6月前 is 2024-06-30, not 2024-05-31. That is how
 * such ledgers use it (a task "6月前完成" is on time when done in June), and it keeps 6月前, 6月底前
 * and 6月底 the same day.
 */
final class DeadlineForms {

    private static final String BY = "(?:以前|之前|前)?(?:完成)?";
    private static final String END = "(?:底|末)?";
    private static final String NUMERAL = "(\\d{1,2}|十[一二]?|[一二三四五六七八九])";
    private static final Pattern MONTH = Pattern.compile("(\\d{4})(?:年|[-/.])" + NUMERAL + "(?:月份?)?" + END + BY);
    private static final Pattern YEAR = Pattern.compile("(\\d{4})年(?:内|底|末|年底|年末)?" + BY);
    private static final Pattern HALF = Pattern.compile("(\\d{4})年?([上下])半年" + END + BY);
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})年?(?:第?([1-4一二三四])季度?|Q([1-4]))" + END + BY);
    private static final Pattern DATE_BY = Pattern.compile("(.+?)(?:以前|之前|前)(?:完成)?");
    private static final List<String> NUMERALS = List.of("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二");

    private DeadlineForms() {
    }

    /** The deadline a cell gives in any form but 立行立改 (its day is the ledger's 反馈日期 plus a setting); empty when none. */
    static Optional<Deadline> read(Cell cell) {
        if (cell.kind() == Cell.Kind.NUMBER) {
            // a typed 2024.10 is stored as the number 2024.1: a plain number is a date only as a serial
            return ExcelDates.date(cell).map(Deadline::on);
        }
        // POI shows a date format's quoted literals with their quotes: yyyy"年"m"月" as 2024"年"6"月"
        String written = Texts.clean(cell.kind() == Cell.Kind.DATE ? cell.text().replace("\"", "") : cell.text());
        String folded = Texts.code(written);
        if (folded.equals(Deadline.LONG_TERM)) {
            return Optional.of(Deadline.NONE);
        }
        Optional<LocalDate> exact = ExcelDates.date(written);
        if (exact.isPresent()) {
            return exact.map(Deadline::on);
        }
        Optional<Deadline> worded = lastDay(folded).map(date -> new Deadline(written, date));
        // Excel turns a typed 2024年6月 into June 1st shown as 2024年6月: the shown month is meant
        return worded.isPresent() ? worded : ExcelDates.date(cell).map(Deadline::on);
    }

    private static Optional<LocalDate> lastDay(String folded) {
        Matcher match = DATE_BY.matcher(folded);
        if (match.matches()) {
            Optional<LocalDate> date = ExcelDates.date(match.group(1));
            if (date.isPresent()) {
                return date;
            }
        }
        if ((match = MONTH.matcher(folded)).matches()) {
            int month = number(match.group(2));
            return month >= 1 && month <= 12
                    ? Optional.of(YearMonth.of(year(match), month).atEndOfMonth()) : Optional.empty();
        }
        if ((match = YEAR.matcher(folded)).matches()) {
            return Optional.of(LocalDate.of(year(match), 12, 31));
        }
        if ((match = HALF.matcher(folded)).matches()) {
            return Optional.of(YearMonth.of(year(match), match.group(2).equals("上") ? 6 : 12).atEndOfMonth());
        }
        if ((match = QUARTER.matcher(folded)).matches()) {
            int quarter = number(match.group(2) != null ? match.group(2) : match.group(3));
            return Optional.of(YearMonth.of(year(match), quarter * 3).atEndOfMonth());
        }
        return Optional.empty();
    }

    private static int year(Matcher match) {
        return Integer.parseInt(match.group(1));
    }

    /** 6 or 六, 12 or 十二. */
    private static int number(String text) {
        int index = NUMERALS.indexOf(text);
        return index >= 0 ? index + 1 : Integer.parseInt(text);
    }
}
