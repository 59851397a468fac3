package io.rectify.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.DosFileAttributeView;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the returns of a period: every workbook (by name, case-insensitive: .xlsx, .xlsm, .xls and
 * their templates .xltx, .xltm, .xlt) anywhere under {@code <input>/returns/<YYYY-MM>/}, and every
 * file in a {@link ForeignFormat} a unit may have sent its return in (.ods, .csv, .et, .xlsb ...),
 * which is read only to be refused with how to save it as .xlsx. Office lock files, hidden files and
 * folders, other file types and symbolic links are listed as skipped. Symbolic links inside the period folder
 * are never followed (a link to the period folder itself is, as the office set it up). Only reads.
 */
public final class PeriodFolderScanner {

    private static final Logger log = LoggerFactory.getLogger(PeriodFolderScanner.class);

    private static final Pattern PERIOD_FOLDER = Pattern.compile("\\d{4}-\\d{2}");
    /** A folder named for a month another way: 2024年4月, 2024-4, 2024.04, 2024_04, 202404. */
    private static final Pattern PERIOD_LIKE = Pattern.compile("(\\d{4})\\s*[年.\\-_/ ]?\\s*(\\d{1,2})\\s*月?");
    /** Templates are read as workbooks: a unit that filled the template file itself sent its return. */
    private static final Set<String> WORKBOOK_EXTENSIONS = Set.of("xlsx", "xlsm", "xltx", "xltm", "xls", "xlt");

    private final Path returnsFolder;
    private final Duration settle;
    private final Duration settleWait;

    /** A scanner that reads every workbook, however recently it changed. */
    public PeriodFolderScanner(Path returnsFolder) {
        this(returnsFolder, Duration.ZERO, Duration.ZERO);
    }

    /**
     * @param returnsFolder {@code <input>/returns}
     * @param settle        a file whose last-modified time is less than this away from now may still be
     *                      being written (saved from an e-mail, copied from a share). A time further in the
     *                      future (a wrong clock) does not count.
     * @param settleWait    how long a scan waits for a period folder to settle (no file in it modified within
     *                      {@code settle}); a workbook still being written after that is skipped, to be read by
     *                      the next run
     */
    public PeriodFolderScanner(Path returnsFolder, Duration settle, Duration settleWait) {
        this.returnsFolder = returnsFolder;
        this.settle = settle;
        this.settleWait = settleWait;
    }

    /** The period folders ({@code YYYY-MM}) under the returns folder, oldest first. */
    public List<YearMonth> periods() throws IOException {
        List<YearMonth> periods = new ArrayList<>();
        for (String name : folderNames()) {
            if (PERIOD_FOLDER.matcher(name).matches()) {
                try {
                    periods.add(YearMonth.parse(name));
                } catch (DateTimeParseException e) {
                    // 2024-13 is not a period: not ours to read
                }
            }
        }
        periods.sort(Comparator.naturalOrder());
        return periods;
    }

    /**
     * A folder under the returns folder named like a period but not {@code YYYY-MM}: it is not read.
     *
     * @param folder its name
     * @param period the period it is probably for, the name to rename it to
     */
    public record MisnamedFolder(String folder, YearMonth period) {

        /** What the office is told, in Chinese. */
        public String advice() {
            return "文件夹“" + folder + "”看似 " + period + " 期的报送文件夹，但名称不是“年-月”（YYYY-MM）格式，其中的文件未读取；"
                    + "如是该期报表，请改名为“" + period + "”";
        }
    }

    /** The folders under the returns folder named like a period but not {@code YYYY-MM}, by name. */
    public List<MisnamedFolder> misnamed() throws IOException {
        List<MisnamedFolder> misnamed = new ArrayList<>();
        for (String name : folderNames()) {
            var like = PERIOD_LIKE.matcher(name.strip());
            int month = like.matches() ? Integer.parseInt(like.group(2)) : 0;
            if (!PERIOD_FOLDER.matcher(name).matches() && month >= 1 && month <= 12) {
                misnamed.add(new MisnamedFolder(name, YearMonth.of(Integer.parseInt(like.group(1)), month)));
            }
        }
        misnamed.sort(Comparator.comparing(MisnamedFolder::folder));
        return misnamed;
    }

    private List<String> folderNames() throws IOException {
        if (!Files.isDirectory(returnsFolder)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(returnsFolder, Files::isDirectory)) {
            folders.forEach(folder -> names.add(folder.getFileName().toString()));
        }
        return names;
    }

    /** The latest period folder: what {@code --period} defaults to. */
    public Optional<YearMonth> latestPeriod() throws IOException {
        List<YearMonth> periods = periods();
        return periods.isEmpty() ? Optional.empty() : Optional.of(periods.get(periods.size() - 1));
    }

    /** The folder a period's returns are in. */
    public Path folder(YearMonth period) {
        return returnsFolder.resolve(period.toString());
    }

    /**
     * Scans a period folder. A missing folder gives an empty scan (every unit is then missing its
     * return); a file standing where the period folder or the folder above it must be is the scan's one
     * skipped entry, with the path {@code ""} of the period folder itself, so that the office learns why
     * nothing was read. Workbooks and skipped files are sorted by relative path.
     */
    public PeriodScan scan(YearMonth period) throws IOException {
        Path folder = folder(period);
        if (!Files.isDirectory(folder)) {
            List<SkippedFile> blocked = List.of(returnsFolder, folder).stream()
                    .filter(path -> Files.exists(path) && !Files.isDirectory(path)).limit(1)
                    .map(path -> new SkippedFile("", "“" + path.getFileName() + "”是一个文件而不是文件夹，本期的文件均未读取；"
                            + "请移走或改名该文件，新建名为“" + path.getFileName() + "”的文件夹并放入文件"))
                    .toList();
            return new PeriodScan(period, List.of(), blocked);
        }
        awaitSettled(folder.toRealPath());
        Visitor visitor = new Visitor(folder.toRealPath(), settle);
        Files.walkFileTree(visitor.root, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, visitor);
        visitor.workbooks.sort(Comparator.comparing(FoundFile::relative));
        visitor.skipped.sort(Comparator.comparing(SkippedFile::relative));
        return new PeriodScan(period, List.copyOf(visitor.workbooks), List.copyOf(visitor.skipped));
    }

