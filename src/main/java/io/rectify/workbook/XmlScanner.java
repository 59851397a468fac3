package io.rectify.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Parses the large parts of a workbook (its sheets, the shared strings) in UTF-8, as Excel and every
 * other writer saves them, for a SAX {@link ContentHandler}: the JDK's parser spends most of a big
 * sheet's reading time in its general machinery (symbol tables, namespace binding, a String per
 * attribute), which a worksheet's plain XML does not need. It checks what makes XML well-formed
 * (matching tags, one root, quoted attributes without {@code <}, the five predefined entities and
 * character references only, no control characters, valid UTF-8) and refuses any document type
 * declaration, so nothing is ever expanded or fetched. Element and attribute names are given as
 * written ({@code localName} without its prefix, {@code uri} empty): the handlers look at local
 * names. A part in another encoding is given to the JDK's parser.
 */
final class XmlScanner {

    private static final int BUFFER_BYTES = 64 * 1024;
    private static final int TEXT_CHUNK = 8 * 1024;

    private final InputStream in;
    private final ContentHandler handler;
    private byte[] buf = new byte[BUFFER_BYTES];
    private int pos;
    private int limit;
    private boolean eof;
    private char[] chars = new char[TEXT_CHUNK + 4];
    private int length;
    private final Names names = new Names();
    private final ScannedAttributes attributes = new ScannedAttributes();
    /** The open elements, innermost last. */
    private String[] open = new String[16];
    private int depth;
    private boolean rootSeen;

    private XmlScanner(InputStream in, ContentHandler handler) {
        this.in = in;
        this.handler = handler;
    }

    /**
     * Parses a part to its end, or until the handler throws.
     *
     * @param fallback the parser for a part that is not in UTF-8
     * @throws SAXParseException when the part is not well-formed XML, or declares a document type
     */
    static void parse(InputStream in, ContentHandler handler, XMLReader fallback) throws IOException, SAXException {
        XmlScanner scanner = new XmlScanner(in, handler);
        if (!scanner.utf8()) {
            fallback.setContentHandler(handler);
            fallback.parse(new InputSource(new SequenceInputStream(new ByteArrayInputStream(scanner.buf, 0, scanner.limit), in)));
            return;
        }
        scanner.document();
    }

    /** Whether the part is UTF-8: no UTF-16 byte order mark or zero byte first, no other encoding declared. */
    private boolean utf8() throws IOException {
        ensure(256);
        if (limit >= 2 && (buf[0] == (byte) 0xFE && buf[1] == (byte) 0xFF || buf[0] == (byte) 0xFF && buf[1] == (byte) 0xFE
                || buf[0] == 0 || buf[1] == 0)) {
            return false;
        }
        if (limit >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
            pos = 3;
        }
        if (!startsWith("<?xml")) {
            return true;
        }
        int end = indexOf("?>", pos);
        String declaration = new String(buf, pos, (end < 0 ? limit : end) - pos, StandardCharsets.ISO_8859_1);
        int at = declaration.indexOf("encoding");
        if (at < 0) {
            return true;
        }
        String rest = declaration.substring(at + "encoding".length()).stripLeading();
        if (!rest.startsWith("=")) {
            return false;
        }
        rest = rest.substring(1).stripLeading();
        if (rest.isEmpty() || rest.charAt(0) != '"' && rest.charAt(0) != '\'') {
            return false;
        }
        int close = rest.indexOf(rest.charAt(0), 1);
        String encoding = close < 0 ? "" : rest.substring(1, close);
        return encoding.equalsIgnoreCase("UTF-8") || encoding.equalsIgnoreCase("UTF8");
    }

    private void document() throws IOException, SAXException {
        handler.startDocument();
        while (pos < limit || fill()) {
            if (buf[pos] == '<') {
                markup();
            } else {
                text();
            }
        }
        if (!rootSeen) {
            throw malformed("Premature end of file.");
        }
        if (depth > 0) {
            throw malformed("XML document structures must start and end within the same entity.");
        }
        handler.endDocument();
    }

