package io.rectify.report;

import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFPieChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTCatAx;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDPt;
import org.openxmlformats.schemas.drawingml.x2006.chart.STDLblPos;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextBody;

/**
 * Native Excel charts (POI's XDDF), each drawn over cells of the sheet it sits on: the series name
 * their cells, so that Excel and WPS redraw a chart when its cells are edited, and carry the
 * values too, for programs that only read the cached values.
 */
final class Charts {

    /** Series colours, the same in every program (a chart left to its theme looks different in each). */
    enum Colour {
        BLUE(0x44, 0x72, 0xC4), GREEN(0x70, 0xAD, 0x47), AMBER(0xFF, 0xC0, 0x00), GREY(0xA5, 0xA5, 0xA5),
        RED(0xC0, 0x00, 0x00);

        private final byte[] rgb;

        Colour(int red, int green, int blue) {
            this.rgb = new byte[] {(byte) red, (byte) green, (byte) blue};
        }

        XDDFSolidFillProperties fill() {
            return new XDDFSolidFillProperties(XDDFColor.from(rgb));
        }
    }

    /** One column of cells a chart reads: its header (the series name) and the data rows below it. */
    record Cells(Sheet sheet, int headerRow, int firstRow, int lastRow, int column) {

        String reference() {
            return new CellRangeAddress(firstRow, lastRow, column, column).formatAsString(sheet.getSheetName(), true);
        }

        CellReference header() {
            return new CellReference(sheet.getSheetName(), headerRow, column, true, true);
        }
    }

    /** A series: the cells it reads, their values as written there, how it is drawn. */
    record Series(String name, Cells cells, Number[] values, Colour colour) {
    }

    /** Where a chart goes: from the top left corner of one cell to the top left corner of another. */
    record Place(int column, int row, int toColumn, int toRow) {
    }

    /** Category labels: the cells and their texts as written there. */
    record Categories(Cells cells, String[] labels) {

        XDDFCategoryDataSource source() {
            return XDDFDataSourcesFactory.fromArray(labels, cells.reference());
        }
    }

    private static final double TITLE_POINTS = 12;
    private static final int TEXT_HUNDREDTHS = 1000;

    private Charts() {
    }

