package io.rectify.bench;

import io.rectify.workbook.Cell;
import io.rectify.workbook.StreamingXlsxReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The readers compared on the big workbook. Each reads every cell of the first sheet as the text
 * a person sees (numbers and dates formatted) and tallies cells and characters, so that no reader
 * can skip work the others do.
 */
public enum Readers {

    /** Rectify's own streaming reader, as intake uses it. */
    RECTIFY("Rectify StreamingXlsxReader") {
        @Override
        Tally read(Path file) throws Exception {
            Tally tally = new Tally();
            try (StreamingXlsxReader reader = StreamingXlsxReader.open(file)) {
                reader.rows(reader.sheets().get(0).name(), row -> {
                    for (Cell cell : row.cells()) {
                        tally.add(cell.text());
                    }
                    return true;
                });
            }
            return tally;
        }
    },

    /** POI's own event API: SAX over the sheet with XSSFSheetXMLHandler and a DataFormatter. */
    POI_SAX("POI XSSFSheetXMLHandler") {
        @Override
        Tally read(Path file) throws Exception {
            Tally tally = new Tally();
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                        new XSSFSheetXMLHandler.SheetContentsHandler() {
                            @Override
                            public void startRow(int rowNum) {
                            }

                            @Override
                            public void endRow(int rowNum) {
                            }

                            @Override
                            public void cell(String reference, String formattedValue, XSSFComment comment) {
                                tally.add(formattedValue);
                            }
                        }, new DataFormatter(), false));
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
                try (InputStream in = sheets.next()) {
                    xml.parse(new InputSource(in));
                }
            }
            return tally;
        }
    },

    /** FastExcel (cn.idev.excel), the maintained fork of EasyExcel: rows as Map&lt;Integer, String&gt;. */
    FASTEXCEL("FastExcel 1.3.0") {
        @Override
        Tally read(Path file) {
            Tally tally = new Tally();
            cn.idev.excel.FastExcel.read(file.toFile(), new cn.idev.excel.read.listener.ReadListener<Map<Integer, String>>() {
                @Override
                public void invoke(Map<Integer, String> row, cn.idev.excel.context.AnalysisContext context) {
                    row.values().forEach(tally::add);
                }

                @Override
                public void doAfterAllAnalysed(cn.idev.excel.context.AnalysisContext context) {
                }
            }).headRowNumber(0).sheet().doRead();
            return tally;
        }
    },

    /**
     * dhatim's fastexcel-reader: its own zip reading and StAX (Aalto) over the sheet. It gives each cell's raw
     * text (a number as written in the XML, a date as its serial): no number formatting, so it does less than
     * the others.
     */
    DHATIM("dhatim fastexcel-reader 0.20.2 (raw text)") {
        @Override
        Tally read(Path file) throws Exception {
            Tally tally = new Tally();
            try (org.dhatim.fastexcel.reader.ReadableWorkbook workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(file.toFile());
                 java.util.stream.Stream<org.dhatim.fastexcel.reader.Row> rows = workbook.getFirstSheet().openStream()) {
                rows.forEach(row -> row.forEach(cell -> {
                    if (cell != null) {
                        tally.add(cell.getText());
                    }
                }));
            }
            return tally;
        }
    },

    /** EasyExcel (com.alibaba), the same API: rows as Map&lt;Integer, String&gt;. */
    EASYEXCEL("EasyExcel 4.0.3") {
        @Override
        Tally read(Path file) {
            Tally tally = new Tally();
            com.alibaba.excel.EasyExcel.read(file.toFile(), new com.alibaba.excel.read.listener.ReadListener<Map<Integer, String>>() {
                @Override
                public void invoke(Map<Integer, String> row, com.alibaba.excel.context.AnalysisContext context) {
                    row.values().forEach(tally::add);
                }

                @Override
                public void doAfterAllAnalysed(com.alibaba.excel.context.AnalysisContext context) {
                }
            }).headRowNumber(0).sheet().doRead();
            return tally;
        }
    };

    private final String label;

    Readers(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    abstract Tally read(Path file) throws Exception;

    /** Cells read and characters seen: what a reader delivered. */
    static final class Tally {
        long cells;
        long chars;

        void add(String text) {
            if (text != null) {
                cells++;
                chars += text.length();
            }
        }

        @Override
        public String toString() {
            return cells + " cells, " + chars + " chars";
        }
    }

    /** Reads a file once with one reader and prints cells, characters and milliseconds: a child process of the harness. */
    public static void main(String[] args) throws Exception {
        Readers reader = valueOf(args[0]);
        Path file = Path.of(args[1]);
        long start = System.nanoTime();
        Tally tally = reader.read(file);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("READ " + reader + " cells=" + tally.cells + " chars=" + tally.chars + " ms=" + millis);
    }
}
