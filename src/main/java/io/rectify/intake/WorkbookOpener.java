package io.rectify.intake;

import io.rectify.rule.Rule;
import io.rectify.workbook.DamagedWorkbook;
import io.rectify.workbook.PoiWorkbookReader;
import io.rectify.workbook.StreamingXlsxReader;
import io.rectify.workbook.WorkbookReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.OldFileFormatException;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.xml.sax.SAXParseException;

/**
 * Opens a return by what its content is, not by its name: a zip package is read as .xlsx (or
 * .xlsm, .xltx, .xltm: macros are never run) with the streaming reader, an OLE2 compound file as
 * .xls through HSSF (a .xls renamed .xlsx is read, as the unit expects), an .xlsx encrypted with
 * Excel's default password (which Excel opens without asking) once decrypted. A {@link ForeignFormat}
 * is refused by its name, everything else that is no workbook with a message that says what the
 * file is and what the unit should send instead. Only ever reads the file.
 */
final class WorkbookOpener {

    static final String SAVE_AS_XLSX = "请用 Excel 或 WPS 打开后另存为 .xlsx 格式再报送";
    private static final String ENCRYPTED = "文件设置了打开密码，无法读取；请在 Excel 或 WPS 中取消打开密码后重新报送";
    private static final String DAMAGED = "文件已损坏或不完整（可能上传中断），无法读取；请确认文件能用 Excel 正常打开后重新报送";
    private static final int TEXT_SNIFF_BYTES = 4096;

    /** A file that is not a workbook this system can read; the message is for the unit. */
    static final class Refusal extends Exception {

        private final Rule rule;

        Refusal(Rule rule, String message) {
            super(message, null, false, false);
            this.rule = rule;
        }

        Rule rule() {
            return rule;
        }
    }

    private final ReadLimits limits;

    WorkbookOpener(ReadLimits limits) {
        this.limits = limits;
    }

