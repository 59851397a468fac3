package io.rectify.workbook;

import io.rectify.workbook.DamagedWorkbook.Damage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormatSymbols;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.util.LocaleUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an .xlsx workbook as a stream of rows: each sheet's XML is parsed with SAX, so memory
 * does not grow with the number of rows (only the shared strings and styles are held). Gives the
 * same {@link Cell}s as {@link PoiWorkbookReader} for the same file: formula cells carry their
 * cached result (never evaluated), numbers in a date format are {@link Cell.Kind#DATE}. The XML
 * parser is POI's hardened one (no DTDs, no external entities); the file is opened read-only.
 */
public final class StreamingXlsxReader implements WorkbookReader {

    /** Main-part content types of the spreadsheet kinds this reader understands. */
    private static final Set<String> SPREADSHEET_TYPES = Set.of(XSSFRelation.WORKBOOK.getContentType(),
            XSSFRelation.MACROS_WORKBOOK.getContentType(), XSSFRelation.TEMPLATE_WORKBOOK.getContentType(),
            XSSFRelation.MACRO_TEMPLATE_WORKBOOK.getContentType(), XSSFRelation.MACRO_ADDIN_WORKBOOK.getContentType());
    private static final Pattern FIXED_POINT = Pattern.compile("0(\\.0+)?");
    /** The formats' shortcuts write ASCII digits, '-' and '.': only where DataFormatter's locale does too. */
    private static final boolean PLAIN_DIGITS = plainDigits(DecimalFormatSymbols.getInstance(LocaleUtil.getUserLocale()));
    /** Days between the 1900 and the 1904 date systems: dates are given as 1900-system serials. */
    private static final int DAYS_1900_TO_1904 = 1462;
    private static final int MAX_ROW = SpreadsheetVersion.EXCEL2007.getMaxRows();
    private static final int MAX_COLUMN_INDEX = SpreadsheetVersion.EXCEL2007.getLastColumnIndex();

    private final OPCPackage pkg;
    private final XSSFReader reader;
    /** One parser for every part of the package: making one costs more than parsing a small return's part. */
    private final XMLReader xml;
    private final List<String> strings;
    private final StylesPart styles;
    private final WorkbookPart workbook;
    private final DataFormatter formatter = new DataFormatter();
    /** Number formats by style index: styles are few, cells many. */
    private final Map<Integer, NumberFormat> formats = new HashMap<>();
    /**
     * The merge ranges of the sheets whose rows were read to the end: their XML holds the ranges after
     * the rows, so reading the rows gathers them, and a table's merged cells cost no second parse.
     */
    private final Map<SheetEntry, List<CellRangeAddress>> merges = new HashMap<>();

    private StreamingXlsxReader(OPCPackage pkg, PackagePart main) throws IOException, OpenXML4JException, SAXException {
        this.pkg = pkg;
        this.reader = new XSSFReader(pkg);
        this.xml = newXmlReader();
        this.strings = SharedStringsPart.read(pkg, xml);
        this.styles = StylesPart.read(pkg, xml);
        try (InputStream in = reader.getWorkbookData()) {
            this.workbook = WorkbookPart.parse(in, main.getPartName().getName(), xml);
        }
    }

    /**
     * Opens an OOXML package read-only.
     *
     * @throws NotASpreadsheet when the package is another OOXML document (Word, PowerPoint, .xlsb)
     * @throws DamagedWorkbook when a part the reader needs first (workbook.xml, shared strings) is not well-formed XML
     * @throws IOException     when it is not an OOXML package, is damaged, or inflates suspiciously
     */
    public static StreamingXlsxReader open(Path file) throws IOException {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OpenXML4JException e) {
            throw new IOException(e.getMessage(), e);
        }
        return open(pkg);
    }

    /**
     * Opens an OOXML package given as a stream, such as the content of an encrypted workbook once
     * decrypted. The package is held in memory, within POI's zip-bomb limits; the stream is read whole.
     */
    public static StreamingXlsxReader open(InputStream in) throws IOException {
        try {
            return open(OPCPackage.open(in));
        } catch (OpenXML4JException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static StreamingXlsxReader open(OPCPackage pkg) throws IOException {
        try {
            PackagePart main = mainPart(pkg);
            String mainType = main == null ? "" : main.getContentType();
            if (!SPREADSHEET_TYPES.contains(mainType)) {
                throw new NotASpreadsheet(mainType);
            }
            return new StreamingXlsxReader(pkg, main);
        } catch (OpenXML4JException | SAXException | RuntimeException e) {
            pkg.revert();
            throw new IOException(e.getMessage(), e);
        } catch (IOException e) {
            pkg.revert();
            throw e;
        }
    }

    private static PackagePart mainPart(OPCPackage pkg) {
        PackageRelationshipCollection core = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
        if (core.isEmpty()) {
            core = pkg.getRelationshipsByType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT);
        }
        return core.isEmpty() ? null : pkg.getPart(core.getRelationship(0));
    }

    @Override
    public List<SheetInfo> sheets() {
        return workbook.sheets.stream().map(SheetEntry::info).toList();
    }

    @Override
    public void rows(String sheetName, Predicate<SheetRow> handler) throws IOException {
        SheetEntry sheet = entry(sheetName);
        List<CellRangeAddress> regions = new ArrayList<>();
        if (parseSheet(sheet, new SheetHandler(sheetName, handler, regions))) {
            merges.put(sheet, regions);
        }
    }

    /** The ranges gathered when the sheet's rows were read to the end; else the sheet is parsed for them. */
    @Override
    public List<CellRangeAddress> mergedRegions(String sheetName) throws IOException {
        SheetEntry sheet = entry(sheetName);
        List<CellRangeAddress> known = merges.get(sheet);
        if (known != null) {
            return new ArrayList<>(known);
        }
        List<CellRangeAddress> regions = new ArrayList<>();
        parseSheet(sheet, new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
                switch (local(localName, qName)) {
                    case "row" -> stopWhenInterrupted();
                    case "mergeCell" -> mergeCell(attributes, regions);
                    default -> {
                    }
                }
            }
        });
        merges.put(sheet, List.copyOf(regions));
        return regions;
    }

    private static void mergeCell(Attributes attributes, List<CellRangeAddress> regions) {
        String ref = attributes.getValue("ref");
        if (ref != null && ref.contains(":")) {
            merged(ref).ifPresent(regions::add);
        }
    }

    private SheetEntry entry(String sheetName) {
        return workbook.sheets.stream().filter(s -> s.info.name().equalsIgnoreCase(sheetName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sheet " + sheetName));
    }

    /** @return whether the sheet was read to its end (the handler did not stop it) */
    private boolean parseSheet(SheetEntry sheet, ContentHandler handler) throws IOException {
        String where = "r:id " + sheet.relationId;
        InputStream in;
        try {
            if (sheet.relationId == null) {
                throw new IllegalArgumentException("the sheet has no r:id");
            }
            in = reader.getSheet(sheet.relationId);
        } catch (OpenXML4JException | IllegalArgumentException e) {
            // XSSFReader's words for a relationship that is missing or whose part is not in the package
            throw new DamagedWorkbook(Damage.MISSING_SHEET, sheet.info.name(), where, null, null, null, e);
        }
        try (in) {
            scan(in, handler, sheet.info.name(), where, xml);
            return true;
        } catch (Stop stop) {
            // the handler has what it wanted
            return false;
        } catch (SAXException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof DamagedWorkbook damaged) {
                    throw damaged;
                }
            }
            throw new IOException("sheet " + sheet.info.name() + ": " + e.getMessage(), e);
        }
    }

    /** A merge range, empty when its reference is not one (a merge is only how cells look: it is left out). */
    private static Optional<CellRangeAddress> merged(String ref) {
        try {
            CellRangeAddress range = CellRangeAddress.valueOf(ref);
            return range.getFirstRow() < 0 || range.getFirstColumn() < 0 ? Optional.empty() : Optional.of(range);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Ends a parse when the reading thread was interrupted (a caller's time limit passed), also in
     * stretches of rows that never reach the row handler, such as a million blank rows.
     */
    private static void stopWhenInterrupted() throws SAXException {
        if (Thread.currentThread().isInterrupted()) {
            throw new SAXException(new InterruptedIOException("reading interrupted"));
        }
    }

    /**
     * @param sheet the sheet's name, null for another part
     * @param part  where in the package, for the developers' message
     * @throws DamagedWorkbook when the XML is not well-formed (or declares a DTD, which the parser refuses)
     */
    private static void parse(InputStream in, ContentHandler handler, String sheet, String part, XMLReader xml)
            throws IOException, SAXException {
        xml.setContentHandler(handler);
        try {
            xml.parse(new InputSource(in));
        } catch (SAXParseException e) {
            throw new DamagedWorkbook(Damage.MALFORMED_XML, sheet, part, null, null, null, e);
        }
    }

    /** Parses a large part (a sheet, the shared strings) with {@link XmlScanner}; the same failures as {@link #parse}. */
    private static void scan(InputStream in, ContentHandler handler, String sheet, String part, XMLReader xml)
            throws IOException, SAXException {
        try {
            XmlScanner.parse(in, handler, xml);
        } catch (SAXParseException e) {
            throw new DamagedWorkbook(Damage.MALFORMED_XML, sheet, part, null, null, null, e);
        }
    }

    private static XMLReader newXmlReader() throws IOException, SAXException {
        try {
            return XMLHelper.newXMLReader();
        } catch (ParserConfigurationException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        pkg.revert();
    }

    /** An OOXML package that holds another kind of document than a spreadsheet. */
    public static final class NotASpreadsheet extends IOException {

        private final String contentType;

        NotASpreadsheet(String contentType) {
            super("not a spreadsheet: main part is " + (contentType.isEmpty() ? "missing" : contentType));
            this.contentType = contentType;
        }

        /** The content type of the package's main part, "" when it has none. */
        public String contentType() {
            return contentType;
        }
    }

    private record SheetEntry(SheetInfo info, String relationId) {
    }

    /**
     * The number format of a cell style, and whether it shows a date. Formatting a number the way
     * Excel shows it is the dearest part of reading a cell, and a column's values repeat (dates,
     * counts): the texts of values already formatted are kept, up to a bound.
     */
    private final class NumberFormat {

        private static final int CACHED_VALUES = 4096;
        private final int index;
        private final String pattern;
        private final boolean date;
        private final boolean general;
        /** Digits after the point of a plain fixed-point pattern (0, 0.0, 0.00 ...), else -1. */
        private final int decimals;
        private final Map<Double, String> texts = new HashMap<>();

        NumberFormat(int index, String pattern, boolean date) {
            this.index = index;
            this.pattern = pattern;
            this.date = date;
            this.general = PLAIN_DIGITS && (index == 0 || "General".equalsIgnoreCase(pattern));
            this.decimals = PLAIN_DIGITS && pattern != null && FIXED_POINT.matcher(pattern).matches()
                    ? Math.max(0, pattern.length() - 2) : -1;
        }

        boolean date() {
            return date;
        }

        String text(double number) {
            // General shows whole numbers below 10^11 as plain digits: the common case, done without DataFormatter
            if (general && number == Math.rint(number) && Math.abs(number) < 1e10) {
                return Long.toString((long) number);
            }
            if (decimals >= 0 && number >= 0) {
                // what DataFormatter does for these patterns (round half up the shortest text of the double), without it
                String plain = NumberToTextConverter.toText(number);
                if (plain.indexOf('E') < 0) {
                    return fixedPoint(plain);
                }
            }
            String text = texts.get(number);
            if (text == null) {
                text = formatter.formatRawCellContents(number, index, pattern, workbook.date1904);
                if (texts.size() < CACHED_VALUES) {
                    texts.put(number, text);
                }
            }
            return text;
        }

        /** Plain digits with the pattern's decimals: padded with zeros when they are enough, else rounded half up. */
        private String fixedPoint(String plain) {
            int point = plain.indexOf('.');
            int have = point < 0 ? 0 : plain.length() - point - 1;
            if (have > decimals || plain.startsWith("-")) {
                // rounding, or a negative zero (-0.0 is not below 0): BigDecimal's text, as DataFormatter's
                return new BigDecimal(plain).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
            }
            StringBuilder text = new StringBuilder(plain.length() + decimals - have + 1).append(plain);
            if (point < 0 && decimals > 0) {
                text.append('.');
            }
            for (int i = have; i < decimals; i++) {
                text.append('0');
            }
            return text.toString();
        }
    }

    private NumberFormat numberFormat(int style) {
        if (style < 0 || style >= styles.cellFormats.size()) {
            return new NumberFormat(0, "General", false);
        }
        // as XSSFCellStyle gives it: the format id as a short, a custom format before a built-in one
        int index = (short) styles.cellFormats.get(style).intValue();
        String pattern = styles.customFormats.get(index);
        if (pattern == null) {
            pattern = BuiltinFormats.getBuiltinFormat(index);
        }
        return new NumberFormat(index, pattern, DateUtil.isADateFormat(index, pattern));
    }

    /**
     * What the styles part says about numbers: each cell format's number format id, and the custom
     * number formats. Read with SAX: POI's StylesTable parses the whole part (fonts, fills, borders)
     * into XML objects, a cost every return paid before its first row.
     */
    private static final class StylesPart extends DefaultHandler {

        private final List<Integer> cellFormats = new ArrayList<>();
        private final Map<Integer, String> customFormats = new HashMap<>();
        private boolean inCellFormats;
        /** In numFmts: the conditional formats (dxfs) hold numFmt elements too, which are not cell formats. */
        private boolean inNumberFormats;

        static StylesPart read(OPCPackage pkg, XMLReader xml) throws IOException, SAXException {
            StylesPart part = new StylesPart();
            List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.STYLES.getContentType());
            if (!parts.isEmpty()) {
                try (InputStream in = parts.get(0).getInputStream()) {
                    StreamingXlsxReader.parse(in, part, null, parts.get(0).getPartName().getName(), xml);
                }
            }
            return part;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (local(localName, qName)) {
                case "numFmts" -> inNumberFormats = true;
                case "numFmt" -> {
                    String id = attributes.getValue("numFmtId");
                    if (id != null && inNumberFormats && parseId(id) >= 0) {
                        customFormats.put((int) (short) parseId(id), attributes.getValue("formatCode"));
                    }
                }
                case "cellXfs" -> inCellFormats = true;
                case "xf" -> {
                    if (inCellFormats) {
                        String id = attributes.getValue("numFmtId");
                        cellFormats.add(id == null ? 0 : Math.max(0, parseId(id)));
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (local(localName, qName)) {
                case "cellXfs" -> inCellFormats = false;
                case "numFmts" -> inNumberFormats = false;
                default -> {
                }
            }
        }

        /** A number format id, -1 when it is not a number (the cell then shows as General, as Excel shows it). */
        private static int parseId(String id) {
            try {
                return (int) Long.parseLong(id.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    /**
     * The zero-based column of a cell reference such as "AB12" or "$AB$12", or -1 when it is not one:
     * one to three letters, then digits. The digits are not checked against the row's number, as
     * neither Excel nor POI does.
     */
    private static int columnOf(String reference) {
        int column = 0;
        int i = reference.startsWith("$") ? 1 : 0;
        int letters = 0;
        for (; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                column = column * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                column = column * 26 + (c - 'a' + 1);
            } else {
                break;
            }
            if (++letters > 3) {
                return -1;
            }
        }
        if (i < reference.length() && reference.charAt(i) == '$') {
            i++;
        }
        if (letters == 0 || i == reference.length()) {
            return -1;
        }
        for (; i < reference.length(); i++) {
            if (reference.charAt(i) < '0' || reference.charAt(i) > '9') {
                return -1;
            }
        }
        return column - 1;
    }

    /** What workbook.xml says: the sheets in tab order with their visibility, and the date system. */
    private static final class WorkbookPart extends DefaultHandler {

        private final List<SheetEntry> sheets = new ArrayList<>();
        private boolean date1904;

        static WorkbookPart parse(InputStream in, String partName, XMLReader xml) throws IOException, SAXException {
            WorkbookPart part = new WorkbookPart();
            StreamingXlsxReader.parse(in, part, null, partName, xml);
            return part;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (local(localName, qName)) {
                case "sheet" -> {
                    String state = attributes.getValue("state");
                    sheets.add(new SheetEntry(new SheetInfo(attributes.getValue("name"),
                            "hidden".equals(state) || "veryHidden".equals(state)), relationId(attributes)));
                }
                case "workbookPr" -> {
                    String value = attributes.getValue("date1904");
                    date1904 = "1".equals(value) || "true".equals(value);
                }
                default -> {
                }
            }
        }

        /** The r:id attribute, whichever prefix (transitional or strict namespace) it has. */
        private static String relationId(Attributes attributes) {
            for (int i = 0; i < attributes.getLength(); i++) {
                if ("id".equals(local(attributes.getLocalName(i), attributes.getQName(i))) && !attributes.getURI(i).isEmpty()) {
                    return attributes.getValue(i);
                }
            }
            return attributes.getValue("r:id");
        }
    }

    private static String local(String localName, String qName) {
        if (!localName.isEmpty()) {
            return localName;
        }
        return qName.substring(qName.indexOf(':') + 1);
    }

    /** Thrown to end the parse of a sheet when the row handler wants no more rows. */
    private static final class Stop extends SAXException {
    }

    /** Turns the XML of a sheet into {@link SheetRow}s. */
    private final class SheetHandler extends DefaultHandler {

        private final String sheet;
        private final Predicate<SheetRow> handler;
        private final List<CellRangeAddress> merges;
        /** The row's cells as read: in column order, unless the file is unusual (then sorted at the row's end). */
        private final List<Cell> cells = new ArrayList<>();
        private boolean ordered;
        private final StringBuilder value = new StringBuilder();
        private int rowNumber;
        private int column;
        private String type;
        private int style;
        private boolean formula;
        private boolean hasValue;
        private boolean inValue;
        private boolean inInline;
        private boolean inText;
        private boolean inPhonetic;

        SheetHandler(String sheet, Predicate<SheetRow> handler, List<CellRangeAddress> merges) {
            this.sheet = sheet;
            this.handler = handler;
            this.merges = merges;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            switch (local(localName, qName)) {
                case "row" -> {
                    stopWhenInterrupted();
                    rowNumber = nextRowNumber(attributes.getValue("r"));
                    cells.clear();
                    ordered = true;
                    column = -1;
                }
                case "c" -> {
                    String r = attributes.getValue("r");
                    column = r == null ? column + 1 : columnOf(r);
                    if (column < 0 || column > MAX_COLUMN_INDEX) {
                        throw damaged(Damage.BAD_CELL_REFERENCE, null, r);
                    }
                    type = attributes.getValue("t") == null ? "n" : attributes.getValue("t");
                    style = styleIndex(attributes.getValue("s"));
                    formula = false;
                    hasValue = false;
                    value.setLength(0);
                }
                case "f" -> formula = true;
                case "v" -> {
                    inValue = true;
                    hasValue = true;
                }
                case "is" -> {
                    inInline = true;
                    hasValue = true;
                }
                case "t" -> inText = inInline;
                case "rPh" -> inPhonetic = true;
                case "mergeCell" -> mergeCell(attributes, merges);
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue || inText && !inPhonetic) {
                value.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (local(localName, qName)) {
                case "v" -> inValue = false;
                case "t" -> inText = false;
                case "rPh" -> inPhonetic = false;
                case "is" -> inInline = false;
                case "c" -> {
                    Cell cell = cell();
                    if (cell != null) {
                        ordered &= cells.isEmpty() || cells.get(cells.size() - 1).column() < column;
                        cells.add(cell);
                    }
                }
                case "row" -> {
                    SheetRow row = new SheetRow(rowNumber, ordered ? List.copyOf(cells) : inColumnOrder(cells));
                    if (!row.blank() && !handler.test(row)) {
                        throw new Stop();
                    }
                }
                default -> {
                }
            }
        }

        /**
         * The row number of a row element: its r attribute, or the one after the previous row when it
         * has none. A number Excel cannot have, or one not after the previous row's, is damage.
         */
        private int nextRowNumber(String r) throws SAXException {
            int number;
            if (r == null) {
                number = rowNumber + 1;
            } else {
                try {
                    number = Integer.parseInt(r.trim());
                } catch (NumberFormatException e) {
                    number = 0;
                }
            }
            if (number < 1 || number > MAX_ROW) {
                throw new SAXException(new DamagedWorkbook(Damage.BAD_ROW_NUMBER, sheet, null,
                        rowNumber == 0 ? null : rowNumber, null, r, null));
            }
            if (number <= rowNumber) {
                // Excel itself calls such a file damaged; the rows cannot be put back in order safely
                throw new SAXException(new DamagedWorkbook(Damage.ROWS_OUT_OF_ORDER, sheet, null,
                        rowNumber, null, r, null));
            }
            return number;
        }

        /** A style index, 0 (General) when it is not a number, as the cell then shows. */
        private static int styleIndex(String s) {
            if (s == null) {
                return 0;
            }
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        private SAXException damaged(DamagedWorkbook.Damage damage, String column, String value) {
            return new SAXException(new DamagedWorkbook(damage, sheet, null, rowNumber, column, value, null));
        }

        /**
         * The cell just read, or null for a blank one; mirrors what the user model reports, except that
         * an empty value element ({@code <v></v>}, {@code <v/>}) is blank, as Excel shows it: some export
         * tools write one in number and shared-string cells.
         */
        private Cell cell() throws SAXException {
            String raw = value.toString();
            return switch (type) {
                case "s" -> sharedString(raw.trim());
                case "inlineStr", "str" -> Cell.text(column, decoded(raw));
                case "b" -> raw.isEmpty() ? null : new Cell(column, Cell.Kind.BOOLEAN, "1".equals(raw) ? "TRUE" : "FALSE", 0);
                case "e" -> new Cell(column, Cell.Kind.ERROR, errorText(raw), 0);
                case "d" -> isoDate(raw);
                default -> {
                    if (!hasValue) {
                        // a formula whose result was never cached reads as 0, as in the user model
                        yield formula ? number(0) : null;
                    }
                    if (raw.isBlank()) {
                        yield null;
                    }
                    try {
                        yield number(Double.parseDouble(raw));
                    } catch (NumberFormatException e) {
                        throw damaged(Damage.BAD_NUMBER, Cell.columnLetter(column), raw);
                    }
                }
            };
        }

        private Cell sharedString(String index) throws SAXException {
            if (index.isEmpty()) {
                return null;
            }
            int i;
            try {
                i = Integer.parseInt(index);
            } catch (NumberFormatException e) {
                i = -1;
            }
            if (i < 0 || i >= strings.size()) {
                throw damaged(Damage.BAD_SHARED_STRING, Cell.columnLetter(column), index);
            }
            return Cell.text(column, strings.get(i));
        }

        private Cell number(double number) {
            NumberFormat format = formats.computeIfAbsent(style, StreamingXlsxReader.this::numberFormat);
            String text = format.text(number);
            if (format.date() && DateUtil.isValidExcelDate(number)) {
                return new Cell(column, Cell.Kind.DATE, text, workbook.date1904 ? number + DAYS_1900_TO_1904 : number);
            }
            return new Cell(column, Cell.Kind.NUMBER, text, number);
        }

        /** A t="d" cell (ISO 8601 date, written by some tools, never by Excel's default format). */
        private Cell isoDate(String raw) {
            try {
                LocalDateTime date = raw.length() <= 10 ? LocalDate.parse(raw).atStartOfDay() : LocalDateTime.parse(raw);
                double serial = DateUtil.getExcelDate(date);
                return new Cell(column, Cell.Kind.DATE, formatter.formatRawCellContents(serial, 14, "yyyy-mm-dd"), serial);
            } catch (DateTimeParseException e) {
                return Cell.text(column, raw);
            }
        }
    }

    private static boolean plainDigits(DecimalFormatSymbols symbols) {
        return symbols.getZeroDigit() == '0' && symbols.getDecimalSeparator() == '.' && symbols.getMinusSign() == '-';
    }

    /** Cells sorted by column, the last of several in one column kept (as the user model keeps it). */
    private static List<Cell> inColumnOrder(List<Cell> cells) {
        TreeMap<Integer, Cell> byColumn = new TreeMap<>();
        cells.forEach(cell -> byColumn.put(cell.column(), cell));
        return List.copyOf(byColumn.values());
    }

    /**
     * The shared strings part as the texts a person sees, read once: runs joined, phonetic runs
     * (rPh) left out as the user model leaves them out, _xHHHH_ escapes decoded. POI's
     * ReadOnlySharedStringsTable builds a rich-text XML object on every lookup instead.
     */
    private static final class SharedStringsPart extends DefaultHandler {

        private final List<String> strings = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private boolean inText;
        private boolean inPhonetic;

        static List<String> read(OPCPackage pkg, XMLReader xml) throws IOException, SAXException {
            List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
            if (parts.isEmpty()) {
                return List.of();
            }
            SharedStringsPart part = new SharedStringsPart();
            try (InputStream in = parts.get(0).getInputStream()) {
                StreamingXlsxReader.scan(in, part, null, parts.get(0).getPartName().getName(), xml);
            }
            return part.strings;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (local(localName, qName)) {
                case "si" -> text.setLength(0);
                case "t" -> inText = !inPhonetic;
                case "rPh" -> inPhonetic = true;
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (local(localName, qName)) {
                case "si" -> strings.add(decoded(text.toString()));
                case "t" -> inText = false;
                case "rPh" -> inPhonetic = false;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) {
                text.append(ch, start, length);
            }
        }
    }

    /** Decodes the _xHHHH_ escapes Excel writes for control characters, as the user model does. */
    private static String decoded(String raw) {
        return raw.contains("_x") ? new XSSFRichTextString(raw).getString() : raw;
    }

    private static String errorText(String raw) {
        if (raw.isEmpty()) {
            return FormulaError.NULL.getString();
        }
        try {
            return FormulaError.forString(raw).getString();
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
