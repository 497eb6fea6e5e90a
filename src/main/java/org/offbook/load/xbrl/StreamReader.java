package org.offbook.load.xbrl;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.offbook.model.Provenance;
import org.offbook.model.LoadError;

/**
 * One read of one file: a single pass with a StAX cursor. Contexts and units are kept in maps,
 * facts as they close; text is collected only inside open facts and continuations, each bounded.
 * References (contexts, units, continuations) are resolved at the end, since filers put facts
 * before the resources they name (ix:hidden precedes ix:resources in ix:header).
 */
final class StreamReader {

    static final String IX = Sniffer.IX_2013;
    static final String XBRLI = Sniffer.XBRLI;
    static final String XBRLDI = "http://xbrl.org/2006/xbrldi";
    static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    static final String LINK = "http://www.xbrl.org/2003/linkbase";
    static final String XHTML = "http://www.w3.org/1999/xhtml";

    private static final XMLInputFactory FACTORY = factory();
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "tr", "td", "th", "li", "ul", "ol", "table", "h1", "h2",
            "h3", "h4", "h5", "h6", "hr", "dd", "dt", "section", "thead", "tbody", "caption", "blockquote");

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory(); // the JDK's own, whatever else is on the class path
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external reference '" + systemId + "' not fetched");
        });
        trySet(f, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        trySet(f, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }

    private static void trySet(XMLInputFactory f, String property, Object value) {
        try {
            f.setProperty(property, value);
        } catch (IllegalArgumentException e) {
            // a StAX implementation without the property: external access is refused by the resolver above
        }
    }

    /** Stops the read: a limit was hit or the document is broken; the message is already recorded. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    /** The uncompressed byte limit, hit while reading. */
    private static final class TooLarge extends IOException {
        TooLarge() {
            super("file too large");
        }
    }

    private record Ctx(String entity, LocalDate start, LocalDate end, SortedMap<String, XbrlFact.Member> dims) {
    }

    private record Unit(String text, List<String> num, List<String> den) {
    }

    /** Text being collected for an open fact or continuation. */
    private final class Collector {
        final int depth;
        final int excludeLevel;
        final boolean textual; // nonNumeric or continuation: markup boundaries become spaces
        final StringBuilder text = new StringBuilder();
        boolean truncated;
        Raw fact; // null for a continuation
        String continuationId;
        String continuedAt;
        int line;

        Collector(int depth, int excludeLevel, boolean textual) {
            this.depth = depth;
            this.excludeLevel = excludeLevel;
            this.textual = textual;
        }

        void append(char[] chars, int start, int length) {
            int room = limits.maxTextChars() - text.length();
            if (length > room) {
                if (room > 0) {
                    text.append(chars, start, room);
                }
                truncated = true;
            } else {
                text.append(chars, start, length);
            }
        }

        void space() {
            if (text.length() < limits.maxTextChars() && text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
                text.append(' ');
            }
        }
    }

    /** A fact as tagged, before its references are resolved. */
    private static final class Raw {
        int seq;
        String ns;
        String local;
        String prefix;
        String contextRef;
        String unitRef;
        String decimals;
        String precision;
        String scale;
        boolean negative;
        String formatNs;
        String formatLocal;
        String format;
        boolean nil;
        boolean hidden;
        boolean numeric;
        String text;
        boolean truncated;
        String continuedAt;
        String id;
        int line;
        int column;
    }

    private record Continuation(String text, boolean truncated, String continuedAt, int line) {
    }

    private final String name;
    private final Limits limits;
    private final List<LoadError> problems = new ArrayList<>();
    private int unlisted;
    private int tagged;
    private int seq;
    private XbrlDocument.Kind kind;
    private final Map<String, Ctx> contexts = new HashMap<>();
    private final Map<String, Unit> units = new HashMap<>();
    private final List<Raw> raws = new ArrayList<>();
    private final Map<String, Continuation> continuations = new HashMap<>();
    private final Deque<Collector> open = new ArrayDeque<>();
    private int depth;
    private int hiddenDepth = -1;
    private int excludeLevel;
    private XMLStreamReader r;
    /** Set when the input has been read to its end: an XML error then means the file ends too early. */
    private boolean inputEnded;
    /** An error of the input stream itself (damaged gzip data), which the XML parser may report as a mere end of file. */
    private IOException inputError;

    StreamReader(String name, Limits limits) {
        this.name = name;
        this.limits = limits;
    }

    XbrlDocument read(Path file) {
        boolean complete = false;
        try {
            complete = parse(file);
        } catch (Stop stop) {
            complete = false;
        }
        List<XbrlFact> facts = resolve(complete);
        if (unlisted > 0) {
            problems.add(LoadError.of(name, 0, null, unlisted + " more problems not listed (at most " + limits.maxErrors()
                    + " are listed per file)"));
        }
        XbrlDocument.Kind k = kind != null ? kind : Sniffer.byName(name);
        return new XbrlDocument(name, k, dei(facts), List.copyOf(facts), List.copyOf(problems), tagged, complete);
    }

    // ---------------------------------------------------------------- problems

    private void problem(int line, int column, String field, String message) {
        if (problems.size() < limits.maxErrors()) {
            problems.add(new LoadError(name, line, column, printable(field), printable(message)));
        } else {
            unlisted++;
        }
    }

    /** A problem that ends the read. */
    private Stop fatal(int line, int column, String message) {
        // a fatal problem is always listed, even past the cap
        problems.add(new LoadError(name, line, column, null, printable(message)));
        return new Stop();
    }

    /** Text from the document in a message: control characters as escapes, so a problem stays one printable line. */
    private static String printable(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                if (sb == null) {
                    sb = new StringBuilder(s.substring(0, i));
                }
                sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        String out = sb == null ? s : sb.toString();
        return out.length() > 500 ? out.substring(0, 497) + "..." : out;
    }

    private int line() {
        if (r == null) {
            return 0; // the parser could not even start (a broken prolog or encoding)
        }
        Location l = r.getLocation();
        return l == null ? 0 : Math.max(0, l.getLineNumber());
    }

    private int column() {
        if (r == null) {
            return 0;
        }
        Location l = r.getLocation();
        return l == null ? 0 : Math.max(0, l.getColumnNumber());
    }

    // ---------------------------------------------------------------- input

    private InputStream open(Path file) throws IOException {
        boolean gz = Sniffer.gzName(file.getFileName().toString());
        if (!gz) {
            long size = Files.size(file);
            if (size > limits.maxFileBytes()) {
                throw fatal(0, 0, "file is " + mib(size) + "; the limit is " + mib(limits.maxFileBytes()) + "; file not read");
            }
        }
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (gz) {
            in.mark(2);
            int b1 = in.read();
            int b2 = in.read();
            in.reset();
            if (b1 != 0x1f || b2 != 0x8b) {
                in.close();
                throw fatal(0, 0, "named .gz but is not gzip-compressed (no gzip header); file not read");
            }
            in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        long max = limits.maxFileBytes();
        return new FilterInputStream(in) {
            long count;

            @Override
            public int read() throws IOException {
                int b = guarded(() -> super.read());
                if (b < 0) {
                    inputEnded = true;
                }
                if (b >= 0 && ++count > max) {
                    throw new TooLarge();
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = guarded(() -> super.read(b, off, len));
                if (n < 0) {
                    inputEnded = true;
                }
                if (n > 0) {
                    count += n;
                    if (count > max) {
                        throw new TooLarge();
                    }
                }
                return n;
            }
        };
    }

    private interface Read {
        int read() throws IOException;
    }

    private int guarded(Read read) throws IOException {
        try {
            return read.read();
        } catch (TooLarge e) {
            throw e;
        } catch (IOException e) {
            inputError = e;
            throw e;
        }
    }

    private static String mib(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
    }

    /** Reads the whole file; true when it was read to its end without a problem that stopped it. */
    private boolean parse(Path file) {
        try (InputStream in = open(file)) {
            r = FACTORY.createXMLStreamReader(in);
            try {
                loop();
            } finally {
                r.close();
            }
            return true;
        } catch (XMLStreamException e) {
            throw broken(e);
        } catch (TooLarge e) {
            throw fatal(line(), 0, "file is larger than " + mib(limits.maxFileBytes()) + " uncompressed; the rest is not read");
        } catch (IOException e) {
            throw fatal(line(), 0, ioMessage(e));
        }
    }

    private Stop broken(XMLStreamException e) {
        Throwable cause = e.getNestedException() != null ? e.getNestedException() : e.getCause();
        if (cause instanceof TooLarge) {
            return fatal(line(), 0, "file is larger than " + mib(limits.maxFileBytes()) + " uncompressed; the rest is not read");
        }
        if (cause instanceof IOException io) {
            return fatal(line(), 0, ioMessage(io));
        }
        if (inputError != null) {
            return fatal(line(), 0, ioMessage(inputError));
        }
        Location l = e.getLocation();
        int line = l == null ? 0 : Math.max(0, l.getLineNumber());
        int col = l == null ? 0 : Math.max(0, l.getColumnNumber());
        String msg = e.getMessage() == null ? "not well-formed" : e.getMessage();
        // the JDK prefixes "ParseError at [row,col]:[l,c]\nMessage: "
        int m = msg.indexOf("Message: ");
        if (m >= 0) {
            msg = msg.substring(m + "Message: ".length());
        }
        msg = msg.strip();
        String lower = msg.toLowerCase(java.util.Locale.ROOT);
        String what = lower.contains("xml document structures must start and end") || lower.contains("premature end")
                || lower.contains("unexpected end") || inputEnded ? "truncated or not well-formed XML (the file ends inside an element): "
                : lower.contains("entity") ? "entity references are not expanded (no DOCTYPE entities are read): "
                : "not well-formed XML: ";
        return fatal(line, col, what + msg + "; the rest of the file is not read");
    }

    private static String ioMessage(IOException e) {
        if (e instanceof EOFException) {
            return "truncated file (the compressed data ends early); the rest is not read";
        }
        if (e instanceof ZipException) {
            return "damaged gzip data (" + e.getMessage() + "); the rest is not read";
        }
        return "cannot read: " + e.getMessage();
    }

    // ---------------------------------------------------------------- main loop

    private void loop() throws XMLStreamException {
        while (r.hasNext()) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> start();
                case XMLStreamConstants.END_ELEMENT -> end();
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text();
                case XMLStreamConstants.DTD -> dtd();
                case XMLStreamConstants.ENTITY_REFERENCE -> throw fatal(line(), column(),
                        "entity reference '&" + r.getLocalName() + ";' is not expanded (DOCTYPE entities are never read); the rest is not read");
                default -> {
                }
            }
        }
        if (kind == null) {
            throw fatal(0, 0, "neither an inline XBRL document nor an XBRL instance (root element not recognised)");
        }
    }

    private void dtd() {
        String text = r.getText() == null ? "" : r.getText();
        if (text.contains("[") || text.contains("SYSTEM") || text.contains("PUBLIC") || text.contains("ENTITY")) {
            throw fatal(line(), column(), "DOCTYPE with declarations or an external reference: refused (entities are never expanded "
                    + "and external references never fetched); file not read");
        }
    }

    private void start() throws XMLStreamException {
        depth++;
        if (depth > limits.maxDepth()) {
            throw fatal(line(), column(), "elements nested deeper than " + limits.maxDepth() + "; the rest of the file is not read");
        }
        String ns = r.getNamespaceURI();
        String local = r.getLocalName();
        if (depth == 1) {
            root(ns, local);
            return;
        }
        if (XBRLI.equals(ns)) {
            if (local.equals("context")) {
                context();
                return;
            }
            if (local.equals("unit")) {
                unit();
                return;
            }
        }
        if (kind == XbrlDocument.Kind.INLINE) {
            inlineStart(ns, local);
        } else {
            instanceStart(ns, local);
        }
    }

    private void root(String ns, String local) {
        if (local.equals("html")) {
            for (int i = 0; i < r.getNamespaceCount(); i++) {
                String uri = r.getNamespaceURI(i);
                if (IX.equals(uri)) {
                    kind = XbrlDocument.Kind.INLINE;
                } else if (Sniffer.IX_2008.equals(uri)) {
                    throw fatal(line(), column(), "inline XBRL 1.0 is not read (only inline XBRL 1.1, the SEC's format since 2019)");
                }
            }
        } else if (local.equals("xbrl") && XBRLI.equals(ns)) {
            kind = XbrlDocument.Kind.INSTANCE;
        }
        if (kind == null) {
            throw fatal(line(), column(), "neither an inline XBRL document nor an XBRL instance (root element " + local + ")");
        }
    }

    private void end() {
        Collector c = open.peek();
        if (c != null && c.depth == depth) {
            open.pop();
            close(c);
        } else if (kind == XbrlDocument.Kind.INLINE && XHTML.equals(r.getNamespaceURI()) && BLOCKS.contains(r.getLocalName())) {
            spaces();
        }
        if (depth == hiddenDepth) {
            hiddenDepth = -1;
        }
        if (excludeLevel > 0 && IX.equals(r.getNamespaceURI()) && r.getLocalName().equals("exclude")) {
            excludeLevel--;
        }
        depth--;
    }

    private void spaces() {
        for (Collector c : open) {
            if (c.textual && c.excludeLevel == excludeLevel) {
                c.space();
            }
        }
    }

    private void text() {
        if (open.isEmpty()) {
            return;
        }
        char[] chars = r.getTextCharacters();
        int start = r.getTextStart();
        int length = r.getTextLength();
        for (Collector c : open) {
            if (c.excludeLevel == excludeLevel) {
                c.append(chars, start, length);
            }
        }
    }

    // ---------------------------------------------------------------- inline XBRL

    private void inlineStart(String ns, String local) throws XMLStreamException {
        if (!IX.equals(ns)) {
            if (XHTML.equals(ns) && BLOCKS.contains(local)) {
                spaces();
            }
            return;
        }
        switch (local) {
            case "hidden" -> hiddenDepth = hiddenDepth < 0 ? depth : hiddenDepth;
            case "exclude" -> excludeLevel++;
            case "nonFraction" -> fact(true);
            case "nonNumeric" -> fact(false);
            case "continuation" -> {
                Collector c = new Collector(depth, excludeLevel, true);
                c.continuationId = attr(null, "id");
                c.continuedAt = attr(null, "continuedAt");
                c.line = line();
                if (c.continuationId == null) {
                    problem(line(), column(), null, "ix:continuation without id; ignored");
                }
                open.push(c);
            }
            case "footnote", "references", "relationship" -> skip();
            case "fraction", "tuple" -> problem(line(), column(), attr(null, "name"), "ix:" + local + " is not read (not used in SEC filings)");
            default -> {
            }
        }
    }

    private void fact(boolean numeric) {
        Raw f = newRaw(numeric);
        if (f == null) {
            return;
        }
        f.unitRef = attr(null, "unitRef");
        f.decimals = attr(null, "decimals");
        f.scale = attr(null, "scale");
        f.negative = "-".equals(attr(null, "sign"));
        f.continuedAt = numeric ? null : attr(null, "continuedAt");
        String format = attr(null, "format");
        if (format != null) {
            f.format = format.strip();
            int colon = f.format.indexOf(':');
            f.formatLocal = colon < 0 ? f.format : f.format.substring(colon + 1);
            f.formatNs = r.getNamespaceContext().getNamespaceURI(colon < 0 ? "" : f.format.substring(0, colon));
        }
        f.hidden = hiddenDepth >= 0;
        Collector c = new Collector(depth, excludeLevel, !numeric);
        c.fact = f;
        open.push(c);
    }

    /** The common part of a fact's start tag; null when it cannot be a fact (reported). */
    private Raw newRaw(boolean numeric) {
        tagged++;
        if (tagged > limits.maxFacts()) {
            throw fatal(line(), column(), "more than " + limits.maxFacts() + " facts in one file; the rest is not read");
        }
        Raw f = new Raw();
        f.seq = seq++;
        f.numeric = numeric;
        f.line = line();
        f.column = column();
        f.id = attr(null, "id");
        f.contextRef = attr(null, "contextRef");
        f.nil = "true".equals(attr(XSI, "nil")) || "1".equals(attr(XSI, "nil"));
        String qn = kind == XbrlDocument.Kind.INLINE ? attr(null, "name") : null;
        if (kind == XbrlDocument.Kind.INLINE) {
            if (qn == null || qn.isBlank()) {
                problem(f.line, f.column, null, "fact without a name; not read");
                return null;
            }
            qn = qn.strip();
            int colon = qn.indexOf(':');
            f.prefix = colon < 0 ? "" : qn.substring(0, colon);
            f.local = qn.substring(colon + 1);
            f.ns = r.getNamespaceContext().getNamespaceURI(f.prefix);
            if (f.ns == null || f.ns.isEmpty()) {
                problem(f.line, f.column, qn, "the prefix '" + f.prefix + "' is not declared; fact not read");
                return null;
            }
        } else {
            f.ns = r.getNamespaceURI();
            f.local = r.getLocalName();
            f.prefix = r.getPrefix() == null ? "" : r.getPrefix();
        }
        if (f.contextRef == null) {
            problem(f.line, f.column, qname(f), "fact without contextRef; not read");
            return null;
        }
        return f;
    }

    private void close(Collector c) {
        if (c.fact != null) {
            Raw f = c.fact;
            f.text = c.text.toString();
            f.truncated = c.truncated;
            if (c.truncated) {
                problem(f.line, f.column, qname(f), "text longer than " + limits.maxTextChars() + " characters; cut there");
            }
            raws.add(f);
        } else if (c.continuationId != null) {
            if (c.truncated) {
                problem(c.line, 0, null, "continuation '" + c.continuationId + "' longer than " + limits.maxTextChars() + " characters; cut there");
            }
            if (continuations.putIfAbsent(c.continuationId, new Continuation(c.text.toString(), c.truncated, c.continuedAt, c.line)) != null) {
                problem(c.line, 0, null, "a second ix:continuation with id '" + c.continuationId + "'; ignored");
            }
        }
    }

    // ---------------------------------------------------------------- XBRL instance

    private void instanceStart(String ns, String local) throws XMLStreamException {
        if (LINK.equals(ns) || XBRLI.equals(ns)) {
            skip();
            return;
        }
        if (r.getAttributeValue(null, "contextRef") == null) {
            return; // a tuple, or markup: its children are looked at
        }
        Raw f = newRaw(r.getAttributeValue(null, "unitRef") != null);
        if (f == null) {
            skip();
            return;
        }
        f.unitRef = attr(null, "unitRef");
        f.decimals = attr(null, "decimals");
        f.precision = attr(null, "precision");
        Collector c = new Collector(depth, excludeLevel, false);
        c.fact = f;
        open.push(c);
    }

    // ---------------------------------------------------------------- contexts and units

    /** Skips the current element's subtree. */
    private void skip() throws XMLStreamException {
        int level = 1;
        while (level > 0 && r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                level++;
                if (depth + level > limits.maxDepth()) {
                    throw fatal(line(), column(), "elements nested deeper than " + limits.maxDepth() + "; the rest of the file is not read");
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                level--;
            }
        }
        depth--;
    }

    /** The text of the current element (nested markup ignored), bounded; leaves the cursor on its end tag. */
    private String elementText() throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int level = 1;
        while (r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                level++;
                if (depth + level > limits.maxDepth()) {
                    throw fatal(line(), column(), "elements nested deeper than " + limits.maxDepth() + "; the rest of the file is not read");
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                if (--level == 0) {
                    break;
                }
            } else if ((e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA || e == XMLStreamConstants.SPACE)
                    && sb.length() < 4096) {
                sb.append(r.getTextCharacters(), r.getTextStart(), Math.min(r.getTextLength(), 4096 - sb.length()));
            }
        }
        return sb.toString().strip();
    }

    private void context() throws XMLStreamException {
        int line = line();
        int col = column();
        String id = attr(null, "id");
        String entity = null;
        LocalDate start = null;
        LocalDate end = null;
        boolean forever = false;
        boolean bad = false;
        SortedMap<String, XbrlFact.Member> dims = new TreeMap<>();
        int level = 1;
        while (level > 0 && r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.END_ELEMENT) {
                level--;
                continue;
            }
            if (e != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            level++;
            if (depth + level > limits.maxDepth()) {
                throw fatal(line(), column(), "elements nested deeper than " + limits.maxDepth() + "; the rest of the file is not read");
            }
            String ns = r.getNamespaceURI();
            String local = r.getLocalName();
            if (XBRLI.equals(ns)) {
                switch (local) {
                    case "identifier" -> {
                        entity = elementText();
                        level--;
                    }
                    case "instant", "endDate" -> {
                        String t = elementText();
                        level--;
                        end = date(t, true);
                        bad |= end == null;
                    }
                    case "startDate" -> {
                        String t = elementText();
                        level--;
                        start = date(t, false);
                        bad |= start == null;
                    }
                    case "forever" -> forever = true;
                    default -> {
                    }
                }
            } else if (XBRLDI.equals(ns) && (local.equals("explicitMember") || local.equals("typedMember"))) {
                boolean typed = local.equals("typedMember");
                String axis = attr(null, "dimension");
                int l = line();
                String value = elementText();
                level--;
                if (axis == null || axis.isBlank()) {
                    problem(l, 0, "context " + id, "dimension member without a dimension attribute; ignored");
                } else if (dims.put(axis.strip(), new XbrlFact.Member(Transforms.collapse(value), typed)) != null) {
                    problem(l, 0, "context " + id, "dimension " + axis.strip() + " given twice");
                    bad = true;
                }
            }
        }
        depth--;
        if (id == null) {
            problem(line, col, null, "context without id; ignored");
            return;
        }
        if (bad || (end == null && !forever) || (start != null && end == null)) {
            problem(line, col, "context " + id, bad ? "context has an unreadable period or dimensions; its facts are not read"
                    : "context has no period; its facts are not read");
            return;
        }
        if (start != null && start.isAfter(end.plusDays(1))) {
            problem(line, col, "context " + id, "period starts (" + start + ") after it ends (" + end + "); its facts are not read");
            return;
        }
        if (contexts.putIfAbsent(id, new Ctx(entity, start, end, Collections.unmodifiableSortedMap(dims))) != null) {
            problem(line, col, "context " + id, "context id defined twice; the first is used");
        }
    }

    /** An XBRL date; an end date or instant given with a time of 00:00 is the day before (XBRL 2.1, 4.7.2). */
    private LocalDate date(String t, boolean isEnd) {
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t);
            }
            java.time.LocalDateTime dt = java.time.LocalDateTime.parse(t.endsWith("Z") ? t.substring(0, t.length() - 1) : t);
            LocalDate d = dt.toLocalDate();
            return isEnd && dt.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? d.minusDays(1) : d;
        } catch (DateTimeParseException e) {
            problem(line(), column(), null, "'" + Transforms.clip(t) + "' is not a date");
            return null;
        }
    }

    private void unit() throws XMLStreamException {
        int line = line();
        int col = column();
        String id = attr(null, "id");
        List<String> num = new ArrayList<>();
        List<String> den = new ArrayList<>();
        List<String> target = num;
        int level = 1;
        while (level > 0 && r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.END_ELEMENT) {
                level--;
                continue;
            }
            if (e != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            level++;
            if (depth + level > limits.maxDepth()) {
                throw fatal(line(), column(), "elements nested deeper than " + limits.maxDepth() + "; the rest of the file is not read");
            }
            String local = r.getLocalName();
            if (local.equals("unitNumerator")) {
                target = num;
            } else if (local.equals("unitDenominator")) {
                target = den;
            } else if (local.equals("measure")) {
                target.add(elementText());
                level--;
            }
        }
        depth--;
        if (id == null) {
            problem(line, col, null, "unit without id; ignored");
            return;
        }
        if (num.isEmpty()) {
            problem(line, col, "unit " + id, "unit without a measure; its facts are not read");
            return;
        }
        Collections.sort(num);
        Collections.sort(den);
        String text = String.join("*", num) + (den.isEmpty() ? "" : "/" + String.join("*", den));
        if (units.putIfAbsent(id, new Unit(text, List.copyOf(num), List.copyOf(den))) != null) {
            problem(line, col, "unit " + id, "unit id defined twice; the first is used");
        }
    }

    private String attr(String ns, String local) {
        return r.getAttributeValue(ns, local);
    }

    private static String qname(Raw f) {
        return f.prefix == null || f.prefix.isEmpty() ? f.local : f.prefix + ":" + f.local;
    }

    // ---------------------------------------------------------------- resolution

    private List<XbrlFact> resolve(boolean complete) {
        raws.sort((a, b) -> Integer.compare(a.seq, b.seq));
        List<XbrlFact> out = new ArrayList<>();
        Map<String, Integer> byKey = new HashMap<>();
        int lostToStop = 0;
        for (Raw f : raws) {
            Ctx ctx = contexts.get(f.contextRef);
            Unit unit = f.unitRef == null ? null : units.get(f.unitRef);
            if (!complete && (ctx == null || (f.unitRef != null && unit == null))) {
                lostToStop++;
                continue;
            }
            XbrlFact fact = build(f, ctx, unit);
            if (fact == null) {
                continue;
            }
            String key = key(fact);
            Integer at = byKey.get(key);
            if (at == null) {
                byKey.put(key, out.size());
                out.add(fact);
            } else {
                XbrlFact kept = out.get(at);
                if (!consistent(kept, fact)) {
                    problem(f.line, f.column, fact.qname(), "inconsistent duplicate: " + show(fact) + " here, " + show(kept) + " at line "
                            + kept.provenance().line() + " (same concept, period, entity, dimensions and unit); both kept out");
                    out.set(at, null);
                } else if (better(fact, kept)) {
                    out.set(at, fact);
                }
            }
        }
        if (lostToStop > 0) {
            problems.add(LoadError.of(name, 0, null, lostToStop + " facts read before the stop are not kept: their context or unit was not read"));
        }
        out.removeIf(java.util.Objects::isNull);
        return out;
    }

    private XbrlFact build(Raw f, Ctx ctx, Unit unit) {
        String qn = qname(f);
        if (ctx == null) {
            problem(f.line, f.column, qn, "undefined context '" + f.contextRef + "'; fact not read");
            return null;
        }
        if (f.numeric && f.unitRef == null) {
            problem(f.line, f.column, qn, "numeric fact without unitRef; fact not read");
            return null;
        }
        if (f.unitRef != null && unit == null) {
            problem(f.line, f.column, qn, "undefined unit '" + f.unitRef + "'; fact not read");
            return null;
        }
        Integer decimals = null;
        boolean infinite = false;
        if (f.decimals != null) {
            String d = f.decimals.strip();
            if (d.equals("INF")) {
                infinite = true;
            } else {
                try {
                    decimals = Integer.valueOf(d);
                } catch (NumberFormatException e) {
                    problem(f.line, f.column, qn, "decimals '" + Transforms.clip(d) + "' is not an integer or INF; fact not read");
                    return null;
                }
            }
        } else if (f.precision != null && f.precision.strip().equals("INF")) {
            infinite = true;
        }
        BigDecimal value = null;
        String text = null;
        boolean truncated = f.truncated;
        if (!f.nil) {
            String shown = f.text;
            if (f.continuedAt != null) {
                StringBuilder sb = new StringBuilder(shown);
                truncated |= continued(f, sb);
                shown = sb.toString();
            }
            String lexical;
            try {
                if (f.format != null) {
                    if (f.formatNs == null) {
                        throw new Transforms.TransformException("the prefix of format '" + f.format + "' is not declared");
                    }
                    lexical = Transforms.apply(f.formatNs, f.formatLocal, shown);
                } else if (f.numeric) {
                    lexical = Transforms.plain(shown);
                } else {
                    lexical = kind == XbrlDocument.Kind.INSTANCE && shown.indexOf('<') >= 0 ? Markup.strip(shown) : Transforms.collapse(shown);
                }
            } catch (Transforms.TransformException e) {
                problem(f.line, f.column, qn, e.getMessage() + "; fact not read");
                return null;
            }
            if (f.numeric) {
                try {
                    BigDecimal v = new BigDecimal(lexical);
                    if (f.scale != null) {
                        int scale = Integer.parseInt(f.scale.strip());
                        if (Math.abs(scale) > 30) {
                            throw new NumberFormatException();
                        }
                        v = v.movePointRight(scale);
                    }
                    if (f.negative) {
                        v = v.negate();
                    }
                    if (v.scale() < 0) {
                        v = v.setScale(0);
                    }
                    value = v;
                    text = v.toPlainString();
                } catch (NumberFormatException e) {
                    problem(f.line, f.column, qn, (f.scale != null ? "scale '" + Transforms.clip(f.scale) + "' or value '" : "value '")
                            + Transforms.clip(lexical) + "' is not a number; fact not read");
                    return null;
                }
            } else {
                text = lexical;
            }
        }
        return new XbrlFact(f.ns, f.local, f.prefix, ctx.start(), ctx.end(), ctx.dims(),
                unit == null ? null : unit.text(), unit == null ? List.of() : unit.num(), unit == null ? List.of() : unit.den(),
                value, text, truncated, decimals, infinite, f.nil, f.hidden, f.numeric, f.format,
                f.contextRef, ctx.entity(), f.id, new Provenance(name, f.line), f.column);
    }

    /** Appends the continuations of a fact; true when the text was cut at the limit. */
    private boolean continued(Raw f, StringBuilder sb) {
        Set<String> seen = new HashSet<>();
        String next = f.continuedAt;
        boolean cut = false;
        while (next != null) {
            if (!seen.add(next)) {
                problem(f.line, f.column, qname(f), "continuation chain loops back to '" + next + "'; text ends there");
                break;
            }
            Continuation c = continuations.get(next.strip());
            if (c == null) {
                problem(f.line, f.column, qname(f), "continuation '" + next + "' not found; text ends there");
                break;
            }
            int room = limits.maxTextChars() - sb.length();
            if (c.text().length() + 1 > room) {
                sb.append(' ').append(c.text(), 0, Math.max(0, room - 1));
                problem(f.line, f.column, qname(f), "text with its continuations longer than " + limits.maxTextChars() + " characters; cut there");
                cut = true;
                break;
            }
            sb.append(' ').append(c.text());
            cut |= c.truncated();
            next = c.continuedAt();
        }
        return cut;
    }

    private static String key(XbrlFact f) {
        return f.namespace() + '\u0001' + f.localName() + '\u0001' + f.entity() + '\u0001' + f.period() + '\u0001'
                + f.dimensionsText() + '\u0001' + f.unit();
    }

    private static String show(XbrlFact f) {
        return f.nil() ? "nil" : f.value() != null ? f.value().toPlainString() : "'" + Transforms.clip(f.text() == null ? "" : f.text()) + "'";
    }

    /** Duplicates agree when nil alike and, for numbers, equal once rounded to the lesser precision. */
    static boolean consistent(XbrlFact a, XbrlFact b) {
        if (a.nil() || b.nil()) {
            return a.nil() == b.nil();
        }
        if (a.value() == null || b.value() == null) {
            return java.util.Objects.equals(a.text(), b.text());
        }
        Integer da = a.infinite() ? null : a.decimals();
        Integer db = b.infinite() ? null : b.decimals();
        Integer d = da == null ? db : db == null ? da : Integer.valueOf(Math.min(da, db));
        if (d == null) {
            return a.value().compareTo(b.value()) == 0;
        }
        return a.value().setScale(d, RoundingMode.HALF_UP).compareTo(b.value().setScale(d, RoundingMode.HALF_UP)) == 0;
    }

    /** Of two consistent duplicates, the more precise; at equal precision the visible one; else the first. */
    private static boolean better(XbrlFact candidate, XbrlFact kept) {
        int pc = candidate.infinite() ? Integer.MAX_VALUE : candidate.decimals() == null ? Integer.MIN_VALUE : candidate.decimals();
        int pk = kept.infinite() ? Integer.MAX_VALUE : kept.decimals() == null ? Integer.MIN_VALUE : kept.decimals();
        if (pc != pk) {
            return pc > pk;
        }
        return kept.hidden() && !candidate.hidden();
    }

    // ---------------------------------------------------------------- dei

    private Dei dei(List<XbrlFact> facts) {
        Map<String, XbrlFact> dei = new HashMap<>();
        String identifier = null;
        for (XbrlFact f : facts) {
            if (identifier == null && f.entity() != null) {
                identifier = f.entity();
            }
            if (f.namespace().startsWith("http://xbrl.sec.gov/dei/") && f.dimensions().isEmpty() && !f.nil()) {
                dei.putIfAbsent(f.localName(), f);
            }
        }
        String cik = text(dei.get("EntityCentralIndexKey"));
        if (cik == null) {
            cik = identifier;
        }
        LocalDate periodEnd = null;
        String pe = text(dei.get("DocumentPeriodEndDate"));
        if (pe != null) {
            try {
                periodEnd = LocalDate.parse(pe);
            } catch (DateTimeParseException e) {
                XbrlFact f = dei.get("DocumentPeriodEndDate");
                problem(f.provenance().line(), f.column(), f.qname(), "'" + Transforms.clip(pe) + "' is not a date (give format ixt:date-...)");
            }
        }
        Integer fy = null;
        String fyText = text(dei.get("DocumentFiscalYearFocus"));
        if (fyText != null) {
            try {
                fy = Integer.valueOf(fyText.length() > 4 ? fyText.substring(0, 4) : fyText);
            } catch (NumberFormatException e) {
                XbrlFact f = dei.get("DocumentFiscalYearFocus");
                problem(f.provenance().line(), f.column(), f.qname(), "'" + Transforms.clip(fyText) + "' is not a year");
            }
        }
        return new Dei(cik, text(dei.get("EntityRegistrantName")), text(dei.get("DocumentType")), periodEnd, fy,
                text(dei.get("DocumentFiscalPeriodFocus")));
    }

    private static String text(XbrlFact f) {
        return f == null || f.text() == null || f.text().isBlank() ? null : f.text().strip();
    }

    @SuppressWarnings("unused")
    private static Set<String> sorted(Set<String> s) {
        return new TreeSet<>(s);
    }
}
