package io.rectify.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The portal's check under load, as the office will run it: {@code serve} from the application jar
 * with the portal on a free loopback port and a data folder of its own (the sample ledger imported,
 * the accounts made by the {@code accounts} command), then one client per unit, all at once, round
 * after round, every round started together, each sending its unit's typical sample return: first as
 * the unit's pages do (signed in beforehand with a session and its password changed, then
 * {@code POST /unit/uploads} with the page's CSRF token, timed to its receipt page read), then to
 * {@code POST /api/check} with HTTP Basic as its unit (its first round apart: the password verified). Each unit's return is its March return of the
 * sample (else its February one); which unit a file belongs to is asked of the portal itself, as
 * the office, before the measured rounds (which also warms it up).
 */
final class PortalCheck {

    /** Latencies in milliseconds of requests sent all at once, from sending one to reading its whole answer. */
    record Rounds(int rounds, List<Long> latencies, long wallMillis, int failures) {

        long percentile(int p) {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }

        double perSecond() {
            return latencies.size() * 1000.0 / wallMillis;
        }
    }

    /**
     * What the measured rounds gave: the units' pages (signed in with a session, each upload timed to its
     * receipt page), the API's first round (each unit's first call verifies its password with bcrypt) and
     * its later rounds (the verification remembered).
     */
    record Result(int clients, Rounds pages, Rounds apiFirst, Rounds apiLater, String loadBefore, String loadAfter) {
    }

    private static final Pattern UNIT = Pattern.compile("\"unit\"\\s*:\\s*\"([^\"]+)\"");
    private static final String BOUNDARY = "rectify-bench-boundary";

    private final Path project;
    private final Path jar;
    private final Path work;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private URI base;

    PortalCheck(Path project, Path jar, Path work) {
        this.project = project;
        this.jar = jar;
        this.work = work;
    }

