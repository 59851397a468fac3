package io.rectify.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.util.XMLHelper;
import org.junit.jupiter.api.Test;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/** The sheets' XML scanner gives a handler what the JDK's parser gives, and refuses what it refuses. */
class XmlScannerTest {

    private static final String SHEET = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r
            <!-- written by hand -->
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x14ac="urn:x14ac">\r
            <?mso-application progid="Excel.Sheet"?>
            <sheetData><row r="1" x14ac:dyDescent="0.25"><c r='A1' t="inlineStr"><is><t xml:space="preserve"> a &lt;b&gt; &amp; "c" &#x4E2D;&#25991; 😀\r
            line</t></is></c><c r="B1" s="3"><v>12.5</v></c><c r="C1" t="str"><f>A1&amp;"&#10;"</f><v><![CDATA[<raw> & ]]>tail</v></c></row>\
            <row r="2"><c r="A2" t="s"/><c r="B2" t="inlineStr"><is><t>整改&apos;措施&quot;</t><rPh><t>phonetic</t></rPh></is></c></row></sheetData>\
            <mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells></worksheet>
            """;

    @Test
    void aSheetGivesTheSameEventsAsTheJdkParser() throws Exception {
        assertThat(scanned(SHEET.getBytes(StandardCharsets.UTF_8))).isEqualTo(parsed(SHEET.getBytes(StandardCharsets.UTF_8)))
                .contains("start c r=A1 t=inlineStr", "text  a <b> & \"c\" 中文 😀\nline", "text <raw> & tail", "text 整改'措施\"");
    }

    @Test
    void aSheetInAnotherEncodingIsGivenToTheJdkParser() throws Exception {
        String utf16 = SHEET.replace("UTF-8", "UTF-16");
        byte[] bytes = utf16.getBytes(Charset.forName("UTF-16"));

        assertThat(scanned(bytes)).isEqualTo(parsed(bytes)).contains("text 整改'措施\"");
    }

    @Test
    void xmlThatIsNotWellFormedIsRefusedAsTheJdkParserRefusesIt() {
        List<String> malformed = List.of(
                "<worksheet><sheetData></worksheet>",
                "<worksheet><c r=\"A1\"><v>1</v></c>",
                "<worksheet><v>&nbsp;</v></worksheet>",
                "<worksheet><c r=\"<A1\"/></worksheet>",
                "<worksheet><c r=A1/></worksheet>",
                "<worksheet><c r=\"A1\" r=\"B1\"/></worksheet>",
                "<worksheet/><worksheet/>",
                "<worksheet/>text",
                "text<worksheet/>",
                "<worksheet><v>\u0001</v></worksheet>",
                "<worksheet><v>&#0;</v></worksheet>",
                "<worksheet><v>]]></v></worksheet>",
                "<worksheet><v>1</v ></worksheet",
                "<!DOCTYPE worksheet [<!ENTITY a \"b\">]><worksheet>&a;</worksheet>",
                "");
        for (String xml : malformed) {
            byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> parsed(bytes)).as("the JDK refuses %s", xml).isInstanceOf(SAXParseException.class);
            assertThatThrownBy(() -> scanned(bytes)).as("refused: %s", xml).isInstanceOf(SAXParseException.class);
        }
    }

    @Test
    void aDocumentTypeIsRefusedNamingIt() {
        byte[] bytes = "<!DOCTYPE worksheet [<!ENTITY a SYSTEM \"file:///etc/passwd\">]><worksheet>&a;</worksheet>"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> scanned(bytes)).isInstanceOf(SAXParseException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedAsTheJdkParserRefusesThem() {
        for (byte[] bytes : List.of(new byte[] {'<', 'a', '>', (byte) 0xC3, '(', '<', '/', 'a', '>'},
                new byte[] {'<', 'a', '>', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '<', '/', 'a', '>'},
                new byte[] {'<', 'a', ' ', 'b', '=', '"', (byte) 0xFF, '"', '/', '>'})) {
            assertThatThrownBy(() -> parsed(bytes)).isInstanceOf(SAXParseException.class);
            assertThatThrownBy(() -> scanned(bytes)).isInstanceOf(SAXParseException.class);
        }
    }

    @Test
    void aLongTextAndALongTagAcrossBufferBoundariesReadWhole() throws Exception {
        String text = "整改".repeat(70_000) + "&amp;";
        String attribute = "v".repeat(200_000);
        byte[] bytes = ("<worksheet><c r=\"" + attribute + "\"><v>" + text + "</v></c></worksheet>").getBytes(StandardCharsets.UTF_8);

        assertThat(scanned(bytes)).isEqualTo(parsed(bytes)).contains("text " + "整改".repeat(70_000) + "&");
    }

    private static List<String> scanned(byte[] xml) throws Exception {
        Trace trace = new Trace();
        XmlScanner.parse(new ByteArrayInputStream(xml), trace, XMLHelper.newXMLReader());
        return trace.events();
    }

    private static List<String> parsed(byte[] xml) throws Exception {
        Trace trace = new Trace();
        XMLReader reader = XMLHelper.newXMLReader();
        reader.setContentHandler(trace);
        reader.parse(new InputSource(new ByteArrayInputStream(xml)));
        return trace.events();
    }

    /** Elements by local name with their attributes (namespace declarations left out), texts joined. */
    private static final class Trace extends DefaultHandler {

        private final List<String> events = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            flush();
            StringBuilder event = new StringBuilder("start ").append(local(localName, qName));
            for (int i = 0; i < attributes.getLength(); i++) {
                if (!attributes.getQName(i).startsWith("xmlns")) {
                    event.append(' ').append(attributes.getQName(i)).append('=').append(attributes.getValue(i));
                }
            }
            events.add(event.toString());
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            flush();
            events.add("end " + local(localName, qName));
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        private void flush() {
            if (!text.isEmpty()) {
                events.add("text " + text);
                text.setLength(0);
            }
        }

        List<String> events() {
            flush();
            return events;
        }

        private static String local(String localName, String qName) {
            return localName.isEmpty() ? qName.substring(qName.indexOf(':') + 1) : localName;
        }
    }
}
