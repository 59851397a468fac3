package io.rectify.marking;

import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Rule;
import io.rectify.rule.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.util.CellReference;

/**
 * What is marked in one file, from its exceptions: the cells (sheet, row, column) with theirs, the
 * rows with theirs, and what is about the whole file (a file-scope rule, or an exception that points
 * at no row). A file-scope exception that points at a cell (报送期次, 报送日期) is both marked on the
 * cell and listed with the file's problems.
 *
 * @param cells by sheet name, then by cell, in sheet order
 * @param rows  by sheet name, then by zero-based row, every exception with a row
 * @param file  the exceptions noted at the top of the first sheet
 */
record Marks(Map<String, Map<Place, List<ExceptionEntry>>> cells, Map<String, Map<Integer, List<ExceptionEntry>>> rows,
             List<ExceptionEntry> file, List<ExceptionEntry> all) {

    /** A cell by zero-based row and column; ordered by row, then column. */
    record Place(int row, int column) implements Comparable<Place> {

        private static final Comparator<Place> ORDER = Comparator.comparingInt(Place::row).thenComparingInt(Place::column);

        @Override
        public int compareTo(Place other) {
            return ORDER.compare(this, other);
        }
    }

    static Marks of(List<ExceptionEntry> exceptions) {
        Map<String, Map<Place, List<ExceptionEntry>>> cells = new LinkedHashMap<>();
        Map<String, Map<Integer, List<ExceptionEntry>>> rows = new LinkedHashMap<>();
        List<ExceptionEntry> file = new ArrayList<>();
        for (ExceptionEntry e : exceptions) {
            boolean hasRow = e.sheet() != null && e.row() != null && e.row() > 0;
            if (!hasRow || e.rule().scope() == Rule.Scope.FILE) {
                file.add(e);
            }
            if (!hasRow) {
                continue;
            }
            int row = e.row() - 1;
            rows.computeIfAbsent(e.sheet(), s -> new TreeMap<>()).computeIfAbsent(row, r -> new ArrayList<>()).add(e);
            if (e.column() != null && !e.column().isBlank()) {
                int column = CellReference.convertColStringToIndex(e.column());
                cells.computeIfAbsent(e.sheet(), s -> new TreeMap<>())
                        .computeIfAbsent(new Place(row, column), p -> new ArrayList<>()).add(e);
            }
        }
        return new Marks(cells, rows, List.copyOf(file), List.copyOf(exceptions));
    }

    boolean isEmpty() {
        return all.isEmpty();
    }

    /** The most serious severity among {@code exceptions} (ERROR before WARNING before INFO). */
    static Severity worst(List<ExceptionEntry> exceptions) {
        return exceptions.stream().map(ExceptionEntry::severity).min(Comparator.naturalOrder()).orElse(Severity.INFO);
    }

    /** One exception as the unit reads it: 【错误】整改状态无效：message, ending as a sentence. */
    static String line(ExceptionEntry e) {
        String message = e.message().strip();
        boolean ends = message.endsWith("。") || message.endsWith("！") || message.endsWith("？");
        return "【" + e.severity().label() + "】" + e.rule().title() + "：" + message + (ends ? "" : "。");
    }
}
