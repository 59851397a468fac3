package io.rectify.workbook;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DateUtil;

/** Dates and periods as units write them: Excel serial dates or the text forms units type. */
public final class ExcelDates {

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*(?:[-/.年])\\s*(\\d{1,2})\\s*(?:[-/.月])\\s*(\\d{1,2})\\s*日?");
    private static final Pattern PERIOD = Pattern.compile("(\\d{4})\\s*(?:[-/.年])\\s*(\\d{1,2})\\s*月?");
    /** Serial numbers of 1990-01-01 and 2099-12-31: a plain number in that range is taken as a date. */
    private static final double FIRST_SERIAL = 32874;
    private static final double LAST_SERIAL = 73050;

    private ExcelDates() {
    }

    /** The date a cell holds, or empty when it holds none that can be read. */
    public static Optional<LocalDate> date(Cell cell) {
        if (cell.numeric()) {
            double serial = cell.number();
            if (serial >= FIRST_SERIAL && serial <= LAST_SERIAL) {
                return Optional.of(DateUtil.getLocalDateTime(serial, false).toLocalDate());
            }
            return Optional.empty();
        }
        return date(cell.text());
    }

    /** A date in one of the text forms 2024-03-15, 2024/3/15, 2024.3.15, 2024年3月15日. */
    public static Optional<LocalDate> date(String text) {
        Matcher match = DATE.matcher(folded(text));
        if (!match.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(match.group(1)), Integer.parseInt(match.group(2)),
                    Integer.parseInt(match.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A period in one of the forms 2024-03, 2024年3月, 2024.03, 2024/3, or a date cell within it. */
    public static Optional<YearMonth> period(Cell cell) {
        if (cell.kind() == Cell.Kind.DATE) {
            return date(cell).map(YearMonth::from);
        }
        Matcher match = PERIOD.matcher(folded(cell.text()));
        if (!match.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.of(Integer.parseInt(match.group(1)), Integer.parseInt(match.group(2))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Full-width digits and punctuation folded to ASCII, then trimmed. */
    private static String folded(String text) {
        return Texts.clean(Normalizer.normalize(Texts.clean(text), Normalizer.Form.NFKC));
    }
}
