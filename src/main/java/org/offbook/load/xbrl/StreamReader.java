package org.offbook.load.xbrl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * One read of one file: a single pass with a StAX cursor. Contexts and units are kept in maps,
 * facts as they close; text is collected only inside open facts and continuations, each bounded.
 * References (contexts, units, continuations) are resolved at the end, since filers put facts
 * before the resources they name (ix:hidden precedes ix:resources in ix:header).
 *
 * <p>This class drives the pass and dispatches events; the parts are {@link InputGuard} (hardened
 * parser, byte limit, input failures), {@link ContextsAndUnits}, {@link FactTags} (the inline XBRL
 * and instance fact state machine), {@link FactResolver} (resolution and duplicates) and
 * {@link ReadProblems}, sharing one {@link Cursor}.
 */
final class StreamReader {

    static final String IX = Sniffer.IX_2013;
    static final String XBRLI = Sniffer.XBRLI;
    static final String XBRLDI = "http://xbrl.org/2006/xbrldi";
    static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    static final String LINK = "http://www.xbrl.org/2003/linkbase";
    static final String XHTML = "http://www.w3.org/1999/xhtml";

    private final String name;
    private final Cursor cur;
    private final InputGuard input;
    private final ContextsAndUnits resources;
    private final FactTags tags;

    StreamReader(String name, Limits limits) {
        this.name = name;
        this.cur = new Cursor(name, limits);
        this.input = new InputGuard(limits, cur.problems);
        this.resources = new ContextsAndUnits(cur);
        this.tags = new FactTags(cur);
    }

    XbrlDocument read(Path file) {
        boolean complete = false;
        try {
            complete = parse(file);
        } catch (ReadProblems.Stop stop) {
            complete = false;
        }
        List<XbrlFact> facts = new FactResolver(cur, resources, tags).resolve(complete);
        cur.problems.noteUnlisted();
        XbrlDocument.Kind k = cur.kind != null ? cur.kind : Sniffer.byName(name);
        Dei dei = dei(facts); // its problems come after the count of unlisted ones, as they always have
        return new XbrlDocument(name, k, dei, List.copyOf(facts), cur.problems.list(), tags.tagged(), complete);
    }

    /** Reads the whole file; true when it was read to its end without a problem that stopped it. */
    private boolean parse(Path file) {
        try (InputStream in = input.open(file)) {
            cur.r = InputGuard.parser(in);
            try {
                loop();
            } finally {
                cur.r.close();
            }
            return true;
        } catch (XMLStreamException e) {
            throw input.broken(e, cur::line);
        } catch (InputGuard.TooLarge e) {
            throw input.tooLarge(cur.line());
        } catch (IOException e) {
            throw input.failed(e, cur.line());
        }
    }

    // ---------------------------------------------------------------- main loop

    private void loop() throws XMLStreamException {
        while (cur.r.hasNext()) {
            int event = cur.r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> start();
                case XMLStreamConstants.END_ELEMENT -> {
                    tags.end();
                    cur.depth--;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> tags.text();
                case XMLStreamConstants.DTD -> dtd();
                case XMLStreamConstants.ENTITY_REFERENCE -> throw cur.fatal(cur.line(), cur.column(),
                        "entity reference '&" + cur.r.getLocalName() + ";' is not expanded (DOCTYPE entities are never read); the rest is not read");
                default -> {
                }
            }
        }
        if (cur.kind == null) {
            throw cur.fatal(0, 0, "neither an inline XBRL document nor an XBRL instance (root element not recognised)");
        }
    }

    private void dtd() {
        String text = cur.r.getText() == null ? "" : cur.r.getText();
        if (text.contains("[") || text.contains("SYSTEM") || text.contains("PUBLIC") || text.contains("ENTITY")) {
            throw cur.fatal(cur.line(), cur.column(), "DOCTYPE with declarations or an external reference: refused (entities are never expanded "
                    + "and external references never fetched); file not read");
        }
    }

    private void start() throws XMLStreamException {
        cur.depth++;
        cur.checkDepth(0);
        String ns = cur.r.getNamespaceURI();
        String local = cur.r.getLocalName();
        if (cur.depth == 1) {
            root(ns, local);
            return;
        }
        if (XBRLI.equals(ns)) {
            if (local.equals("context")) {
                resources.readContext();
                return;
            }
            if (local.equals("unit")) {
                resources.readUnit();
                return;
            }
        }
        if (cur.kind == XbrlDocument.Kind.INLINE) {
            tags.inlineStart(ns, local);
        } else {
            tags.instanceStart(ns, local);
        }
    }

    private void root(String ns, String local) {
        if (local.equals("html")) {
            for (int i = 0; i < cur.r.getNamespaceCount(); i++) {
                String uri = cur.r.getNamespaceURI(i);
                if (IX.equals(uri)) {
                    cur.kind = XbrlDocument.Kind.INLINE;
                } else if (Sniffer.IX_2008.equals(uri)) {
                    throw cur.fatal(cur.line(), cur.column(), "inline XBRL 1.0 is not read (only inline XBRL 1.1, the SEC's format since 2019)");
                }
            }
        } else if (local.equals("xbrl") && XBRLI.equals(ns)) {
            cur.kind = XbrlDocument.Kind.INSTANCE;
        }
        if (cur.kind == null) {
            throw cur.fatal(cur.line(), cur.column(), "neither an inline XBRL document nor an XBRL instance (root element " + local + ")");
        }
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
                cur.problem(f.provenance().line(), f.column(), f.qname(), "'" + Transforms.clip(pe) + "' is not a date (give format ixt:date-...)");
            }
        }
        Integer fy = null;
        String fyText = text(dei.get("DocumentFiscalYearFocus"));
        if (fyText != null) {
            try {
                fy = Integer.valueOf(fyText.length() > 4 ? fyText.substring(0, 4) : fyText);
            } catch (NumberFormatException e) {
                XbrlFact f = dei.get("DocumentFiscalYearFocus");
                cur.problem(f.provenance().line(), f.column(), f.qname(), "'" + Transforms.clip(fyText) + "' is not a year");
            }
        }
        return new Dei(cik, text(dei.get("EntityRegistrantName")), text(dei.get("DocumentType")), periodEnd, fy,
                text(dei.get("DocumentFiscalPeriodFocus")));
    }

    private static String text(XbrlFact f) {
        return f == null || f.text() == null || f.text().isBlank() ? null : f.text().strip();
    }
}
