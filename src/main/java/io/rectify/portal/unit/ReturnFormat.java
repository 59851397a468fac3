package io.rectify.portal.unit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.poifs.filesystem.FileMagic;

/**
 * The extension a stored return gets, from what the file is (never from the name it was sent with):
 * an OLE2 workbook is .xls, an OOXML package whose content types declare a macro-enabled workbook
 * .xlsm, any other package .xlsx. Only files the check accepted are stored, so these three suffice;
 * the nightly reads each by its content again.
 */
enum ReturnFormat {

    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    XLSM("xlsm", "application/vnd.ms-excel.sheet.macroEnabled.12"),
    XLS("xls", "application/vnd.ms-excel");

    private static final int CONTENT_TYPES_MAX = 1 << 20;

    private final String extension;
    private final String mediaType;

    ReturnFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    String extension() {
        return extension;
    }

    String mediaType() {
        return mediaType;
    }

    static ReturnFormat of(Path file) throws IOException {
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        }
        if (magic == FileMagic.OLE2) {
            return XLS;
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry types = zip.getEntry("[Content_Types].xml");
            if (types == null) {
                return XLSX;
            }
            try (InputStream in = zip.getInputStream(types)) {
                String text = new String(in.readNBytes(CONTENT_TYPES_MAX), StandardCharsets.UTF_8);
                return text.contains("sheet.macroEnabled.main") ? XLSM : XLSX;
            }
        }
    }

    /** The format a file's name says (for a download's content type); .xlsx when it says none of these. */
    static ReturnFormat byName(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (ReturnFormat format : values()) {
            if (lower.endsWith("." + format.extension)) {
                return format;
            }
        }
        return XLSX;
    }
}
