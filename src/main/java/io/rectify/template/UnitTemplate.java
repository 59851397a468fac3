package io.rectify.template;

import io.rectify.ledger.Ledger;
import io.rectify.ledger.LedgerInfo;
import io.rectify.ledger.Task;
import io.rectify.ledger.Unit;
import io.rectify.rule.Periods;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything one unit's return template for one period holds: what {@link TemplateWriter} lays out.
 *
 * @param ledger         the ledger's 基本信息 (title, feedback date, cut-off day)
 * @param ledgerVersion  the content hash of the ledger version the template is made from (its hidden marker)
 * @param tasks          the unit's lead tasks, then its cooperating tasks, each in ledger order
 * @param institutions   the unit's latest accepted 制度建设 list, to be kept and extended
 * @param accountability the unit's latest accepted 问责情况 list, to be kept and extended
 */
public record UnitTemplate(LedgerInfo ledger, String ledgerVersion, YearMonth period, Unit unit, List<TaskLine> tasks,
                           List<InstitutionLine> institutions, List<AccountabilityLine> accountability) {

    /**
     * The template of one unit of {@code ledger}.
     *
     * @param lastStatuses the last known status of tasks by task code; tasks absent from it are left blank
     * @param notes        the 备注 of the unit's tasks by task code (why its row of the period before was
     *                     not adopted); tasks absent from it get none
     */
    public static UnitTemplate of(Ledger ledger, String ledgerVersion, YearMonth period, Unit unit,
                                  Map<String, KnownStatus> lastStatuses, Map<String, String> notes,
                                  List<InstitutionLine> institutions, List<AccountabilityLine> accountability) {
        List<TaskLine> lines = new ArrayList<>();
        for (Task task : ledger.tasks()) {
            if (task.leadUnit().equals(unit.code())) {
                lines.add(line(task, true, lastStatuses, notes.get(task.code())));
            }
        }
        for (Task task : ledger.tasks()) {
            if (!task.leadUnit().equals(unit.code()) && task.cooperators().contains(unit.code())) {
                lines.add(line(task, false, lastStatuses, notes.get(task.code())));
            }
        }
        return new UnitTemplate(ledger.info(), ledgerVersion, period, unit, List.copyOf(lines),
                List.copyOf(institutions), List.copyOf(accountability));
    }

    /** A template with nothing prefilled beyond the ledger: no known status, empty lists. */
    public static UnitTemplate blank(Ledger ledger, String ledgerVersion, YearMonth period, String unitCode) {
        Unit unit = ledger.units().stream().filter(u -> u.code().equals(unitCode)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no unit " + unitCode + " in the ledger"));
        return of(ledger, ledgerVersion, period, unit, Map.of(), Map.of(), List.of(), List.of());
    }

    private static TaskLine line(Task task, boolean lead, Map<String, KnownStatus> lastStatuses, String note) {
        KnownStatus known = lastStatuses.get(task.code());
        if (known == null) {
            return new TaskLine(task, lead, null, null, null, note);
        }
        // the evidence is the lead unit's own: a cooperating unit is not offered it as its own
        return new TaskLine(task, lead, known.status(), known.completionDate(), lead ? known.evidence() : null, note);
    }

    /**
     * The tasks the unit may ask to extend in this return (its 延期申请 sheet): its lead tasks but
     * those 长期坚持 (never overdue) and those whose deadline in force falls before the return is due
     * (a request must be sent before the deadline passes: those are asked for in an earlier return),
     * in table order.
     */
    public List<TaskLine> extendable() {
        LocalDate due = dueDate();
        return tasks.stream().filter(TaskLine::lead)
                .filter(l -> !l.task().longTerm() && !l.task().deadline().date().isBefore(due))
                .toList();
    }

    /** The title row, e.g. 巡视整改进展报送表（2024年4月）. */
    public String title() {
        String name = ledger.title();
        return name + (name.endsWith("整改") ? "进展报送表" : "整改进展报送表") + "（" + periodText() + "）";
    }

    /** The period as people write it: 2024年4月. */
    public String periodText() {
        return Periods.text(period);
    }

    /** The day by which the return is due: the ledger's cut-off day of the following month. */
    public LocalDate dueDate() {
        return ledger.dueDate(period);
    }
}