    /**
     * Bars of one series with its value on each bar. Horizontal bars list the categories from
     * the top down, in the order of the cells, with room for long names.
     *
     * @param percent the values are fractions, shown as percentages on an axis from 0 to 100 %
     */
    static XSSFChart bars(Sheet sheet, Place place, String title, Categories categories, Series series,
                          String axisTitle, boolean horizontal, boolean percent) {
        XSSFChart chart = chart(sheet, place, title);
        XDDFCategoryAxis categoryAxis = chart.createCategoryAxis(horizontal ? AxisPosition.LEFT : AxisPosition.BOTTOM);
        XDDFValueAxis valueAxis = chart.createValueAxis(horizontal ? AxisPosition.BOTTOM : AxisPosition.LEFT);
        valueAxis.setTitle(axisTitle);
        valueAxis.setMinimum(0);
        if (percent) {
            valueAxis.setMaximum(1);
            valueAxis.setMajorUnit(0.2);
            valueAxis.setNumberFormat("0%");
        } else {
            countAxis(valueAxis, series.values());
        }
        labelEveryCategory(chart, categoryAxis);
        if (horizontal) {
            categoryAxis.setOrientation(AxisOrientation.MAX_MIN);
            // with the categories upside down, the value axis crosses at the last one: below the bars
            valueAxis.setCrosses(AxisCrosses.MAX);
        }
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categoryAxis, valueAxis);
        data.setBarDirection(horizontal ? BarDirection.BAR : BarDirection.COL);
        data.setVaryColors(false);
        data.setGapWidth(60);
        XDDFBarChartData.Series bar = (XDDFBarChartData.Series) add(data, categories, series);
        bar.setInvertIfNegative(false);
        labels(bar.getCTBarSer().addNewDLbls(), STDLblPos.OUT_END, percent ? "0.0%" : "0", false);
        chart.plot(data);
        chart.deleteLegend();
        return chart;
    }

    /**
     * Marks one bar of a percent {@link #bars} chart as a figure that is not what it seems (statuses
     * carried forward): hatched grey instead of solid, its label in {@code format} (which says so).
     */
    static void carried(XSSFChart chart, int point, String format) {
        XDDFBarChartData.Series series = (XDDFBarChartData.Series) chart.getChartSeries().get(0).getSeries(0);
        // hatched: written as XML, POI's schema subset has no type for a:pattFill; the solid grey is what it replaces
        series.getDataPoint(point).setFillProperties(Colour.GREY.fill());
        String drawing = "http://schemas.openxmlformats.org/drawingml/2006/main";
        String hatch = "<a:pattFill xmlns:a=\"" + drawing + "\" prst=\"wdUpDiag\"><a:fgClr><a:srgbClr val=\"A5A5A5\"/></a:fgClr>"
                + "<a:bgClr><a:srgbClr val=\"FFFFFF\"/></a:bgClr></a:pattFill>";
        String namespace = CTDLbls.type.getName().getNamespaceURI();
        String label = "<c:dLbl xmlns:c=\"" + namespace + "\" xmlns:a=\"" + drawing + "\">"
                + "<c:idx val=\"" + point + "\"/><c:numFmt formatCode=\"" + format.replace("\"", "&quot;")
                + "\" sourceLinked=\"0\"/><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"" + TEXT_HUNDREDTHS
                + "\"/></a:pPr></a:p></c:txPr><c:dLblPos val=\"outEnd\"/><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/>"
                + "<c:showCatName val=\"0\"/><c:showSerName val=\"0\"/><c:showPercent val=\"0\"/>"
                + "<c:showBubbleSize val=\"0\"/></c:dLbl>";
        CTDPt bar = Stream.of(series.getCTBarSer().getDPtArray()).filter(p -> p.getIdx().getVal() == point).findFirst()
                .orElseThrow();
        try (XmlCursor solid = bar.getSpPr().getSolidFill().newCursor()) {
            insert(hatch, solid);
            solid.removeXml();
        }
        try (XmlCursor labels = series.getCTBarSer().getDLbls().newCursor()) {
            labels.toFirstChild();
            insert(label, labels);
        }
    }

    /** Inserts the element written in {@code xml} where the cursor is. */
    private static void insert(String xml, XmlCursor at) {
        try (XmlCursor from = XmlObject.Factory.parse(xml).newCursor()) {
            from.toFirstChild();
            from.copyXml(at);
        } catch (XmlException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A pie of the series, one colour per category, each slice labelled with its category and its
     * count in {@code format} (a share rounded to whole percent would call 1 of 427 "0%").
     */
    static XSSFChart pie(Sheet sheet, Place place, String title, Categories categories, Series series,
                         List<Colour> colours, String format) {
        XSSFChart chart = chart(sheet, place, title);
        XDDFPieChartData data = (XDDFPieChartData) chart.createData(ChartTypes.PIE, null, null);
        data.setVaryColors(true);
        XDDFPieChartData.Series pie = (XDDFPieChartData.Series) add(data, categories, series);
        for (int i = 0; i < colours.size(); i++) {
            pie.getDataPoint(i).setFillProperties(colours.get(i).fill());
        }
        labels(pie.getCTPieSer().addNewDLbls(), STDLblPos.BEST_FIT, format, true);
        chart.plot(data);
        chart.getOrAddLegend().setPosition(LegendPosition.RIGHT);
        return chart;
    }

    /**
     * Two lines over the same categories, each on its own value axis (left and right): counts of
     * very different sizes both stay readable. Each point is marked, so that one category draws.
     */
    static XSSFChart lines(Sheet sheet, Place place, String title, Categories categories, Series left,
                           Series right) {
        XSSFChart chart = chart(sheet, place, title);
        XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
        labelEveryCategory(chart, bottom);
        XDDFValueAxis leftAxis = chart.createValueAxis(AxisPosition.LEFT);
        leftAxis.setTitle(left.name() + "（条）");
        leftAxis.setMinimum(0);
        leftAxis.setNumberFormat("0");
        // each period's points in the middle of its place, their labels clear of the axes
        leftAxis.setCrossBetween(AxisCrossBetween.BETWEEN);
        XDDFLineChartData leftData = (XDDFLineChartData) chart.createData(ChartTypes.LINE, bottom, leftAxis);
        line(add(leftData, categories, left), left.colour(), STDLblPos.T);
        chart.plot(leftData);

        XDDFCategoryAxis hidden = chart.createCategoryAxis(AxisPosition.BOTTOM);
        hidden.setVisible(false);
        XDDFValueAxis rightAxis = chart.createValueAxis(AxisPosition.RIGHT);
        rightAxis.setTitle(right.name() + "（条）");
        countAxis(rightAxis, right.values());
        rightAxis.setCrosses(AxisCrosses.MAX);
        rightAxis.setCrossBetween(AxisCrossBetween.BETWEEN);
        hidden.crossAxis(rightAxis);
        rightAxis.crossAxis(hidden);
        XDDFLineChartData rightData = (XDDFLineChartData) chart.createData(ChartTypes.LINE, hidden, rightAxis);
        XDDFChartData.Series second = add(rightData, categories, right);
        // each chart group numbers its series from 0: the second line gets its own number, as Excel expects
        ((XDDFLineChartData.Series) second).getCTLineSer().getIdx().setVal(1);
        ((XDDFLineChartData.Series) second).getCTLineSer().getOrder().setVal(1);
        line(second, right.colour(), STDLblPos.R);
        chart.plot(rightData);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        return chart;
    }

    private static XSSFChart chart(Sheet sheet, Place place, String title) {
        XSSFSheet xssf = ((SXSSFSheet) sheet).getWorkbook().getXSSFWorkbook().getSheet(sheet.getSheetName());
        XSSFDrawing drawing = xssf.createDrawingPatriarch();
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, place.column(), place.row(),
                place.toColumn(), place.toRow()));
        chart.getCTChartSpace().addNewRoundedCorners().setVal(false);
        textSize(chart.getCTChartSpace().addNewTxPr());
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getTitle().getBody().getParagraph(0).getTextRuns()
                .forEach(run -> {
                    run.setFontSize(TITLE_POINTS);
                    run.setBold(true);
                });
        chart.displayBlanksAs(DisplayBlanks.GAP);
        return chart;
    }

    private static XDDFChartData.Series add(XDDFChartData data, Categories categories, Series series) {
        XDDFChartData.Series added = data.addSeries(categories.source(),
                XDDFDataSourcesFactory.fromArray(series.values(), series.cells().reference()));
        added.setTitle(series.name(), series.cells().header());
        if (!(data instanceof XDDFPieChartData)) {
            added.setFillProperties(series.colour().fill());
        }
        return added;
    }

    private static void line(XDDFChartData.Series series, Colour colour, STDLblPos.Enum labelPosition) {
        XDDFLineChartData.Series line = (XDDFLineChartData.Series) series;
        line.setSmooth(false);
        XDDFLineProperties stroke = new XDDFLineProperties(colour.fill());
        stroke.setWidth(2.25);
        XDDFShapeProperties shape = new XDDFShapeProperties();
        shape.setLineProperties(stroke);
        line.setShapeProperties(shape);
        line.setMarkerStyle(MarkerStyle.CIRCLE);
        XDDFShapeProperties marker = new XDDFShapeProperties(line.getCTLineSer().getMarker().addNewSpPr());
        marker.setFillProperties(colour.fill());
        marker.setLineProperties(new XDDFLineProperties(colour.fill()));
        labels(line.getCTLineSer().addNewDLbls(), labelPosition, "0", false);
    }

    /** An axis of whole counts from 0, its steps whole numbers even when every count is 0 or 1. */
    private static void countAxis(XDDFValueAxis axis, Number[] values) {
        double max = 0;
        for (Number value : values) {
            max = Math.max(max, value.doubleValue());
        }
        axis.setMinimum(0);
        axis.setMajorUnit(Math.max(1, Math.ceil(max / 5)));
        axis.setNumberFormat("0");
    }

    /** Every flag of a data label set, as Excel requires them all: values, and for a pie its category too. */
    private static void labels(CTDLbls labels, STDLblPos.Enum position, String format, boolean pie) {
        if (format != null) {
            labels.addNewNumFmt().setFormatCode(format);
            labels.getNumFmt().setSourceLinked(false);
        }
        textSize(labels.addNewTxPr());
        labels.addNewDLblPos().setVal(position);
        labels.addNewShowLegendKey().setVal(false);
        labels.addNewShowVal().setVal(true);
        labels.addNewShowCatName().setVal(pie);
        labels.addNewShowSerName().setVal(false);
        labels.addNewShowPercent().setVal(false);
        labels.addNewShowBubbleSize().setVal(false);
        if (pie) {
            labels.setSeparator("\n");
            labels.addNewShowLeaderLines().setVal(true);
        }
    }

    /**
     * Labels every category, as a leader looks for each unit by name: left alone, Excel and
     * LibreOffice drop every other label when they are close. Written as XML: POI's schema
     * subset has no type for c:tickLblSkip.
     */
    private static void labelEveryCategory(XSSFChart chart, XDDFCategoryAxis axis) {
        for (CTCatAx ctAxis : chart.getCTChart().getPlotArea().getCatAxList()) {
            if (ctAxis.getAxId().getVal() == axis.getId()) {
                try (XmlCursor cursor = ctAxis.newCursor()) {
                    String namespace = CTCatAx.type.getName().getNamespaceURI();
                    if (!cursor.toChild(namespace, "noMultiLvlLbl") && !cursor.toChild(namespace, "extLst")) {
                        cursor.toEndToken();
                    }
                    cursor.beginElement("tickLblSkip", namespace);
                    cursor.insertAttributeWithValue("val", "1");
                }
            }
        }
    }

    private static void textSize(CTTextBody body) {
        body.addNewBodyPr();
        body.addNewLstStyle();
        body.addNewP().addNewPPr().addNewDefRPr().setSz(TEXT_HUNDREDTHS);
    }
}
