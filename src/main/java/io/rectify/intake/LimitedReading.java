package io.rectify.intake;

import io.rectify.rule.Rule;
import io.rectify.workbook.DamagedWorkbook;
import io.rectify.workbook.WorkbookReader;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.poi.EncryptedDocumentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one workbook within {@link ReadLimits}, whatever it is meant to hold (a unit's return, a review
 * workbook): opened by {@link WorkbookOpener}, read on a thread of its own that is given up (and interrupted)
 * when the time limit passes, every failure turned into a file-unreadable or file-encrypted refusal whose
 * message says what to do. Never throws for a bad file and never modifies it. Safe to share.
 */
final class LimitedReading {

    /** Turns one opened workbook into an outcome. */
    interface Parser<T> {

        T parse() throws IOException;

        /** The outcome for a workbook refused after it was opened: what was read until then may still tell whose it is. */
        T refused(ReadOutcome.Refused refusal);
    }

    private static final Logger log = LoggerFactory.getLogger(LimitedReading.class);
    private static final String DAMAGED = "文件内容已损坏或含有不安全的内容，读取时出错；请确认文件能用 Excel 正常打开，再另存为 .xlsx 格式后报送";

    private final ReadLimits limits;
    private final WorkbookOpener opener;

    LimitedReading(ReadLimits limits) {
        this.limits = limits;
        this.opener = new WorkbookOpener(limits);
    }

    boolean withinSizeLimit(FoundFile file) {
        return file.size() <= limits.maxFileBytes();
    }

    /**
     * @param parsers  the parser of the opened workbook
     * @param unopened the outcome for a file refused before anything of it was read (too large, not a
     *                 workbook, encrypted, over the time or memory limit)
     */
    <T> T read(FoundFile file, Function<WorkbookReader, Parser<T>> parsers, Function<ReadOutcome.Refused, T> unopened) {
        if (!withinSizeLimit(file)) {
            log.info("{}: over the size limit ({} bytes)", file.relative(), file.size());
            return unopened.apply(refused(opener.tooLarge("文件大小为 ", file.size())));
        }
        limits.applyToPoi();
        FutureTask<T> reading = new FutureTask<>(() -> readNow(file, parsers, unopened));
        Thread worker = new Thread(reading, "read " + file.relative());
        worker.setDaemon(true);
        worker.start();
        try {
            return reading.get(limits.timeLimit().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            worker.interrupt();
            log.warn("{}: reading given up after the time limit of {} s", file.relative(), ReadLimits.seconds(limits.timeLimit()));
            return unopened.apply(refused(WorkbookOpener.unreadable("读取本文件超过 " + ReadLimits.seconds(limits.timeLimit())
                    + " 秒（每份文件读取时间上限），未读取；报送表通常一秒内即可读完，请删除多余的内容后另存为 .xlsx 格式再报送")));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OutOfMemoryError) {
                log.warn("{}: reading ran out of memory", file.relative());
                return unopened.apply(refused(WorkbookOpener.unreadable("文件内容过多，读取时超出本系统可用的内存（内存上限），未读取；"
                        + "请删除多余的内容后另存为 .xlsx 格式再报送")));
            }
            log.warn("{}: could not be read", file.relative(), e.getCause());
            return unopened.apply(refused(WorkbookOpener.unreadable(DAMAGED)));
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + file.relative(), e);
        }
    }

    private <T> T readNow(FoundFile file, Function<WorkbookReader, Parser<T>> parsers, Function<ReadOutcome.Refused, T> unopened) {
        WorkbookReader opened;
        try {
            opened = opener.open(file.path());
        } catch (Exception e) {
            return unopened.apply(refused(file, e));
        }
        try (WorkbookReader workbook = new LimitedWorkbook(opened, limits.maxRows())) {
            Parser<T> parser = parsers.apply(workbook);
            try {
                return parser.parse();
            } catch (Exception e) {
                return parser.refused(refused(file, e));
            }
        } catch (Exception e) {
            return unopened.apply(refused(file, e));
        }
    }

    /** The refusal for a failure to open or read a file; the known ones are logged in one line. */
    private ReadOutcome.Refused refused(FoundFile file, Exception e) {
        if (e instanceof WorkbookOpener.Refusal refusal) {
            log.info("{}: {} ({})", file.relative(), refusal.rule().code(), refusal.getMessage());
            return refused(refusal);
        }
        if (e instanceof LimitExceeded limit) {
            log.info("{}: {}", file.relative(), limit.getMessage());
            return limit.refusal();
        }
        if (e instanceof EncryptedDocumentException) {
            log.info("{}: encrypted content ({})", file.relative(), e.getMessage());
            return refused(new WorkbookOpener.Refusal(Rule.FILE_ENCRYPTED, "文件部分内容已加密，无法读取；请取消密码后重新报送"));
        }
        if (Thread.currentThread().isInterrupted()) {
            // given up after the time limit: the outcome was already decided, this one is not used
            return refused(WorkbookOpener.unreadable(DAMAGED));
        }
        Optional<WorkbookOpener.Refusal> limit = opener.recognised(e);
        if (limit.isPresent()) {
            log.info("{}: {}", file.relative(), limit.get().getMessage());
            return refused(limit.get());
        }
        if (e instanceof DamagedWorkbook damaged) {
            log.info("{}: damaged workbook: {}", file.relative(), damaged.getMessage());
            return Damages.refused(damaged);
        }
        // a damaged package fails anywhere: in the zip, in a sheet's XML, in a record of an .xls
        log.warn("{}: could not be read", file.relative(), e);
        return refused(WorkbookOpener.unreadable(DAMAGED));
    }

    private static ReadOutcome.Refused refused(WorkbookOpener.Refusal refusal) {
        return new ReadOutcome.Refused(refusal.rule(), null, null, null, null, refusal.getMessage());
    }
}
