package org.offbook.load.xbrl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;

/**
 * The fact tags of one read as the cursor passes them, without a document tree: an inline XBRL
 * state machine (ix:nonFraction, ix:nonNumeric and ix:continuation open a text collector, nested
 * ones included; ix:exclude hides its text from the collectors opened outside it; ix:hidden marks
 * its facts; XHTML block boundaries become spaces in textual facts) and the fact elements of an
 * XBRL instance. Each fact's text is bounded by {@link Limits#maxTextChars()} and the count of
 * facts by {@link Limits#maxFacts()}. Facts are kept raw; {@link FactResolver} resolves them.
 */
final class FactTags {

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "tr", "td", "th", "li", "ul", "ol", "table", "h1", "h2",
            "h3", "h4", "h5", "h6", "hr", "dd", "dt", "section", "thead", "tbody", "caption", "blockquote");

    record Continuation(String text, boolean truncated, String continuedAt, int line) {
    }

    /** Text being collected for an open fact or continuation. */
    private final class Collector {
        final int depth;
        final int excludeLevel;
        final boolean textual; // nonNumeric or continuation: markup boundaries become spaces
        final StringBuilder text = new StringBuilder();
        boolean truncated;
        RawFact fact; // null for a continuation
        String continuationId;
        String continuedAt;
        int line;

        Collector(int depth, int excludeLevel, boolean textual) {
            this.depth = depth;
            this.excludeLevel = excludeLevel;
            this.textual = textual;
        }

        void append(char[] chars, int start, int length) {
            int room = cur.limits.maxTextChars() - text.length();
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
            if (text.length() < cur.limits.maxTextChars() && text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
                text.append(' ');
            }
        }
    }

    private final Cursor cur;
    private int tagged;
    private int seq;
    private final List<RawFact> raws = new ArrayList<>();
    private final Map<String, Continuation> continuations = new HashMap<>();
    private final Deque<Collector> open = new ArrayDeque<>();
    private int hiddenDepth = -1;
    private int excludeLevel;

    FactTags(Cursor cur) {
        this.cur = cur;
    }

    /** Fact tags seen, read or not. */
    int tagged() {
        return tagged;
    }

    /** The facts read, in the order their tags closed. */
    List<RawFact> raws() {
        return raws;
    }

    Continuation continuation(String id) {
        return continuations.get(id);
    }

    /** An end tag, at the current depth (before it is left). */
    void end() {
        Collector c = open.peek();
        if (c != null && c.depth == cur.depth) {
            open.pop();
            close(c);
        } else if (cur.kind == XbrlDocument.Kind.INLINE && StreamReader.XHTML.equals(cur.r.getNamespaceURI())
                && BLOCKS.contains(cur.r.getLocalName())) {
            spaces();
        }
        if (cur.depth == hiddenDepth) {
            hiddenDepth = -1;
        }
        if (excludeLevel > 0 && StreamReader.IX.equals(cur.r.getNamespaceURI()) && cur.r.getLocalName().equals("exclude")) {
            excludeLevel--;
        }
    }

    private void spaces() {
        for (Collector c : open) {
            if (c.textual && c.excludeLevel == excludeLevel) {
                c.space();
            }
        }
    }

    /** Character data: collected by every open collector outside the current ix:exclude level. */
    void text() {
        if (open.isEmpty()) {
            return;
        }
        char[] chars = cur.r.getTextCharacters();
        int start = cur.r.getTextStart();
        int length = cur.r.getTextLength();
        for (Collector c : open) {
            if (c.excludeLevel == excludeLevel) {
                c.append(chars, start, length);
            }
        }
    }

    // ---------------------------------------------------------------- inline XBRL

    /** A start tag below the root of an inline XBRL document, other than a context or unit. */
    void inlineStart(String ns, String local) throws XMLStreamException {
        if (!StreamReader.IX.equals(ns)) {
            if (StreamReader.XHTML.equals(ns) && BLOCKS.contains(local)) {
                spaces();
            }
            return;
        }
        switch (local) {
            case "hidden" -> hiddenDepth = hiddenDepth < 0 ? cur.depth : hiddenDepth;
            case "exclude" -> excludeLevel++;
            case "nonFraction" -> fact(true);
            case "nonNumeric" -> fact(false);
            case "continuation" -> {
                Collector c = new Collector(cur.depth, excludeLevel, true);
                c.continuationId = cur.attr(null, "id");
                c.continuedAt = cur.attr(null, "continuedAt");
                c.line = cur.line();
                if (c.continuationId == null) {
                    cur.problem(cur.line(), cur.column(), null, "ix:continuation without id; ignored");
                }
                open.push(c);
            }
            case "footnote", "references", "relationship" -> cur.skip();
            case "fraction", "tuple" -> cur.problem(cur.line(), cur.column(), cur.attr(null, "name"),
                    "ix:" + local + " is not read (not used in SEC filings)");
            default -> {
            }
        }
    }

    private void fact(boolean numeric) {
        RawFact f = newRaw(numeric);
        if (f == null) {
            return;
        }
        f.unitRef = cur.attr(null, "unitRef");
        f.decimals = cur.attr(null, "decimals");
        f.scale = cur.attr(null, "scale");
        f.negative = "-".equals(cur.attr(null, "sign"));
        f.continuedAt = numeric ? null : cur.attr(null, "continuedAt");
        String format = cur.attr(null, "format");
        if (format != null) {
            f.format = format.strip();
            int colon = f.format.indexOf(':');
            f.formatLocal = colon < 0 ? f.format : f.format.substring(colon + 1);
            f.formatNs = cur.r.getNamespaceContext().getNamespaceURI(colon < 0 ? "" : f.format.substring(0, colon));
        }
        f.hidden = hiddenDepth >= 0;
        Collector c = new Collector(cur.depth, excludeLevel, !numeric);
        c.fact = f;
        open.push(c);
    }

    /** The common part of a fact's start tag; null when it cannot be a fact (reported). */
    private RawFact newRaw(boolean numeric) {
        tagged++;
        if (tagged > cur.limits.maxFacts()) {
            throw cur.fatal(cur.line(), cur.column(), "more than " + cur.limits.maxFacts() + " facts in one file; the rest is not read");
        }
        RawFact f = new RawFact();
        f.seq = seq++;
        f.numeric = numeric;
        f.line = cur.line();
        f.column = cur.column();
        f.id = cur.attr(null, "id");
        f.contextRef = cur.attr(null, "contextRef");
        f.nil = "true".equals(cur.attr(StreamReader.XSI, "nil")) || "1".equals(cur.attr(StreamReader.XSI, "nil"));
        String qn = cur.kind == XbrlDocument.Kind.INLINE ? cur.attr(null, "name") : null;
        if (cur.kind == XbrlDocument.Kind.INLINE) {
            if (qn == null || qn.isBlank()) {
                cur.problem(f.line, f.column, null, "fact without a name; not read");
                return null;
            }
            qn = qn.strip();
            int colon = qn.indexOf(':');
            f.prefix = colon < 0 ? "" : qn.substring(0, colon);
            f.local = qn.substring(colon + 1);
            f.ns = cur.r.getNamespaceContext().getNamespaceURI(f.prefix);
            if (f.ns == null || f.ns.isEmpty()) {
                cur.problem(f.line, f.column, qn, "the prefix '" + f.prefix + "' is not declared; fact not read");
                return null;
            }
        } else {
            f.ns = cur.r.getNamespaceURI();
            f.local = cur.r.getLocalName();
            f.prefix = cur.r.getPrefix() == null ? "" : cur.r.getPrefix();
        }
        if (f.contextRef == null) {
            cur.problem(f.line, f.column, f.qname(), "fact without contextRef; not read");
            return null;
        }
        return f;
    }

    private void close(Collector c) {
        if (c.fact != null) {
            RawFact f = c.fact;
            f.text = c.text.toString();
            f.truncated = c.truncated;
            if (c.truncated) {
                cur.problem(f.line, f.column, f.qname(), "text longer than " + cur.limits.maxTextChars() + " characters; cut there");
            }
            raws.add(f);
        } else if (c.continuationId != null) {
            if (c.truncated) {
                cur.problem(c.line, 0, null, "continuation '" + c.continuationId + "' longer than " + cur.limits.maxTextChars()
                        + " characters; cut there");
            }
            if (continuations.putIfAbsent(c.continuationId, new Continuation(c.text.toString(), c.truncated, c.continuedAt, c.line)) != null) {
                cur.problem(c.line, 0, null, "a second ix:continuation with id '" + c.continuationId + "'; ignored");
            }
        }
    }

    // ---------------------------------------------------------------- XBRL instance

    /** A start tag below the root of an XBRL instance, other than a context or unit. */
    void instanceStart(String ns, String local) throws XMLStreamException {
        if (StreamReader.LINK.equals(ns) || StreamReader.XBRLI.equals(ns)) {
            cur.skip();
            return;
        }
        if (cur.r.getAttributeValue(null, "contextRef") == null) {
            return; // a tuple, or markup: its children are looked at
        }
        RawFact f = newRaw(cur.r.getAttributeValue(null, "unitRef") != null);
        if (f == null) {
            cur.skip();
            return;
        }
        f.unitRef = cur.attr(null, "unitRef");
        f.decimals = cur.attr(null, "decimals");
        f.precision = cur.attr(null, "precision");
        Collector c = new Collector(cur.depth, excludeLevel, false);
        c.fact = f;
        open.push(c);
    }
}
