package io.rectify.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.dao.DataAccessException;
import org.springframework.integration.support.locks.DistributedLock;
import org.springframework.integration.util.UUIDConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * The one-writer lock of the database when it is a server (PostgreSQL): several machines, each
 * with its own data folder and so its own {@link DataLock}, may share one database, and only one
 * of them may write to it at a time. It is Spring Integration's {@link JdbcLockRegistry} on the
 * table {@code int_lock} (migration V12): one row for the key {@value #KEY}, whose client id names
 * the holder (host, process id, command), held with a short time-to-live that a thread of the
 * holder renews while it holds it, so that a holder killed or cut off loses it within the
 * time-to-live. With H2 the database is a file of the data folder, which {@link DataLock} already
 * guards: then this lock does nothing.
 * <p>
 * The registry lets only the thread that locked renew or unlock, so every call to it runs on one
 * thread of this lock's own. Within a process the lock is re-entrant (a command holding it runs a
 * job that asks for it again). Expiry compares the holders' clocks: the machines sharing a database
 * keep their clocks in step (NTP), well within the time-to-live.
 */
@Component
public class ServerLock implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ServerLock.class);

    /** One writer per database: every writing command and job locks this one key. */
    static final String KEY = "rectify-writer";
    /** The client id: host, process id, command; read back to name the holder to the one refused. */
    private static final Pattern HOLDER = Pattern.compile("(\\S+) (\\d+) (.+)");
    private static final int CLIENT_ID_LENGTH = 200;

    private final DataSource dataSource;
    private final Duration ttl;
    private final boolean server;
    private final List<Runnable> onLost = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService thread;
    private Held held;
    private int holders;

    private record Held(DefaultLockRepository repository, DistributedLock lock, ScheduledFuture<?> renewal) {
    }

    ServerLock(DataSource dataSource, JdbcConnectionDetails connection,
               @Value("${rectify.server-lock-ttl:PT30S}") Duration ttl) {
        this.dataSource = dataSource;
        this.ttl = ttl;
        this.server = DatabaseKind.of(connection.getJdbcUrl()) == DatabaseKind.SERVER;
    }

    /** Closes a hold of the lock: the last one unlocks it. */
    public interface Hold extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Locks the database for {@code command} until the hold is closed; with H2, does nothing.
     *
     * @param lost what to do should the lock be lost while held (its renewal failed past the
     *             time-to-live: another process may take it): stop writing
     * @throws DataLock.Busy when another process holds it
     */
    public synchronized Hold acquire(String command, Runnable lost) throws DataLock.Busy {
        if (!server) {
            return () -> { };
        }
        if (holders == 0) {
            held = lock(command);
        }
        holders++;
        onLost.add(lost);
        return () -> release(lost);
    }

    private Held lock(String command) throws DataLock.Busy {
        if (thread == null) {
            thread = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "rectify-server-lock");
                t.setDaemon(true);
                return t;
            });
        }
        String me = clientId(command);
        DefaultLockRepository repository = new DefaultLockRepository(dataSource, me);
        repository.setTransactionManager(new JdbcTransactionManager(dataSource));
        repository.setTimeToLive((int) ttl.toMillis());
        repository.afterPropertiesSet();
        repository.afterSingletonsInstantiated();
        JdbcLockRegistry registry = new JdbcLockRegistry(repository, ttl);
        DistributedLock lock = registry.obtain(KEY);
        if (!onThread(lock::tryLock)) {
            repository.close();
            throw new DataLock.Busy(busyMessage(holder()));
        }
        log.info("Holding the database's writer lock as '{}' (time-to-live {})", me, ttl);
        long[] lastRenewed = {System.nanoTime()};
        long every = ttl.toMillis() / 3;
        ScheduledFuture<?> renewal = thread.scheduleWithFixedDelay(() -> renew(registry, lastRenewed), every, every,
                TimeUnit.MILLISECONDS);
        return new Held(repository, lock, renewal);
    }

    /**
     * On the lock's thread: renews it. A failure to reach the database is tried again until the
     * time-to-live has passed since the last renewal; then, or at once when the row is no longer
     * this holder's, the lock is lost: the running work is told, and renewing ends (by throwing).
     */
    private void renew(JdbcLockRegistry registry, long[] lastRenewed) {
        try {
            registry.renewLock(KEY, ttl);
            lastRenewed[0] = System.nanoTime();
            return;
        } catch (DataAccessException | TransactionException e) {
            if (System.nanoTime() - lastRenewed[0] < ttl.toNanos()) {
                log.warn("Could not renew the database's writer lock (trying again): {}", e.getMessage());
                return;
            }
        } catch (RuntimeException e) {
            log.debug("Renewal refused", e);
        }
        log.error("The database's writer lock was lost (not renewed within {}): stopping the running work", ttl);
        onLost.forEach(Runnable::run);
        throw new IllegalStateException("lock lost");
    }

    private synchronized void release(Runnable lost) {
        onLost.remove(lost);
        if (--holders > 0) {
            return;
        }
        Held last = held;
        held = null;
        last.renewal().cancel(false);
        try {
            onThread(() -> {
                last.lock().unlock();
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("Could not unlock the database's writer lock; it expires within {}: {}", ttl, e.getMessage());
        } finally {
            last.repository().close();
        }
    }

    /**
     * Another process holding the lock, described as the refusal would; empty when none does (always
     * with H2). Only reads: a look that took the lock, however briefly, could refuse a real run.
     */
    public synchronized Optional<String> otherHolder() {
        if (!server || holders > 0) {
            return Optional.empty();
        }
        return holder().map(id -> busyMessage(Optional.of(id)));
    }

    /** Who holds the lock now, as its client id says; empty when nobody (or it expired meanwhile). */
    private Optional<String> holder() {
        // the registry writes its times in UTC, by the writer's clock
        List<String> ids = new JdbcTemplate(dataSource).queryForList(
                "SELECT client_id FROM int_lock WHERE lock_key = ? AND expired_after >= ?",
                String.class, UUIDConverter.getUUID(KEY).toString(), LocalDateTime.now(ZoneOffset.UTC));
        return ids.stream().findFirst().map(String::strip);
    }

    String busyMessage(Optional<String> holder) {
        String who = holder.map(id -> {
            Matcher m = HOLDER.matcher(id);
            return m.matches() ? "主机 " + m.group(1) + " 上的进程 " + m.group(2) + "（" + m.group(3) + "）" : id;
        }).orElse("另一个进程");
        return "另一个 Rectify 进程正在写入同一个数据库（持有者：" + who + "），本次未运行。请等它结束后再运行"
                + "（锁在持有者结束时释放；持有者被终止或断开时，锁在 " + ttl.toSeconds()
                + " 秒内失效，无需手动清除）。";
    }

    private static String clientId(String command) {
        String id = hostName() + " " + ProcessHandle.current().pid() + " " + command;
        return id.length() <= CLIENT_ID_LENGTH ? id : id.substring(0, CLIENT_ID_LENGTH);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private <T> T onThread(Callable<T> call) {
        try {
            return thread.submit(call).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database's writer lock", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public synchronized void destroy() {
        if (thread != null) {
            thread.shutdownNow();
        }
    }
}