    private void markup() throws IOException, SAXException {
        ensureAt(2);
        byte next = pos + 1 < limit ? buf[pos + 1] : 0;
        if (next == '/') {
            endTag();
        } else if (next == '?') {
            skipPast("?>", 2);
        } else if (next == '!') {
            if (startsWith("<!--")) {
                skipPast("-->", 4);
            } else if (startsWith("<![CDATA[")) {
                cdata();
            } else if (startsWith("<!DOCTYPE")) {
                throw malformed("DOCTYPE is disallowed: a workbook's XML never declares a document type.");
            } else {
                throw malformed("The markup in the document is not well-formed.");
            }
        } else {
            startTag();
        }
    }

    private void startTag() throws IOException, SAXException {
        if (depth == 0 && rootSeen) {
            throw malformed("The markup in the document following the root element must be well-formed.");
        }
        int end = tagEnd();
        int p = pos + 1;
        int nameEnd = nameEnd(p, end);
        String qName = names.get(buf, p, nameEnd);
        attributes.clear();
        p = nameEnd;
        boolean empty = false;
        while (true) {
            int spaced = p;
            p = skipSpace(p, end);
            if (p == end) {
                break;
            }
            if (buf[p] == '/') {
                if (p + 1 != end) {
                    throw malformed("Element type \"" + qName + "\" must be followed by either attribute specifications, \">\" or \"/>\".");
                }
                empty = true;
                break;
            }
            if (p == spaced) {
                throw malformed("Element type \"" + qName + "\" must be followed by either attribute specifications, \">\" or \"/>\".");
            }
            int attributeEnd = nameEnd(p, end);
            String attribute = names.get(buf, p, attributeEnd);
            p = skipSpace(attributeEnd, end);
            if (p == end || buf[p] != '=') {
                throw malformed("Attribute name \"" + attribute + "\" associated with an element type \"" + qName
                        + "\" must be followed by the ' = ' character.");
            }
            p = skipSpace(p + 1, end);
            byte quote = p < end ? buf[p] : 0;
            if (quote != '"' && quote != '\'') {
                throw malformed("Open quote is expected for attribute \"" + attribute + "\" associated with an element type \"" + qName + "\".");
            }
            int valueStart = p + 1;
            int valueEnd = valueStart;
            while (valueEnd < end && buf[valueEnd] != quote) {
                if (buf[valueEnd] == '<') {
                    throw malformed("The value of attribute \"" + attribute + "\" associated with an element type \"" + qName
                            + "\" must not contain the '<' character.");
                }
                valueEnd++;
            }
            if (valueEnd == end) {
                throw malformed("The markup in the document is not well-formed.");
            }
            if (attributes.index(attribute) >= 0) {
                throw malformed("Attribute \"" + attribute + "\" was already specified for element \"" + qName + "\".");
            }
            attributes.add(attribute, attributeValue(valueStart, valueEnd));
            p = valueEnd + 1;
        }
        pos = end + 1;
        rootSeen = true;
        String local = local(qName);
        handler.startElement("", local, qName, attributes);
        if (empty) {
            handler.endElement("", local, qName);
        } else {
            if (depth == open.length) {
                open = Arrays.copyOf(open, depth * 2);
            }
            open[depth++] = qName;
        }
    }

    private void endTag() throws IOException, SAXException {
        int end = tagEnd();
        int p = pos + 2;
        int nameEnd = nameEnd(p, end);
        String qName = names.get(buf, p, nameEnd);
        if (skipSpace(nameEnd, end) != end) {
            throw malformed("The end-tag for element type \"" + qName + "\" must end with a '>' delimiter.");
        }
        if (depth == 0 || !open[depth - 1].equals(qName)) {
            throw malformed("The element type \"" + (depth == 0 ? qName : open[depth - 1])
                    + "\" must be terminated by the matching end-tag \"</" + (depth == 0 ? qName : open[depth - 1]) + ">\".");
        }
        depth--;
        pos = end + 1;
        handler.endElement("", local(qName), qName);
    }

    /** Character data up to the next markup, entities decoded and line ends normalised, given in chunks. */
    private void text() throws IOException, SAXException {
        length = 0;
        while (pos < limit || fill()) {
            int b = buf[pos];
            if (b == '<') {
                break;
            }
            if (b == '&') {
                ensureAt(12);
                appendCodePoint(reference());
            } else if (b == ']' && startsWith("]]>")) {
                throw malformed("The character sequence \"]]>\" must not appear in content unless used to mark the end of a CDATA section.");
            } else {
                character(b);
            }
            if (length >= TEXT_CHUNK) {
                characters();
            }
        }
        characters();
    }

