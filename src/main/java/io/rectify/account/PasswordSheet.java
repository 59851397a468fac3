package io.rectify.account;

import io.rectify.audit.AuditLog;
import io.rectify.workbook.TableSheet;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * 账号.xlsx: the initial passwords the office hands out, one sheet to print on A4. Written once: a
 * file already there may not have been handed out yet, so a later one takes a new name
 * (账号-yyyyMMdd-HHmmss.xlsx) and none is ever overwritten. Readable by its owner only.
 */
public final class PasswordSheet {

    static final String FOLDER = "accounts";
    public static final String FILE_NAME = "账号.xlsx";
    static final List<String> HEADERS = List.of("账号", "初始密码", "角色", "单位或督查组");
    private static final List<Integer> WIDTHS = List.of(16, 18, 10, 30);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(AuditLog.ZONE);
    static final String NOTICE = "下列为初始密码，请逐一交给账号使用人；首次登录须修改密码（至少10位，含字母和数字）。"
            + "分发完毕后请销毁本文件及其打印件。";

    private PasswordSheet() {
    }

    /**
     * Writes the passwords to a new file in {@code <output>/accounts/} (the folder made owner-only
     * when it is new) and returns it.
     */
    static Path write(Path output, List<IssuedPassword> passwords, Instant now) throws IOException {
        Path folder = output.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
            ownerOnly(folder, "rwx------");
        }
        // a temporary file is created owner-only (rw-------) on POSIX file systems, and keeps that mode when moved
        Path temporary = Files.createTempFile(folder, ".writing-", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                write(out, passwords);
                out.flush();
                channel.force(true);
            }
            ownerOnly(temporary, "rw-------");
            String stamp = STAMP.format(now);
            for (int n = 1; ; n++) {
                Path target = folder.resolve(n == 1 ? FILE_NAME : "账号-" + stamp + (n == 2 ? "" : "-" + (n - 1)) + ".xlsx");
                try {
                    // without REPLACE_EXISTING: an existing file is never replaced (the data lock keeps other runs out)
                    return Files.move(temporary, target);
                } catch (FileAlreadyExistsException taken) {
                    // the next name
                }
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Writes the passwords as 账号.xlsx to {@code out} (the office's page sends it as a download,
     * so that no file of passwords is left on the server); {@code out} is left open.
     */
    public static void write(OutputStream out, List<IssuedPassword> passwords) throws IOException {
        try (XSSFWorkbook workbook = workbook(passwords)) {
            workbook.write(out);
        }
    }

    private static XSSFWorkbook workbook(List<IssuedPassword> passwords) {
        XSSFWorkbook workbook = new XSSFWorkbook();
        workbook.getProperties().getCoreProperties().setCreator("Rectify");
        workbook.getProperties().getCoreProperties().setTitle("门户账号初始密码");
        Sheet sheet = workbook.createSheet("账号");
        TableSheet table = new TableSheet(workbook, sheet, 2, HEADERS, WIDTHS);
        TableSheet.printOnA4(sheet, false);
        Row title = sheet.createRow(0);
        title.setHeightInPoints(24);
        title.createCell(0).setCellValue("门户账号初始密码（" + passwords.size() + "个账号）");
        title.getCell(0).setCellStyle(bold(workbook, 14));
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADERS.size() - 1));
        Row note = sheet.createRow(1);
        note.createCell(0).setCellValue(NOTICE);
        CellStyle wrapped = bold(workbook, 11);
        wrapped.setWrapText(true);
        wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        note.getCell(0).setCellStyle(wrapped);
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, HEADERS.size() - 1));
        int width = WIDTHS.stream().mapToInt(Integer::intValue).sum();
        note.setHeightInPoints(TableSheet.lines(NOTICE, width) * TableSheet.LINE_HEIGHT + 3);
        sheet.getHeader().setCenter("门户账号初始密码：分发后销毁");
        CellStyle password = TableSheet.copyOf(workbook, table.textStyle());
        password.setFont(monospace(workbook));
        for (IssuedPassword issued : passwords) {
            Row row = table.append(issued.username(), issued.password(), issued.role().word(), issued.holder());
            row.getCell(1).setCellStyle(password);
        }
        return workbook;
    }

    private static CellStyle bold(XSSFWorkbook workbook, int points) {
        Font font = workbook.createFont();
        font.setBold(true);
        font.setFontHeightInPoints((short) points);
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        return style;
    }

    /** A password is read character by character: every character as wide as the next. */
    private static Font monospace(XSSFWorkbook workbook) {
        Font font = workbook.createFont();
        font.setFontName("Courier New");
        font.setFontHeightInPoints((short) 12);
        font.setBold(true);
        return font;
    }

    private static void ownerOnly(Path path, String mode) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        }
    }
}
