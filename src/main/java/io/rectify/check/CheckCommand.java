package io.rectify.check;

import io.rectify.ops.CommandLine;
import io.rectify.ops.FailureCause;
import io.rectify.ops.RectifyProperties;
import io.rectify.report.CheckReceiptWorkbook;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Periods;
import io.rectify.rule.Severity;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code check FILE... [--period=YYYY-MM]} (docs/COMMANDS.md): checks each file as {@link ReturnCheck}
 * does and prints, in Chinese for the unit and the office, what would be accepted and every
 * exception; writes each file's receipt and marked copy into {@code <output>/check/}. A file that
 * cannot be read is reported as such and the others are still checked. Exit status 0 when every
 * file would be accepted, 1 when any would not (or could not be read, or its receipt not written).
 */
@Component
public class CheckCommand {

    static final String FOLDER = "check";

    private final ReturnCheck check;
    private final CheckOutputs outputs;
    private final Path folder;
    private final Path data;

    CheckCommand(ReturnCheck check, CheckOutputs outputs, RectifyProperties properties) {
        this.check = check;
        this.outputs = outputs;
        this.folder = properties.output().resolve(FOLDER);
        this.data = properties.data();
    }

    public int run(List<Path> files, Optional<YearMonth> period) {
        PrintStream out = System.out;
        out.println("按现行台账检查 " + files.size() + " 个文件，检查回执写入 " + folder);
        int accepted = 0;
        boolean written = true;
        for (Path file : files) {
            CheckReport report;
            try {
                report = check.check(file, file.toString(), period);
            } catch (NoLedger e) {
                System.err.println("rectify: no ledger has been imported into " + data + ", so there is nothing to check "
                        + "against; run import-ledger first. " + e.getMessage());
                return CommandLine.EXIT_FAILED;
            }
            out.println();
            print(report, out);
            if (report.accepted()) {
                accepted++;
            }
            written &= write(report, file, out);
        }
        out.println();
        out.println("共检查 " + files.size() + " 个文件：可以接收 " + accepted + " 个，不予接收 " + (files.size() - accepted) + " 个。");
        return accepted == files.size() && written ? CommandLine.EXIT_OK : CommandLine.EXIT_FAILED;
    }

    private static void print(CheckReport report, PrintStream out) {
        out.println("文件：" + report.file());
        out.println("单位：" + (report.unitCode() == null ? "未能识别" : report.unitCode() + " " + report.unitName()));
        out.println("报送期次：" + Periods.text(report.period()));
        out.println("结论：" + CheckReceiptWorkbook.conclusion(report));
        if (report.exceptions().isEmpty()) {
            out.println("未发现需要更正之处。");
            return;
        }
        out.println("需要办理的事项 " + report.exceptions().size() + " 条（" + Severity.ERROR.label() + " " + report.count(Severity.ERROR)
                + " 条，" + Severity.WARNING.label() + " " + report.count(Severity.WARNING) + " 条，" + Severity.INFO.label() + " "
                + report.count(Severity.INFO) + " 条）：");
        int n = 0;
        for (ExceptionEntry e : report.exceptions()) {
            out.println("  " + ++n + ". " + e.severity().label() + " " + e.rule().title() + "（" + e.rule().code() + "） "
                    + e.location() + (e.value() == null || e.value().isEmpty() ? "" : " “" + e.value() + "”") + "：" + e.message());
        }
    }

    /** Writes the receipt and the marked copy, printing their paths; false, with the cause, when they cannot be written. */
    private boolean write(CheckReport report, Path file, PrintStream out) {
        try {
            CheckedFiles written = outputs.write(report, file, folder);
            out.println("检查回执：" + written.receipt());
            written.marked().ifPresent(marked -> out.println("标注文件：" + marked));
            return true;
        } catch (IOException | RuntimeException e) {
            System.err.println("rectify: the receipt of " + file + " could not be written to " + folder + ": "
                    + FailureCause.of(e).orElse(e.toString()));
            return false;
        }
    }
}
