package io.rectify.sample;

import io.rectify.ledger.Unit;
import io.rectify.rule.TaskStatus;
import io.rectify.template.AccountabilityLine;
import io.rectify.template.InstitutionLine;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What one sample return says, whatever workbook it is written as.
 *
 * @param lines          the 整改进展 rows: the unit's lead tasks, then the tasks it cooperates on
 * @param institutions   the 制度建设 list
 * @param accountability the 问责情况 list
 * @param extensions     the 延期申请 rows
 */
record SampleReturn(Unit unit, YearMonth period, LocalDate submittedOn, String reporter, List<Line> lines,
                    List<InstitutionLine> institutions, List<AccountabilityLine> accountability,
                    List<SampleExtensions.Request> extensions) {

    /**
     * A row of the 整改进展 table. The ledger columns (问题编号, 整改措施, 完成时限) are what the unit's
     * copy shows: the ledger's, unless the unit edited them.
     *
     * @param lead      the unit leads the task (else it cooperates)
     * @param completed 完成日期, null when none is written
     */
    record Line(String code, String problemCode, String measure, String deadline, boolean lead, TaskStatus status,
                LocalDate completed, String progress, String evidence) {

        Line withStatus(TaskStatus newStatus, LocalDate newCompleted, String newProgress, String newEvidence) {
            return new Line(code, problemCode, measure, deadline, lead, newStatus, newCompleted, newProgress, newEvidence);
        }

        Line withCompleted(LocalDate newCompleted) {
            return withStatus(status, newCompleted, progress, evidence);
        }

        Line withProgress(String newProgress) {
            return withStatus(status, completed, newProgress, evidence);
        }

        Line withEvidence(String newEvidence) {
            return withStatus(status, completed, progress, newEvidence);
        }

        Line withDeadline(String newDeadline) {
            return new Line(code, problemCode, measure, newDeadline, lead, status, completed, progress, evidence);
        }
    }

    /**
     * Where a written return holds what it says: the Excel row (1-based) of each task's row and of
     * each extension request, by task code.
     */
    record Rows(Map<String, Integer> tasks, Map<String, Integer> requests) {

        Rows {
            tasks = Map.copyOf(tasks);
            requests = Map.copyOf(requests);
        }
    }

    Optional<Line> line(String code) {
        return lines.stream().filter(l -> l.code().equals(code)).findFirst();
    }

    /** This return with the row of {@code code} changed; fails when there is no such row. */
    SampleReturn withLine(String code, UnaryOperator<Line> change) {
        List<Line> changed = new ArrayList<>(lines);
        int index = changed.indexOf(line(code).orElseThrow(
                () -> new IllegalStateException(unit.name() + " has no row for task " + code)));
        changed.set(index, change.apply(changed.get(index)));
        return new SampleReturn(unit, period, submittedOn, reporter, List.copyOf(changed), institutions, accountability,
                extensions);
    }

    /** This return with a row added after the unit's lead tasks. */
    SampleReturn withExtraLine(Line extra) {
        List<Line> more = new ArrayList<>(lines);
        int lastLead = 0;
        for (int i = 0; i < more.size(); i++) {
            if (more.get(i).lead()) {
                lastLead = i + 1;
            }
        }
        more.add(lastLead, extra);
        return new SampleReturn(unit, period, submittedOn, reporter, List.copyOf(more), institutions, accountability,
                extensions);
    }

    SampleReturn submittedOn(LocalDate day) {
        return new SampleReturn(unit, period, day, reporter, lines, institutions, accountability, extensions);
    }

    SampleReturn withAccountability(List<AccountabilityLine> list) {
        return new SampleReturn(unit, period, submittedOn, reporter, lines, institutions, List.copyOf(list), extensions);
    }

    List<Line> leadLines() {
        return lines.stream().filter(Line::lead).toList();
    }
}
