package io.rectify.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
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
 * the accounts made by the {@code accounts} command), then one client per unit, all at once, each
 * posting its unit's typical sample return to {@code POST /api/check} with HTTP Basic as its unit,
 * round after round, every round started together. Each unit's return is its March return of the
 * sample (else its February one); which unit a file belongs to is asked of the portal itself, as
 * the office, before the measured rounds (which also warms it up).
 */
final class PortalCheck {

    /** What the measured rounds gave; latencies in milliseconds, from sending the request to reading the whole answer. */
    record Result(int clients, int rounds, List<Long> latencies, long wallMillis, int failures, List<Long> authOnly,
                  String loadBefore, String loadAfter) {

        long percentile(int p) {
            return percentile(latencies, p);
        }

        static long percentile(List<Long> values, int p) {
            List<Long> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }
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
        Path input = project.resolve("input");
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
            String loadBefore = BenchHarness.load();
            List<Long> authOnly = rounds(units, 1, unit -> post(unit, passwords.get(unit), null));
            AtomicInteger failures = new AtomicInteger();
            long start = System.nanoTime();
            List<Long> latencies = rounds(units, rounds, unit -> {
                Answer answer = post(unit, passwords.get(unit), returns.get(unit));
                if (answer.status() != 200 || !answer.body().contains("\"unit\":\"" + unit + "\"")) {
                    failures.incrementAndGet();
                }
                return answer;
            });
            long wall = (System.nanoTime() - start) / 1_000_000;
            return new Result(units.size(), rounds, latencies, wall, failures.get(), authOnly, loadBefore, BenchHarness.load());
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

    /** Every unit's request sent at once, {@code rounds} times, each round started together; the latencies. */
    private static List<Long> rounds(List<String> units, int rounds, Request request) throws Exception {
        CyclicBarrier together = new CyclicBarrier(units.size());
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Exception> failed = Collections.synchronizedList(new ArrayList<>());
        List<Thread> clients = new ArrayList<>();
        for (String unit : units) {
            Thread client = new Thread(() -> {
                try {
                    for (int r = 0; r < rounds; r++) {
                        together.await();
                        latencies.add(request.send(unit).millis());
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
        return latencies;
    }

    /** POST /api/check as {@code user}, with {@code file} in field file (none: an empty form). */
    private Answer post(String user, String password, Path file) throws IOException, InterruptedException {
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
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/check"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body(), (System.nanoTime() - start) / 1_000_000);
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

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
