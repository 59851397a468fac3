package io.rectify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds a unit's receipt in a period's 回执/ folder by the unit code its name starts with. */
public final class ReceiptFiles {

    private ReceiptFiles() {
    }

    /** The receipt {@code <单位代码>-<单位名称>-<YYYY-MM>-回执.xlsx} of the unit under {@code periodFolder/回执}. */
    public static Path receipt(Path periodFolder, String unitCode) {
        return only(periodFolder, unitCode, "-回执.xlsx");
    }

    /** The path of the receipt relative to {@code root}, '/' separated. */
    public static String receipt(Path root, String period, String unitCode) {
        return root.relativize(receipt(root.resolve(period), unitCode)).toString().replace('\\', '/');
    }

    static Path only(Path periodFolder, String unitCode, String suffix) {
        try (Stream<Path> files = Files.list(periodFolder.resolve("回执"))) {
            List<Path> found = files.filter(f -> f.getFileName().toString().startsWith(unitCode + "-")
                    && f.getFileName().toString().endsWith(suffix)).toList();
            if (found.size() != 1) {
                throw new AssertionError("expected one " + suffix + " of " + unitCode + " in " + periodFolder + ", found " + found);
            }
            return found.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
