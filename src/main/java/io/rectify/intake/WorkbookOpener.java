package io.rectify.intake;

import io.rectify.rule.Rule;
import io.rectify.workbook.PoiWorkbookReader;
import io.rectify.workbook.StreamingXlsxReader;
import io.rectify.workbook.WorkbookReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipFile;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.OldFileFormatException;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.xml.sax.SAXParseException;

/**
 * Opens a return by what its content is, not by its name: a zip package is read as .xlsx with
 * the streaming reader, an OLE2 compound file as .xls through HSSF (a .xls renamed .xlsx is read,
 * as the unit expects). Everything else is refused with a message that says what the file is and
 * what the unit should send instead. Only ever reads the file.
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

    private WorkbookReader openOoxml(Path file) throws Refusal {
        checkZipDirectory(file);
        try {
            return StreamingXlsxReader.open(file);
        } catch (StreamingXlsxReader.NotASpreadsheet e) {
            throw unreadable(otherOfficeDocument(e.contentType()));
        } catch (IOException | RuntimeException e) {
            throw recognised(e).orElse(unreadable(DAMAGED));
        }
    }

    /**
     * A zip must have its central directory (POI would otherwise fall back to reading whatever
     * entries a truncated upload still holds) and the content-type list every OOXML package has.
     */
    private static void checkZipDirectory(Path file) throws Refusal {
        boolean ooxml;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ooxml = zip.getEntry("[Content_Types].xml") != null;
        } catch (IOException | RuntimeException e) {
            throw unreadable(DAMAGED);
        }
        if (!ooxml) {
            throw unreadable("这是 ZIP 压缩包，不是 Excel 工作簿；请解压后报送其中的 .xlsx 文件");
        }
    }

    private static String otherOfficeDocument(String contentType) {
        if (contentType.contains("wordprocessingml")) {
            return "这是 Word 文档，不是 Excel 工作簿；请报送 Excel 格式（.xlsx）的报表";
        }
        if (contentType.contains("presentationml")) {
            return "这是 PowerPoint 演示文稿，不是 Excel 工作簿；请报送 Excel 格式（.xlsx）的报表";
        }
        if (contentType.contains("ms-excel") || contentType.contains("spreadsheetml")) {
            return "这是 Excel 二进制工作簿（.xlsb）等本系统不能读取的格式；" + SAVE_AS_XLSX;
        }
        return "这是其他类型的 Office 文档，不是 Excel 工作簿；请报送 Excel 格式（.xlsx）的报表";
    }

    private WorkbookReader openOle2(Path file) throws Refusal, IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
                throw new Refusal(Rule.FILE_ENCRYPTED, ENCRYPTED);
            }
            if (root.hasEntry("WordDocument")) {
                throw unreadable("这是 Word 97-2003 文档（.doc），不是 Excel 工作簿；请报送 Excel 格式（.xlsx）的报表");
            }
            if (!root.hasEntryCaseInsensitive("Workbook") && !root.hasEntryCaseInsensitive("Book")) {
                throw unreadable("这是其他类型的 Office 97-2003 文档，不是 Excel 工作簿；请报送 Excel 格式（.xlsx）的报表");
            }
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
     * The refusal for a package stopped on purpose: at one of POI's zip-bomb limits
     * ({@link ReadLimits#applyToPoi}: a part inflating far beyond its compressed size or past the
     * size limit, too many parts; POI says which in its message), or by the XML parser refusing a
     * document type declaration (entity expansion, external entities). Empty for any other failure.
     */
    Optional<Refusal> recognised(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
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

    static Refusal unreadable(String message) {
        return new Refusal(Rule.FILE_UNREADABLE, message);
    }
}
