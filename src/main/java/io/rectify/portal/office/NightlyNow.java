package io.rectify.portal.office;

import io.rectify.intake.PeriodFolderScanner;
import io.rectify.ops.Command;
import io.rectify.ops.DataLock;
import io.rectify.ops.RectifyProperties;
import io.rectify.ops.ServerLock;
import io.rectify.rule.Periods;
import io.rectify.schedule.Serve;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The office's 立即汇总: a nightly for the default period (the latest folder in
 * {@code <input>/returns/}, as the command takes it), handed to serve's run thread so that it runs
 * as a scheduled run does: one at a time, holding the data lock, in the background.
 */
@Component
class NightlyNow {

    static final String BUSY = "已有汇总正在运行，请稍后刷新";

    private final Serve serve;
    private final Path returns;
    private final Path data;
    private final ServerLock serverLock;

    NightlyNow(Serve serve, RectifyProperties properties, ServerLock serverLock) {
        this.serve = serve;
        this.returns = properties.returnsFolder();
        this.data = properties.data();
        this.serverLock = serverLock;
    }

    /**
     * What became of the request, in Chinese for the page.
     *
     * @param started whether the run was handed over
     */
    record Outcome(boolean started, boolean refused, String period, String message) {
    }

    /** The period a nightly started now processes; empty when there is no period folder. */
    Optional<YearMonth> period() {
        try {
            return new PeriodFolderScanner(returns).latestPeriod();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    Outcome start() {
        Optional<YearMonth> period = period();
        if (period.isEmpty()) {
            return new Outcome(false, false, null, "报送文件夹 " + returns + " 中还没有任何期次的文件夹（如 2024-03），没有可汇总的期次");
        }
        String text = Periods.text(period.get());
        Optional<String> otherProcess = otherProcess();
        if (otherProcess.isPresent()) {
            return new Outcome(false, true, text, BUSY + "（" + otherProcess.get() + "）");
        }
        return switch (serve.runNow(Command.NIGHTLY, period.get())) {
            case STARTED -> new Outcome(true, false, text, "已开始汇总" + text + "，在后台运行；稍后刷新本页，在下方的执行记录中查看结果");
            case BUSY -> new Outcome(false, true, text, BUSY);
            case NOT_SERVING -> new Outcome(false, false, text, "汇总服务正在停止或未在运行，无法启动汇总");
        };
    }

    /**
     * Another Rectify process (a nightly from cron or a terminal, or on another machine sharing a
     * server database) writing to the data folder or the database: the run would only fail to take
     * the lock, so it is not started. The locks are re-entrant within this process: serve's own runs
     * are told by {@link Serve#runNow}.
     */
    private Optional<String> otherProcess() {
        try (DataLock ignored = DataLock.acquire(data, "portal run-now check")) {
            return serverLock.otherHolder().map(held -> "另一个 Rectify 进程正在写入数据库");
        } catch (DataLock.Busy e) {
            return Optional.of("另一个 Rectify 进程正在使用数据文件夹");
        } catch (IOException e) {
            return Optional.of("数据文件夹的锁文件无法打开：" + e.getMessage());
        }
    }
}
