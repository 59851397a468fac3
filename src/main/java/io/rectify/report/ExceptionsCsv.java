package io.rectify.report;

import io.rectify.rule.ExceptionEntry;
import io.rectify.workbook.SafeText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * exceptions.csv (docs/OUTPUTS.md): UTF-8 with a byte-order mark (so that Excel reads the Chinese),
 * RFC 4180 quoting and CRLF line ends, one line per exception in report order, every text
 * neutralised against formula injection.
 */
final class ExceptionsCsv {

    static final String HEADER = "rule,severity,group,unit,problem,task,file,sheet,row,column,value,message";
    private static final String BOM = "\uFEFF";
    private static final String LINE_END = "\r\n";

    private ExceptionsCsv() {
    }

    /** Writes the list line by line: a city's 110,000 exceptions as one text were over 100 MB of heap at once. */
    static void write(List<ExceptionEntry> exceptions, OutputStream out) throws IOException {
        Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        csv.append(BOM).append(HEADER).append(LINE_END);
        for (ExceptionEntry e : exceptions) {
            csv.append(String.join(",", field(e.rule().code()), field(e.severity().code()), field(e.group()),
                    field(e.unitCode()), field(e.problemCode()), field(e.taskCode()), field(e.file()),
                    field(e.sheet()), e.row() == null ? "" : e.row().toString(), field(e.column()),
                    field(e.value()), field(e.message())))
                    .append(LINE_END);
        }
        csv.flush();
    }

    private static String field(String text) {
        String safe = SafeText.neutralise(text);
        if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\r') < 0 && safe.indexOf('\n') < 0) {
            return safe;
        }
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