    Result run(int rounds) throws Exception {
        Path input = copy(project.resolve("input"), work.resolve("input"));
        List<String> folders = List.of("--input=" + input, "--output=" + work.resolve("output"), "--data=" + work.resolve("data"));
        Files.createDirectories(work.resolve("jobs"));
        Processes.java(work, List.of(), concat(List.of("-jar", jar.toString(), "import-ledger"), folders));
        Processes.java(work, List.of(), concat(List.of("-jar", jar.toString(), "accounts"), folders));
        Map<String, String> passwords = passwords(work.resolve("output/accounts/账号.xlsx"));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        base = URI.create("http://127.0.0.1:" + port);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Drectify.web.address=127.0.0.1", "-Drectify.web.port=" + port, "-jar", jar.toString(), "serve",
                "--jobs=" + work.resolve("jobs")));
        command.addAll(folders);
        Process serve = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("serve.out").toFile()).start();
        try {
            awaitPortal(serve);
            Map<String, Path> returns = unitReturns(input, passwords.get("office"));
            List<String> units = returns.keySet().stream().filter(passwords::containsKey).toList();
            Map<String, PageClient> signedIn = new TreeMap<>();
            for (String unit : units) {
                PageClient page = new PageClient(unit, passwords.get(unit));
                signedIn.put(unit, page);
                passwords.put(unit, page.password);
            }
            String loadBefore = BenchHarness.load();
            Rounds pages = rounds(units, rounds, unit -> signedIn.get(unit).upload(returns.get(unit)),
                    answer -> answer.status() == 200 && answer.body().contains("回执"));
            Rounds apiFirst = rounds(units, 1, unit -> post(unit, passwords.get(unit), returns.get(unit)), PortalCheck::checked);
            Rounds apiLater = rounds(units, rounds, unit -> post(unit, passwords.get(unit), returns.get(unit)), PortalCheck::checked);
            return new Result(units.size(), pages, apiFirst, apiLater, loadBefore, BenchHarness.load());
        } finally {
            serve.destroy();
            if (!serve.waitFor(2, TimeUnit.MINUTES)) {
                serve.destroyForcibly();
            }
        }
    }

    /** One answer of the portal. */
    private record Answer(int status, String body, long millis) {
    }

    private interface Request {
        Answer send(String unit) throws Exception;
    }

    private static boolean checked(Answer answer) {
        return answer.status() == 200 && answer.body().contains("\"accepted\"");
    }

    /** Every unit's request sent at once, {@code rounds} times, each round started together; the latencies. */
    private static Rounds rounds(List<String> units, int rounds, Request request, Predicate<Answer> answered) throws Exception {
        CyclicBarrier together = new CyclicBarrier(units.size());
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        List<Exception> failed = Collections.synchronizedList(new ArrayList<>());
        List<Thread> clients = new ArrayList<>();
        long start = System.nanoTime();
        for (String unit : units) {
            Thread client = new Thread(() -> {
                try {
                    for (int r = 0; r < rounds; r++) {
                        together.await();
                        Answer answer = request.send(unit);
                        latencies.add(answer.millis());
                        if (!answered.test(answer)) {
                            failures.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    failed.add(e);
                    together.reset();
                }
            }, "client " + unit);
            clients.add(client);
            client.start();
        }
        for (Thread client : clients) {
            client.join();
        }
        if (!failed.isEmpty()) {
            throw failed.get(0);
        }
        return new Rounds(rounds, latencies, (System.nanoTime() - start) / 1_000_000, failures.get());
    }

    /**
     * A unit as a browser serves it: its own session cookie, signed in through /login with the CSRF
     * token of the page, its initial password changed as the portal asks at a first login.
     */
    private final class PageClient {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

        private final HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final String unit;
        /** Its password once changed, which the API then takes too. */
        private final String password;
        private String csrf;

        PageClient(String unit, String initial) throws Exception {
            this.unit = unit;
            String changed = "Bench2024x" + unit.hashCode();
            password = changed;
            csrf = token(get("/login"));
            form("/login", "username", unit, "password", initial);
            csrf = token(get("/password"));
            HttpResponse<String> done = form("/password", "current", initial, "next", changed, "repeat", changed);
            if (done.statusCode() != 302) {
                throw new IllegalStateException(unit + " could not change its password: " + done.statusCode());
            }
            csrf = token(get("/unit"));
        }

        /** POST /unit/uploads with the page's CSRF token, then the receipt page it redirects to: one upload as the unit sees it. */
        Answer upload(Path file) throws IOException, InterruptedException {
            byte[] body = multipart(unit, file);
            long start = System.nanoTime();
            HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(base.resolve("/unit/uploads"))
                    .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).header("X-CSRF-TOKEN", csrf)
                    .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String receipt = posted.headers().firstValue("Location").orElse(null);
            if (posted.statusCode() != 302 || receipt == null) {
                return new Answer(posted.statusCode(), posted.body(), (System.nanoTime() - start) / 1_000_000);
            }
            HttpResponse<String> page = get(receipt);
            return new Answer(page.statusCode(), page.body(), (System.nanoTime() - start) / 1_000_000);
        }

        private HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return browser.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        private HttpResponse<String> form(String path, String... fields) throws IOException, InterruptedException {
            StringBuilder body = new StringBuilder("_csrf=").append(URLEncoder.encode(csrf, StandardCharsets.UTF_8));
            for (int i = 0; i < fields.length; i += 2) {
                body.append('&').append(fields[i]).append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
            }
            return browser.send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofMinutes(2))
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        private String token(HttpResponse<String> page) {
            Matcher token = CSRF.matcher(page.body());
            if (!token.find()) {
                throw new IllegalStateException(unit + ": no CSRF token on " + page.uri() + " (" + page.statusCode() + ")");
            }
            return token.group(1);
        }
    }

    /** POST /api/check as {@code user}, with {@code file} in field file (none: an empty form). */
    private Answer post(String user, String password, Path file) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/check"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(user, file))).build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body(), (System.nanoTime() - start) / 1_000_000);
    }

    /** A multipart form with {@code file} in field file, sent as {@code <user>.<ext>}; none: a form without it. */
    private static byte[] multipart(String user, Path file) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (file != null) {
            String name = file.getFileName().toString();
            String extension = name.substring(name.lastIndexOf('.'));
            body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + user + extension
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(Files.readAllBytes(file));
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        } else {
            body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nnone\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** Waits until the portal answers its login page. */
    private void awaitPortal(Process serve) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!serve.isAlive()) {
                throw new IllegalStateException("serve ended with " + serve.exitValue() + ":\n"
                        + Files.readString(work.resolve("serve.out")));
            }
            try {
                HttpResponse<Void> login = http.send(HttpRequest.newBuilder(base.resolve("/login")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (login.statusCode() == 200) {
                    return;
                }
            } catch (ConnectException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the portal did not answer within 3 minutes:\n" + Files.readString(work.resolve("serve.out")));
    }

    /**
     * Each unit's typical return: its March file of the sample, else its February one; the unit of a file as the
     * portal tells it, asked as the office.
     */
    private Map<String, Path> unitReturns(Path input, String officePassword) throws Exception {
        Map<String, Path> byUnit = new TreeMap<>();
        for (String period : List.of("2024-03", "2024-02")) {
            for (Path file : workbooks(input.resolve("returns").resolve(period))) {
                Answer answer = post("office", officePassword, file);
                Matcher unit = UNIT.matcher(answer.body());
                if (answer.status() == 200 && unit.find()) {
                    byUnit.putIfAbsent(unit.group(1), file);
                }
            }
        }
        return byUnit;
    }

    private static List<Path> workbooks(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("~$")
                    && !f.getFileName().toString().startsWith(".") && !f.toString().contains("/备份/")).sorted().toList();
        }
    }

    /** 账号 → 初始密码 of the accounts workbook the accounts command wrote. */
    private static Map<String, String> passwords(Path workbook) throws IOException {
        Map<String, String> passwords = new LinkedHashMap<>();
        DataFormatter text = new DataFormatter();
        try (Workbook book = WorkbookFactory.create(workbook.toFile(), null, true)) {
            Sheet sheet = book.getSheetAt(0);
            int user = -1;
            int password = -1;
            for (Row row : sheet) {
                if (user < 0) {
                    for (int i = 0; i < row.getLastCellNum(); i++) {
                        String header = text.formatCellValue(row.getCell(i)).strip();
                        user = header.equals("账号") ? i : user;
                        password = header.equals("初始密码") ? i : password;
                    }
                    continue;
                }
                String name = text.formatCellValue(row.getCell(user)).strip();
                if (!name.isEmpty()) {
                    passwords.put(name, text.formatCellValue(row.getCell(password)).strip());
                }
            }
        }
        return passwords;
    }

    /** A copy of the sample's input: the units' page uploads store their accepted returns in it. */
    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
        return to;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