    private void characters() throws SAXException {
        if (length == 0) {
            return;
        }
        if (depth == 0) {
            for (int i = 0; i < length; i++) {
                if (chars[i] != ' ' && chars[i] != '\n' && chars[i] != '\t') {
                    throw malformed(rootSeen ? "Content is not allowed in trailing section." : "Content is not allowed in prolog.");
                }
            }
        } else {
            handler.characters(chars, 0, length);
        }
        length = 0;
    }

    private void cdata() throws IOException, SAXException {
        if (depth == 0) {
            throw malformed("The markup in the document is not well-formed.");
        }
        pos += "<![CDATA[".length();
        length = 0;
        while (true) {
            if (pos >= limit && !fill()) {
                throw malformed("The CDATA section must end with \"]]>\".");
            }
            int b = buf[pos];
            if (b == ']' && startsWith("]]>")) {
                pos += 3;
                break;
            }
            character(b);
            if (length >= TEXT_CHUNK) {
                characters();
            }
        }
        characters();
    }

    /** Takes the character that starts with byte {@code b} at {@code pos}, a line end as '\n'. */
    private void character(int b) throws IOException, SAXParseException {
        if (b >= 0x20 || b == '\n' || b == '\t') {
            chars[length++] = (char) b;
            pos++;
        } else if (b == '\r') {
            pos++;
            if ((pos < limit || fill()) && buf[pos] == '\n') {
                pos++;
            }
            chars[length++] = '\n';
        } else if (b < 0) {
            appendCodePoint(multiByte());
        } else {
            throw malformed(invalidCharacter(b));
        }
    }

    /** An attribute's value: entities decoded, white space normalised to spaces as XML prescribes. */
    private String attributeValue(int start, int end) throws IOException, SAXParseException {
        boolean plain = true;
        for (int i = start; i < end && plain; i++) {
            int b = buf[i];
            plain = b >= 0x20 && b != '&';
        }
        if (plain) {
            return new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
        }
        StringBuilder value = new StringBuilder(end - start);
        int saved = pos;
        pos = start;
        while (pos < end) {
            int b = buf[pos];
            if (b == '&') {
                value.appendCodePoint(reference());
            } else if (b == '\r') {
                pos += pos + 1 < end && buf[pos + 1] == '\n' ? 2 : 1;
                value.append(' ');
            } else if (b == '\n' || b == '\t') {
                pos++;
                value.append(' ');
            } else if (b < 0) {
                value.appendCodePoint(multiByte());
            } else if (b < 0x20) {
                throw malformed(invalidCharacter(b));
            } else {
                value.append((char) b);
                pos++;
            }
        }
        pos = saved;
        return value.toString();
    }

    /** The character of the entity or character reference at {@code pos}, which it passes. */
    private int reference() throws SAXParseException {
        int semicolon = -1;
        for (int i = pos + 1; i < Math.min(limit, pos + 12); i++) {
            if (buf[i] == ';') {
                semicolon = i;
                break;
            }
        }
        if (semicolon < 0) {
            throw malformed("The entity name must immediately follow the '&' in the entity reference.");
        }
        String name = new String(buf, pos + 1, semicolon - pos - 1, StandardCharsets.ISO_8859_1);
        pos = semicolon + 1;
        int c = switch (name) {
            case "lt" -> '<';
            case "gt" -> '>';
            case "amp" -> '&';
            case "quot" -> '"';
            case "apos" -> '\'';
            default -> name.startsWith("#") ? characterReference(name) : -1;
        };
        if (c < 0) {
            throw malformed("The entity \"" + name + "\" was referenced, but not declared.");
        }
        return c;
    }

    private int characterReference(String name) throws SAXParseException {
        int c;
        try {
            c = name.startsWith("#x") ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
        } catch (NumberFormatException e) {
            throw malformed("A character reference must end with the ';' delimiter.");
        }
        if (!xmlCharacter(c) || name.contains("+") || name.contains("-")) {
            throw malformed("Character reference \"&" + name + "\" is an invalid XML character.");
        }
        return c;
    }

