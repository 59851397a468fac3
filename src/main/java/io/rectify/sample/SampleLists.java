package io.rectify.sample;

import io.rectify.ledger.Ledger;
import io.rectify.ledger.Task;
import io.rectify.ledger.Unit;
import io.rectify.template.AccountabilityLine;
import io.rectify.template.InstitutionLine;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The cumulative lists of the sample returns, read from {@code sample/institutions.txt} and
 * {@code sample/accountability.txt}: which unit reports which institution (制度建设) and which
 * accountability figures (问责情况), and from which period on. A unit's list for a period holds
 * every entry first reported in that period or before, the earlier ones first, as a unit keeps
 * its list in the template and adds below.
 */
final class SampleLists {

    static final String INSTITUTIONS = "institutions.txt";
    static final String ACCOUNTABILITY = "accountability.txt";

    /** An entry of a unit's list and the period of the first return that holds it. */
    record Entry<T>(String unitCode, YearMonth since, T line) {
    }

    private final List<Entry<InstitutionLine>> institutions = new ArrayList<>();
    private final List<Entry<AccountabilityLine>> accountability = new ArrayList<>();

    private SampleLists() {
    }

    /**
     * @param firstPeriod the first period returns are made for: anything issued earlier is first
     *                    reported then
     */
    static SampleLists read(Ledger ledger, YearMonth firstPeriod) {
        Map<String, Unit> units = ledger.units().stream().collect(Collectors.toMap(Unit::name, Function.identity()));
        Map<String, Task> tasks = ledger.tasks().stream().collect(Collectors.toMap(Task::code, Function.identity()));
        SampleLists lists = new SampleLists();
        for (SampleText.Line line : SampleText.lines(INSTITUTIONS)) {
            String[] fields = fields(line, 5, 6);
            Task task = tasks.get(fields[0]);
            if (task == null) {
                throw line.error("no task " + fields[0]);
            }
            LocalDate issued = LocalDate.parse(fields[4]);
            String unit = fields.length == 6 ? unit(units, fields[5], line) : task.leadUnit();
            lists.institutions.add(new Entry<>(unit, max(firstPeriod, YearMonth.from(issued)),
                    new InstitutionLine(fields[2], fields[3], fields[1], issued, task.code())));
        }
        for (SampleText.Line line : SampleText.lines(ACCOUNTABILITY)) {
            String[] fields = fields(line, 6, 6);
            lists.accountability.add(new Entry<>(unit(units, fields[0], line), YearMonth.parse(fields[5]),
                    new AccountabilityLine(fields[1], Integer.parseInt(fields[2]), fields[3], fields[4])));
        }
        return lists;
    }

    /** The unit's 制度建设 list as its return for {@code period} holds it. */
    List<InstitutionLine> institutions(String unitCode, YearMonth period) {
        return list(institutions, unitCode, period);
    }

    /** The unit's 问责情况 list as its return for {@code period} holds it. */
    List<AccountabilityLine> accountability(String unitCode, YearMonth period) {
        return list(accountability, unitCode, period);
    }

    List<Entry<InstitutionLine>> institutions() {
        return List.copyOf(institutions);
    }

    List<Entry<AccountabilityLine>> accountability() {
        return List.copyOf(accountability);
    }

    /** The (first) institution a task's lead unit issued for it: its 印发日期 is the day the task was done. */
    Optional<InstitutionLine> institution(Task task) {
        return institutions.stream()
                .filter(e -> e.unitCode().equals(task.leadUnit()) && e.line().taskRef().equals(task.code()))
                .map(Entry::line)
                .findFirst();
    }

    private static <T> List<T> list(List<Entry<T>> entries, String unitCode, YearMonth period) {
        return entries.stream()
                .filter(e -> e.unitCode().equals(unitCode) && !e.since().isAfter(period))
                .sorted(Comparator.comparing(Entry::since))
                .map(Entry::line)
                .toList();
    }

    private static String[] fields(SampleText.Line line, int min, int max) {
        String[] fields = line.text().split("｜", -1);
        if (fields.length < min || fields.length > max) {
            throw line.error("expected " + min + (max > min ? " or " + max : "") + " fields separated by ｜");
        }
        for (int i = 0; i < fields.length; i++) {
            fields[i] = fields[i].strip();
        }
        return fields;
    }

    private static String unit(Map<String, Unit> units, String name, SampleText.Line line) {
        Unit unit = units.get(name);
        if (unit == null) {
            throw line.error("no unit named " + name);
        }
        return unit.code();
    }

    private static YearMonth max(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }
}
