package io.rectify.schedule;

import io.rectify.ops.Command;
import io.rectify.ops.CommandLine;
import io.rectify.run.Plan;
import io.rectify.run.RunningJobs;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The serve command: runs the schedules of jobs/ until the process is told to stop. At start it
 * catches up a missed slot ({@link CatchUp}); then each enabled schedule fires at its cron times.
 * Runs happen one at a time on one scheduler thread, so two schedules firing together run one
 * after the other, never both on the database at once. jobs/ is read again every minute
 * ({@code rectify.jobs-reload}): an edited file takes effect without a restart; a file with a problem is logged and its previous
 * schedule kept. On SIGTERM or Ctrl-C (the context closing) no new run starts, and a running one
 * ends after its current chunk as STOPPED, to be continued by restart or by the next start-up.
 */
@Component
public class Serve implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Serve.class);

    private final CatchUp catchUp;
    private final SlotRunner runner;
    private final RunningJobs running;
    private final Duration shutdownWait;
    private final Duration reload;
    private final boolean portal;
    private volatile Session session;

    Serve(CatchUp catchUp, SlotRunner runner, RunningJobs running,
          @Value("${rectify.shutdown-wait}") Duration shutdownWait, @Value("${rectify.jobs-reload}") Duration reload,
          ApplicationContext context) {
        this.portal = context instanceof WebServerApplicationContext;
        this.catchUp = catchUp;
        this.runner = runner;
        this.running = running;
        this.shutdownWait = shutdownWait;
        this.reload = reload;
    }

    /**
     * Serves until {@link #shutdown()}; returns the exit status (1 when jobs/ has a mistake, or has
     * nothing to run and the portal is off). With the portal on, serve keeps serving it with no
     * schedule; a schedule added to jobs/ later is followed as any edit is.
     */
    public int run(CommandLine serve) {
        ScheduleFiles.Loaded loaded = ScheduleFiles.read(serve.jobs());
        if (!loaded.problems().isEmpty()) {
            loaded.problems().forEach(p -> System.err.println("rectify: " + p));
            System.err.println("rectify: fix the schedule files above, then start serve again");
            return CommandLine.EXIT_FAILED;
        }
        if (loaded.enabled().isEmpty() && portal) {
            log.info("No enabled schedule in {}: no job runs on a schedule; serving the portal", serve.jobs());
        } else if (loaded.enabled().isEmpty()) {
            System.err.println("rectify: no enabled schedule in " + serve.jobs() + " (a file such as nightly.properties "
                    + "with a cron line; see the README): nothing to serve");
            return CommandLine.EXIT_FAILED;
        }
        Session current = new Session(serve);
        session = current;
        current.start(loaded.schedules(), Instant.now());
        current.await();
        return CommandLine.EXIT_OK;
    }

    /** What became of a request to run a job now ({@link #runNow}). */
    public enum RunNow {
        /** Handed to serve's run thread: it runs in the background. */
        STARTED,
        /** A run is going or waiting on serve's run thread; nothing was started. */
        BUSY,
        /** This process is not serving (or is stopping); nothing was started. */
        NOT_SERVING
    }

    /**
     * Runs {@code command} for {@code period} now, as a schedule's run goes: on serve's one run
     * thread, holding the data lock, so it never overlaps another run of this process. Refused while
     * a run is going or waiting, so that a second click does not queue a second run.
     */
    public RunNow runNow(Command command, YearMonth period) {
        Session current = session;
        return current == null ? RunNow.NOT_SERVING : current.runNow(command, period);
    }

    /** The schedules serve follows now, as status shows them; none when not serving. */
    public List<Plan> plans(Instant now) {
        Session current = session;
        return current == null ? List.of() : current.plans(now);
    }

    /** Stops serving: no new run starts and a running one is stopped after its current chunk. */
    public void shutdown() {
        Session current = session;
        if (current != null) {
            current.stop();
            session = null;
        }
    }

    @Override
    public void start() {
        // serving starts from the command line, not with the context
    }

    @Override
    public void stop() {
        shutdown();
    }

    @Override
    public boolean isRunning() {
        return session != null;
    }

    /** Stops before {@link RunningJobs}: first no new run, then the running one. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    /** One serve run: its scheduler thread and the slot each schedule waits for. */
    private final class Session {

        private final CommandLine serve;
        private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        private final Map<String, JobSchedule> schedules = new HashMap<>();
        private final Map<String, ScheduledFuture<?>> waiting = new HashMap<>();
        private final CountDownLatch stopped = new CountDownLatch(1);
        /** Runs going or waiting on the run thread (catch-up, a slot, a run now). */
        private final AtomicInteger runs = new AtomicInteger();
        private List<String> lastProblems = List.of();
        private volatile boolean stopping;

        Session(CommandLine serve) {
            this.serve = serve;
            scheduler.setPoolSize(1);
            scheduler.setThreadNamePrefix("rectify-serve-");
            scheduler.setRemoveOnCancelPolicy(true);
            scheduler.initialize();
        }

        void start(List<JobSchedule> all, Instant now) {
            List<JobSchedule> enabled = all.stream().filter(JobSchedule::enabled).toList();
            log.info("Serving {} schedule(s) of {}; logs in the data folder's logs/", enabled.size(), serve.jobs());
            runs.incrementAndGet();
            scheduler.execute(() -> counted(() -> catchUp.run(enabled, now, serve)));
            synchronized (this) {
                all.forEach(s -> schedules.put(s.name(), s));
                enabled.forEach(s -> waitForNext(s, now));
            }
            scheduler.scheduleWithFixedDelay(this::reload, now.plus(reload), reload);
        }

        private synchronized void waitForNext(JobSchedule schedule, Instant after) {
            ZonedDateTime next = schedule.next(after);
            if (next == null) {
                log.warn("Schedule {}: cron '{}' never fires again", schedule.name(), schedule.cron());
                return;
            }
            log.info("Schedule {}: next run of {} at {}", schedule.name(), schedule.command().word(), next);
            waiting.put(schedule.name(), scheduler.schedule(() -> fire(schedule, next), next.toInstant()));
        }

        private void fire(JobSchedule schedule, ZonedDateTime slot) {
            if (stopping) {
                return;
            }
            try {
                runs.incrementAndGet();
                counted(() -> runner.run(schedule, slot, serve));
            } finally {
                synchronized (this) {
                    if (!stopping && schedules.get(schedule.name()) == schedule) {
                        Instant now = Instant.now();
                        ZonedDateTime missed = schedule.next(slot.toInstant());
                        if (missed != null && missed.toInstant().isBefore(now)) {
                            log.warn("Schedule {}: the run took past the slot {}; it is skipped, the next one is served",
                                    schedule.name(), missed);
                        }
                        waitForNext(schedule, now);
                    }
                }
            }
        }

        synchronized List<Plan> plans(Instant now) {
            return schedules.values().stream().sorted(Comparator.comparing(JobSchedule::name)).map(s -> s.plan(now)).toList();
        }

        RunNow runNow(Command command, YearMonth period) {
            if (stopping) {
                return RunNow.NOT_SERVING;
            }
            if (!runs.compareAndSet(0, 1)) {
                return RunNow.BUSY;
            }
            CommandLine commandLine = CommandLine.parse(command.word(), "--input=" + serve.input(),
                    "--output=" + serve.output(), "--data=" + serve.data(), "--period=" + period);
            scheduler.execute(() -> counted(() -> runner.runNow(commandLine)));
            return RunNow.STARTED;
        }

        /** Runs {@code run}, already counted in {@link #runs}, and counts it off when it ends. */
        private void counted(Runnable run) {
            try {
                run.run();
            } finally {
                runs.decrementAndGet();
            }
        }

        /** Reads jobs/ again and follows what changed. */
        private void reload() {
            if (stopping) {
                return;
            }
            ScheduleFiles.Loaded loaded = ScheduleFiles.read(serve.jobs());
            if (!loaded.problems().equals(lastProblems)) {
                loaded.problems().forEach(p -> log.error("{} (the schedule in force before the edit is kept)", p));
                lastProblems = loaded.problems();
            }
            Instant now = Instant.now();
            synchronized (this) {
                Map<String, JobSchedule> read = new HashMap<>();
                loaded.schedules().forEach(s -> read.put(s.name(), s));
                for (String name : List.copyOf(schedules.keySet())) {
                    if (!loaded.names().contains(name)) {
                        log.info("Schedule {}: its file was removed; it no longer runs", name);
                        forget(name);
                    }
                }
                for (JobSchedule schedule : read.values()) {
                    if (Objects.equals(schedules.get(schedule.name()), schedule)) {
                        continue;
                    }
                    log.info("Schedule {}: {} {}; following it", schedule.name(), schedule.file(),
                            schedules.containsKey(schedule.name()) ? "changed" : "added");
                    forget(schedule.name());
                    schedules.put(schedule.name(), schedule);
                    if (schedule.enabled()) {
                        waitForNext(schedule, now);
                    }
                }
            }
        }

        private void forget(String name) {
            schedules.remove(name);
            ScheduledFuture<?> future = waiting.remove(name);
            if (future != null) {
                future.cancel(false);
            }
        }

        void await() {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void stop() {
            log.info("Serve is stopping: no new run starts; a running job ends after its current chunk");
            stopping = true;
            synchronized (this) {
                List.copyOf(waiting.keySet()).forEach(this::forget);
            }
            running.stopAll(shutdownWait);
            scheduler.shutdown();
            stopped.countDown();
        }
    }
}