    WorkbookReader open(Path file) throws Refusal, IOException {
        if (Files.size(file) == 0) {
            throw unreadable("文件为空（0 字节），可能上传未完成；请重新报送");
        }
        Optional<ForeignFormat> foreign = ForeignFormat.of(file);
        if (foreign.isPresent()) {
            throw unreadable(foreign.get().message());
        }
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        }
        return switch (magic) {
            case OOXML -> openOoxml(file);
            case OLE2 -> openOle2(file);
            case BIFF2, BIFF3, BIFF4 -> throw unreadable("这是 Excel 4.0 或更早版本的文件，无法读取；" + SAVE_AS_XLSX);
            case PDF -> throw unreadable("这是 PDF 文件，不是 Excel 工作簿；请报送 Excel 格式（.xlsx）的报表");
            case HTML -> throw unreadable("这是网页（HTML）文件，只是扩展名为 Excel；" + SAVE_AS_XLSX);
            case XML -> throw unreadable("这是 XML 文件（可能是“XML 电子表格 2003”格式）；" + SAVE_AS_XLSX);
            case RTF, MSWRITE, WORD2 -> throw unreadable("这是 Word 或写字板文档，不是 Excel 工作簿；请报送 Excel 格式（.xlsx）的报表");
            case JPEG, GIF, PNG, TIFF, BMP, WMF, EMF -> throw unreadable(
                    "这是图片文件，不是 Excel 工作簿；请报送 Excel 格式（.xlsx）的报表，佐证材料请按要求另行提交");
            default -> throw unreadable(looksLikeText(file)
                    ? "这是文本文件（可能是 CSV），只是扩展名为 Excel；" + SAVE_AS_XLSX
                    : "文件内容无法识别，不是 Excel 工作簿或已损坏；" + SAVE_AS_XLSX);
        };
    }

    private WorkbookReader openOoxml(Path file) throws Refusal, DamagedWorkbook {
        checkZipDirectory(file);
        return streaming(() -> StreamingXlsxReader.open(file));
    }

    private interface PackageSource {
        StreamingXlsxReader open() throws IOException;
    }

    /**
     * Opens an OOXML package, refusing it when it is another document or damaged; a damage the reader
     * places is passed on whole, for the refusal to keep its sheet, row, column and value.
     */
    private WorkbookReader streaming(PackageSource source) throws Refusal, DamagedWorkbook {
        try {
            return source.open();
        } catch (StreamingXlsxReader.NotASpreadsheet e) {
            throw unreadable(otherOfficeDocument(e.contentType()));
        } catch (DamagedWorkbook e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw recognised(e).orElse(unreadable(DAMAGED));
        }
    }

    /**
     * A zip must have its central directory (POI would otherwise fall back to reading whatever
     * entries a truncated upload still holds) and the content-type list every OOXML package has.
     */
    private static void checkZipDirectory(Path file) throws Refusal {
        Optional<ForeignFormat> other;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("[Content_Types].xml") != null) {
                return;
            }
            other = otherSpreadsheet(zip);
        } catch (IOException | RuntimeException e) {
            throw unreadable(DAMAGED);
        }
        throw unreadable(other.map(ForeignFormat::message).orElse("这是 ZIP 压缩包，不是 Excel 工作簿；请解压后报送其中的 .xlsx 文件"));
    }

    /** An OpenDocument or Numbers spreadsheet given an Excel name: a zip too, but no OOXML package. */
    private static Optional<ForeignFormat> otherSpreadsheet(ZipFile zip) throws IOException {
        if (zip.getEntry("Index/Document.iwa") != null) {
            return Optional.of(ForeignFormat.NUMBERS);
        }
        ZipEntry mimetype = zip.getEntry("mimetype");
        if (mimetype == null) {
            return Optional.empty();
        }
        try (InputStream in = zip.getInputStream(mimetype)) {
            String type = new String(in.readNBytes(100), StandardCharsets.US_ASCII);
            return type.startsWith("application/vnd.oasis.opendocument.spreadsheet") ? Optional.of(ForeignFormat.ODS) : Optional.empty();
        }
    }

    private static String otherOfficeDocument(String contentType) {
        if (contentType.contains("wordprocessingml")) {
            return "这是 Word 文档，不是 Excel 工作簿；请报送 Excel 格式（.xlsx）的报表";
        }
        if (contentType.contains("presentationml")) {
            return "这是 PowerPoint 演示文稿，不是 Excel 工作簿；请报送 Excel 格式（.xlsx）的报表";
        }
        if (contentType.contains("sheet.binary")) {
            return ForeignFormat.XLSB.message();
        }
        if (contentType.contains("ms-excel") || contentType.contains("spreadsheetml")) {
            return "这是本系统不能读取的一种 Excel 文件（" + contentType + "），未读取；请用 Excel 或 WPS 打开后另存为 .xlsx 格式再报送（"
                    + ForeignFormat.HOW_TO_SAVE_AS_XLSX + "）";
        }
        return "这是其他类型的 Office 文档，不是 Excel 工作簿；请报送 Excel 格式（.xlsx）的报表";
    }

    private WorkbookReader openOle2(Path file) throws Refusal, IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry(Decryptor.DEFAULT_POIFS_ENTRY)) {
                return openEncrypted(fs);
            }
            if (root.hasEntry("WordDocument")) {
                throw unreadable("这是 Word 97-2003 文档（.doc），不是 Excel 工作簿；请报送 Excel 格式（.xlsx）的报表");
            }
            if (!root.hasEntryCaseInsensitive("Workbook") && !root.hasEntryCaseInsensitive("Book")) {
                throw unreadable("这是其他类型的 Office 97-2003 文档，不是 Excel 工作簿；请报送 Excel 格式（.xlsx）的报表");
            }
        } catch (DamagedWorkbook e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreadable(DAMAGED);
        }
        try {
            return PoiWorkbookReader.open(file);
        } catch (EncryptedDocumentException e) {
            throw new Refusal(Rule.FILE_ENCRYPTED, ENCRYPTED);
        } catch (OldFileFormatException e) {
            throw unreadable("这是 Excel 95 或更早版本的文件，无法读取；" + SAVE_AS_XLSX);
        } catch (IOException | RuntimeException e) {
            throw unreadable(DAMAGED);
        }
    }

    /**
     * An encrypted .xlsx (an OLE2 container holding EncryptionInfo and the EncryptedPackage): read when
     * Excel's default password opens it, as Excel opens it without asking; the decrypted package is read
     * within the same limits as any other. A real password, or an encryption POI does not know (rights
     * management), is file-encrypted.
     */
    private WorkbookReader openEncrypted(POIFSFileSystem fs) throws Refusal, DamagedWorkbook {
        Decryptor decryptor;
        try {
            decryptor = new EncryptionInfo(fs).getDecryptor();
            if (!decryptor.verifyPassword(Decryptor.DEFAULT_PASSWORD)) {
                throw new Refusal(Rule.FILE_ENCRYPTED, ENCRYPTED);
            }
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new Refusal(Rule.FILE_ENCRYPTED, ENCRYPTED);
        }
        try (InputStream in = decryptor.getDataStream(fs)) {
            if (decryptor.getLength() > limits.maxFileBytes()) {
                throw tooLarge("文件解密后大小为 ", decryptor.getLength());
            }
            return streaming(() -> StreamingXlsxReader.open(in));
        } catch (DamagedWorkbook e) {
            throw e;
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw recognised(e).orElse(unreadable(DAMAGED));
        }
    }

    /**
     * The refusal for a package stopped on purpose: at one of POI's zip-bomb limits
     * ({@link ReadLimits#applyToPoi}: a part inflating far beyond its compressed size or past the
     * size limit, too many parts; POI says which in its message), or by the XML parser refusing a
     * document type declaration (entity expansion, external entities); or a file removed since the folder was
     * scanned, which is no damage of the file. Empty for any other failure.
     */
    Optional<Refusal> recognised(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof NoSuchFileException) {
                return Optional.of(unreadable("文件在扫描后已被移走或删除，本次未读取；如仍需报送，请将文件重新放入文件夹，下次汇总时将读取"));
            }
            if (t instanceof SAXParseException && message.contains("DOCTYPE")) {
                return Optional.of(unreadable("文件中含有工作簿不会有的 XML 声明（DTD，可用于实体膨胀或读取外部文件），"
                        + "出于安全原因未读取；" + SAVE_AS_XLSX));
            }
            if (message.contains("MIN_INFLATE_RATIO")) {
                return Optional.of(unreadable("文件解压后体积异常膨胀，压缩比超过 1:" + Math.round(1 / limits.minInflateRatio())
                        + "（压缩比上限，疑似压缩炸弹），出于安全原因未读取；" + SAVE_AS_XLSX));
            }
            if (message.contains("MAX_ENTRY_SIZE")) {
                return Optional.of(unreadable("文件中的一个部件解压后超过 " + ReadLimits.size(limits.maxPartBytes())
                        + "（单个部件解压大小上限），未读取；报送表通常不足 1 MB，请删除多余的内容（图片、附件、多余的工作表）后另存为 .xlsx 格式再报送"));
            }
            if (message.contains("MAX_FILE_COUNT")) {
                return Optional.of(unreadable("文件内部的部件超过 " + limits.maxParts()
                        + " 个（部件数上限），不是正常的工作簿，出于安全原因未读取；" + SAVE_AS_XLSX));
            }
        }
        return Optional.empty();
    }

    /** No NUL and no control bytes other than tab and line ends in the first bytes: a text file. */
    private static boolean looksLikeText(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(TEXT_SNIFF_BYTES);
            for (byte b : head) {
                if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != 0x0C) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The refusal for a file over the size limit; {@code what} says which size, such as "文件大小为 ". */
    Refusal tooLarge(String what, long bytes) {
        return unreadable(what + ReadLimits.size(bytes) + "，超过 " + ReadLimits.size(limits.maxFileBytes())
                + "（文件大小上限），未读取；报送表通常不足 1 MB，请删除表中的图片、附件和多余的工作表后另存为 .xlsx 格式再报送");
    }

    static Refusal unreadable(String message) {
        return new Refusal(Rule.FILE_UNREADABLE, message);
    }
}