    /**
     * Waits, up to the settle wait, until no file under {@code folder} was modified within the
     * settle time: returns copied in just before a run are read, not skipped.
     */
    private void awaitSettled(Path folder) throws IOException {
        long deadline = System.nanoTime() + settleWait.toNanos();
        boolean waited = false;
        for (Duration unsettled = unsettled(folder); !unsettled.isZero(); unsettled = unsettled(folder)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                log.warn("{}: files were still being modified after waiting {} s; those modified less than {} s ago "
                        + "are left for the next run", folder, settleWait.toSeconds(), settle.toSeconds());
                return;
            }
            if (!waited) {
                log.info("{}: a file was modified less than {} s ago; waiting up to {} s for the folder to settle",
                        folder, settle.toSeconds(), settleWait.toSeconds());
                waited = true;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(unsettled.toMillis(), left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (waited) {
            log.info("{}: settled, reading it", folder);
        }
    }

    /** How long until the most recently modified file under the folder has settled; zero when all have. */
    private Duration unsettled(Path folder) throws IOException {
        if (settle.isZero()) {
            return Duration.ZERO;
        }
        Instant now = Instant.now();
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(file -> {
                try {
                    Duration age = Duration.between(Files.getLastModifiedTime(file).toInstant(), now);
                    return age.abs().compareTo(settle) < 0 ? settle.minus(age.abs()) : Duration.ZERO;
                } catch (IOException e) {
                    return Duration.ZERO; // vanished meanwhile: the scan says so
                }
            }).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
        }
    }

    private static final class Visitor extends SimpleFileVisitor<Path> {

        private final Path root;
        private final Duration settle;
        private final List<FoundFile> workbooks = new ArrayList<>();
        private final List<SkippedFile> skipped = new ArrayList<>();

        Visitor(Path root, Duration settle) {
            this.root = root;
            this.settle = settle;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (!dir.equals(root) && hidden(dir)) {
                skip(dir, "隐藏文件夹，其中的文件未读取；报表请勿放在隐藏文件夹中");
                return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String name = file.getFileName().toString();
            if (attrs.isSymbolicLink()) {
                skip(file, "快捷方式（符号链接），未读取；请把报表文件本身放入期次文件夹");
            } else if (!attrs.isRegularFile()) {
                skip(file, "不是普通文件，未读取");
            } else if (name.startsWith("~$")) {
                skip(file, "Office 临时锁定文件（打开工作簿时自动生成），未读取");
            } else if (hidden(file)) {
                skip(file, "隐藏文件，未读取；如为报表，请取消隐藏后重新报送");
            } else if (!returnFile(name)) {
                skip(file, otherType(name));
            } else if (settling(attrs)) {
                log.info("{}: modified less than {} s ago, left for the next run", relative(file), settle.toSeconds());
                skip(file, "文件在 " + settle.toSeconds() + " 秒内刚被修改，可能仍在保存或复制中，本次未读取，"
                        + "下次汇总时将自动读取；如文件已保存完毕，无需处理");
            } else {
                found(file, attrs);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
            skip(file, "无法访问（权限不足或已被删除），未读取；请联系整改办");
            return FileVisitResult.CONTINUE;
        }

        private boolean settling(BasicFileAttributes attrs) {
            Duration age = Duration.between(attrs.lastModifiedTime().toInstant(), Instant.now());
            return age.abs().compareTo(settle) < 0;
        }

        private void found(Path file, BasicFileAttributes attrs) {
            // a file whose content cannot be read cannot be hashed: it is listed, not lost
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                workbooks.add(new FoundFile(file, relative(file), attrs.size(), Sha256.of(in),
                        attrs.lastModifiedTime().toInstant()));
            } catch (IOException e) {
                skip(file, "无法读取文件内容（权限不足或文件被占用），未处理；请联系整改办");
            }
        }

        private void skip(Path path, String reason) {
            skipped.add(new SkippedFile(relative(path), reason));
        }

        private String relative(Path path) {
            List<String> parts = new ArrayList<>();
            root.relativize(path).forEach(part -> parts.add(part.toString()));
            return String.join("/", parts);
        }
    }

    static boolean returnFile(String name) {
        String extension = ForeignFormat.extension(name);
        return WORKBOOK_EXTENSIONS.contains(extension) || ForeignFormat.isForeign(extension);
    }

    private static String otherType(String name) {
        String extension = ForeignFormat.extension(name);
        return (extension.isEmpty() ? "不是 Excel 工作簿（无扩展名），未读取" : "不是 Excel 工作簿（." + extension + " 文件），未读取")
                + "；如该文件是报送表，请另存为 .xlsx 格式后重新报送";
    }

    /** Dot files everywhere, and files with the hidden attribute where the file system keeps one. */
    private static boolean hidden(Path path) {
        if (path.getFileName().toString().startsWith(".")) {
            return true;
        }
        DosFileAttributeView dos = Files.getFileAttributeView(path, DosFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (dos == null) {
            return false;
        }
        try {
            return dos.readAttributes().isHidden();
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