    private static boolean xmlCharacter(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }

    /** The character of the UTF-8 sequence at {@code pos}, which it passes. */
    private int multiByte() throws IOException, SAXParseException {
        int lead = buf[pos] & 0xFF;
        int count = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
        if (count == 0) {
            throw malformed("Invalid byte 1 of UTF-8 sequence.");
        }
        ensureAt(count);
        if (pos + count > limit) {
            throw malformed("Invalid byte 2 of " + count + "-byte UTF-8 sequence.");
        }
        int c = lead & (0xFF >> (count + 1));
        for (int i = 1; i < count; i++) {
            int b = buf[pos + i] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                throw malformed("Invalid byte " + (i + 1) + " of " + count + "-byte UTF-8 sequence.");
            }
            c = c << 6 | b & 0x3F;
        }
        if (count == 3 && (c < 0x800 || c >= 0xD800 && c <= 0xDFFF) || count == 4 && (c < 0x10000 || c > 0x10FFFF)) {
            throw malformed("Invalid byte 2 of " + count + "-byte UTF-8 sequence.");
        }
        if (!xmlCharacter(c)) {
            throw malformed(invalidCharacter(c));
        }
        pos += count;
        return c;
    }

    private void appendCodePoint(int c) {
        if (c < 0x10000) {
            chars[length++] = (char) c;
        } else {
            chars[length++] = Character.highSurrogate(c);
            chars[length++] = Character.lowSurrogate(c);
        }
    }

    /** Index of the {@code >} that ends the tag at {@code pos}, the whole tag then in the buffer. */
    private int tagEnd() throws IOException, SAXParseException {
        int i = pos + 1;
        byte quote = 0;
        while (true) {
            if (i >= limit) {
                int offset = i - pos;
                if (!fill()) {
                    throw malformed("XML document structures must start and end within the same entity.");
                }
                i = pos + offset;
                continue;
            }
            byte b = buf[i];
            if (quote != 0) {
                if (b == quote) {
                    quote = 0;
                }
            } else if (b == '"' || b == '\'') {
                quote = b;
            } else if (b == '>') {
                return i;
            } else if (b == '<') {
                throw malformed("The markup in the document is not well-formed.");
            }
            i++;
        }
    }

    private int nameEnd(int p, int end) throws SAXParseException {
        if (p >= end || !nameStart(buf[p])) {
            throw malformed("The markup in the document is not well-formed.");
        }
        int i = p + 1;
        while (i < end && nameCharacter(buf[i])) {
            i++;
        }
        return i;
    }

    private static boolean nameStart(byte b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '_' || b == ':' || b < 0;
    }

    private static boolean nameCharacter(byte b) {
        return nameStart(b) || b >= '0' && b <= '9' || b == '-' || b == '.';
    }

    private int skipSpace(int p, int end) {
        while (p < end && (buf[p] == ' ' || buf[p] == '\n' || buf[p] == '\t' || buf[p] == '\r')) {
            p++;
        }
        return p;
    }

    /** Passes a comment or processing instruction: everything up to and including {@code end}. */
    private void skipPast(String end, int opening) throws IOException, SAXParseException {
        pos += opening;
        while (true) {
            int at = indexOf(end, pos);
            if (at >= 0) {
                pos = at + end.length();
                return;
            }
            // keep the last bytes, which may begin the end marker
            pos = Math.max(pos, limit - end.length() + 1);
            if (!fill()) {
                throw malformed("XML document structures must start and end within the same entity.");
            }
        }
    }

    private int indexOf(String text, int from) {
        outer:
        for (int i = from; i + text.length() <= limit; i++) {
            for (int j = 0; j < text.length(); j++) {
                if (buf[i + j] != text.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private boolean startsWith(String text) throws IOException {
        ensureAt(text.length());
        if (pos + text.length() > limit) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (buf[pos + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Reads until {@code n} bytes are in the buffer from the start (or the stream ends). */
    private void ensure(int n) throws IOException {
        while (limit < n && !eof) {
            int read = in.read(buf, limit, buf.length - limit);
            if (read < 0) {
                eof = true;
            } else {
                limit += read;
            }
        }
    }

    /** Makes {@code n} bytes from {@code pos} available when the stream has them. */
    private void ensureAt(int n) throws IOException {
        while (pos + n > limit && fill()) {
            // filled
        }
    }

    /** Reads more, keeping the bytes from {@code pos} on (the buffer grows for a tag longer than it); false at the end. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int kept = limit - pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, kept);
        } else if (kept == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        pos = 0;
        limit = kept;
        int read = in.read(buf, limit, buf.length - limit);
        if (read < 0) {
            eof = true;
            return false;
        }
        limit += read;
        return true;
    }

    private static String local(String qName) {
        int colon = qName.indexOf(':');
        return colon < 0 ? qName : qName.substring(colon + 1);
    }

    private static String invalidCharacter(int c) {
        return "An invalid XML character (Unicode: 0x" + Integer.toHexString(c) + ") was found in the element content of the document.";
    }

    private static SAXParseException malformed(String message) {
        return new SAXParseException(message, null);
    }

    /** Element and attribute names, one String per distinct name: a sheet repeats a handful of them. */
    private static final class Names {

        private static final int SLOTS = 512;
        private final byte[][] bytes = new byte[SLOTS][];
        private final String[] strings = new String[SLOTS];

        String get(byte[] buf, int start, int end) throws SAXParseException {
            int hash = 0;
            for (int i = start; i < end; i++) {
                hash = 31 * hash + buf[i];
            }
            for (int probe = 0; probe < 8; probe++) {
                int slot = (hash + probe) & (SLOTS - 1);
                byte[] known = bytes[slot];
                if (known == null) {
                    // interned: the handlers' literals ("r", "t", "s") then find an attribute by identity
                    String name = decoded(buf, start, end).intern();
                    bytes[slot] = Arrays.copyOfRange(buf, start, end);
                    strings[slot] = name;
                    return name;
                }
                if (Arrays.equals(known, 0, known.length, buf, start, end)) {
                    return strings[slot];
                }
            }
            return decoded(buf, start, end);
        }

        private static String decoded(byte[] buf, int start, int end) throws SAXParseException {
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(buf, start, end - start)).toString();
            } catch (CharacterCodingException e) {
                throw malformed("Invalid UTF-8 sequence in a name.");
            }
        }
    }

    /** The attributes of the element just started, as SAX gives them (type CDATA, no namespace). */
    private static final class ScannedAttributes implements Attributes {

        private String[] names = new String[8];
        private String[] values = new String[8];
        private int count;

        void clear() {
            count = 0;
        }

        void add(String name, String value) {
            if (count == names.length) {
                names = Arrays.copyOf(names, count * 2);
                values = Arrays.copyOf(values, count * 2);
            }
            names[count] = name;
            values[count++] = value;
        }

        int index(String qName) {
            for (int i = 0; i < count; i++) {
                if (names[i] == qName) {
                    return i;
                }
            }
            for (int i = 0; i < count; i++) {
                if (names[i].equals(qName)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public int getLength() {
            return count;
        }

        @Override
        public String getURI(int index) {
            return index >= 0 && index < count ? "" : null;
        }

        @Override
        public String getLocalName(int index) {
            return index >= 0 && index < count ? local(names[index]) : null;
        }

        @Override
        public String getQName(int index) {
            return index >= 0 && index < count ? names[index] : null;
        }

        @Override
        public String getType(int index) {
            return index >= 0 && index < count ? "CDATA" : null;
        }

        @Override
        public String getValue(int index) {
            return index >= 0 && index < count ? values[index] : null;
        }

        @Override
        public int getIndex(String uri, String localName) {
            for (int i = 0; i < count; i++) {
                if (uri.isEmpty() && local(names[i]).equals(localName)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public int getIndex(String qName) {
            return index(qName);
        }

        @Override
        public String getType(String uri, String localName) {
            return getType(getIndex(uri, localName));
        }

        @Override
        public String getType(String qName) {
            return getType(index(qName));
        }

        @Override
        public String getValue(String uri, String localName) {
            return getValue(getIndex(uri, localName));
        }

        @Override
        public String getValue(String qName) {
            return getValue(index(qName));
        }
    }
}
