package io.rectify.portal.unit;

import io.rectify.ops.RectifyProperties;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Puts an accepted upload where the nightly reads returns: {@code <input>/returns/<period>/} as
 * {@code <单位代码>-<yyyyMMdd-HHmmss-SSS>.<ext>} (Asia/Shanghai), the name generated, never the one it
 * was sent with. The bytes go to a dot-named file in that folder (the scanner skips it) which then
 * takes the name by a hard link, which fails rather than replace a file: two uploads of a unit in
 * the same millisecond get {@code -2}, {@code -3}… Nothing ever overwrites a return.
 */
@Component
class StoredReturns {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Path returns;
    private final Clock clock;

    @Autowired
    StoredReturns(RectifyProperties properties) {
        this(properties.returnsFolder(), Clock.system(ZONE));
    }

    StoredReturns(Path returns, Clock clock) {
        this.returns = returns;
        this.clock = clock;
    }

    /** Stores {@code file} as the unit's return for {@code period}; the stored path relative to {@code <input>/returns}, '/' separated. */
    String store(Path file, String unitCode, YearMonth period, ReturnFormat format) throws IOException {
        Path folder = returns.resolve(period.toString());
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, ".upload-", ".tmp");
        try {
            Files.copy(file, temporary, StandardCopyOption.REPLACE_EXISTING);
            readableByAll(temporary);
            String stem = safe(unitCode) + "-" + ZonedDateTime.now(clock).format(STAMP);
            for (int n = 1; ; n++) {
                Path target = folder.resolve(stem + (n == 1 ? "" : "-" + n) + "." + format.extension());
                try {
                    Files.createLink(target, temporary);
                    return period + "/" + target.getFileName();
                } catch (FileAlreadyExistsException taken) {
                    // another upload of the unit in the same millisecond: the next number
                }
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Files.createTempFile makes it readable by its owner only; a return in input/ is read by whoever runs the nightly. */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's permissions apply
        }
    }

    /** A unit code of the ledger as a file name part: anything but letters, digits, '-' and '_' becomes '_'. */
    private static String safe(String unitCode) {
        return unitCode.replaceAll("[^\\p{L}\\p{N}_-]", "_");
    }
}
