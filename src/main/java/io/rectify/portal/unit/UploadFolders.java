package io.rectify.portal.unit;

import io.rectify.check.CheckOutputs;
import io.rectify.check.CheckReport;
import io.rectify.check.CheckedFiles;
import io.rectify.ops.RectifyProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The folder of each upload, {@code <data>/uploads/<id>/}: the file as it was checked and its check
 * report ({@value #REPORT}), kept so that the receipt and the marked copy need not be written before
 * the unit gets its answer: each is written there when first downloaded, once, however many download
 * it at the same moment (docs/PORTAL.md). Uploads recorded before this kept their written files.
 */
@Component
class UploadFolders {

    private static final String REPORT = "report.json";
    private static final String CHECKED = "checked";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path root;
    private final CheckOutputs outputs;
    /** One lock per upload being written; removed once written, so it holds only downloads in progress. */
    private final ConcurrentHashMap<Long, Object> writing = new ConcurrentHashMap<>();

    UploadFolders(CheckOutputs outputs, RectifyProperties properties) {
        this.outputs = outputs;
        this.root = properties.data().resolve("uploads");
    }

    Path root() {
        return root;
    }

    /**
     * Moves the checked file into {@code staging} (a new folder, moved to its id by {@link #publish})
     * beside its report, and names the receipt and marked copy that will be written there.
     */
    CheckedFiles keep(Path checked, CheckReport report, Path staging) throws IOException {
        Files.createDirectories(staging);
        Optional<String> format = format(checked);
        Files.move(checked, staging.resolve(CHECKED + format.map(e -> "." + e).orElse("")));
        JSON.writeValue(staging.resolve(REPORT).toFile(), report);
        return outputs.names(report, format, staging);
    }

    void publish(Path staging, long id) throws IOException {
        Files.move(staging, folder(id));
    }

    /** The upload's file {@code name} (its receipt or marked copy), written now when it was not yet; empty when there is none. */
    Optional<Path> file(long id, String name) throws IOException {
        Path folder = folder(id);
        Path file = folder.resolve(name);
        if (Files.isRegularFile(file) || !Files.isRegularFile(folder.resolve(REPORT))) {
            return Optional.of(file).filter(Files::isRegularFile);
        }
        Object lock = writing.computeIfAbsent(id, key -> new Object());
        synchronized (lock) {
            try {
                if (!Files.isRegularFile(file)) {
                    outputs.write(JSON.readValue(folder.resolve(REPORT).toFile(), CheckReport.class), checked(folder), folder);
                }
            } finally {
                writing.remove(id, lock);
            }
        }
        return Optional.of(file).filter(Files::isRegularFile);
    }

    private Path folder(long id) {
        return root.resolve(Long.toString(id));
    }

    private static Path checked(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches(CHECKED + "(\\.\\w+)?")).findFirst()
                    .orElseThrow(() -> new IOException("the checked file of " + folder + " is missing"));
        }
    }

    /** The file's format by its content; empty when it is no workbook (nothing can be marked in it). */
    private static Optional<String> format(Path file) {
        try {
            return Optional.of(ReturnFormat.of(file).extension());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
