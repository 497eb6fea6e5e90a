package org.offbook.reports;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * A small typed builder for HTML and inline SVG that escapes by construction: element and attribute
 * names are our own constants (checked to be plain names), every attribute value and every text goes
 * through {@link Html}, and input-derived text has its own methods that also isolate it. The only way
 * to write markup as it is, {@link #trusted}, takes the page's own constant blocks (style sheet,
 * script, a fixed character reference), never a value.
 *
 * <p>Attributes are given as name, value pairs; a pair whose value is null is left out, so optional
 * attributes need no branches. Output is appended to one StringBuilder in document order.
 */
final class Markup {

    private static final java.util.Set<String> VOID = java.util.Set.of("meta", "link", "br", "hr", "input", "img", "path", "rect", "circle",
            "line", "polyline", "polygon");

    private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9-]*");

    private final StringBuilder sb;

    Markup(StringBuilder sb) {
        this.sb = sb;
    }

    Markup() {
        this(new StringBuilder(1024));
    }

    /** {@code <tag a="v" ...>}. */
    Markup open(String tag, String... attrs) {
        startTag(tag, attrs);
        sb.append('>');
        return this;
    }

    /** {@code <tag a="v" ...} left open for {@link #inlineAttr}; {@link #end} closes it. */
    Markup start(String tag, String... attrs) {
        startTag(tag, attrs);
        return this;
    }

    /** An attribute holding input-derived text (a tooltip): escaped, between FSI and PDI; left out when null. */
    Markup inlineAttr(String name, String value) {
        if (value != null) {
            sb.append(' ').append(name(name)).append("=\"").append(Html.isolateInline(value)).append('"');
        }
        return this;
    }

    /** The {@code >} of a tag begun with {@link #start}. */
    Markup end() {
        sb.append('>');
        return this;
    }

    /** {@code </tag>}. */
    Markup close(String tag) {
        sb.append("</").append(name(tag)).append('>');
        return this;
    }

    /**
     * {@code <tag a="v" .../>}: an HTML void element or an empty SVG shape (the page is also
     * well-formed XML); any other HTML element must be opened and closed, since an HTML parser reads
     * {@code <span/>} as an open tag.
     */
    Markup empty(String tag, String... attrs) {
        if (!VOID.contains(tag)) {
            throw new IllegalArgumentException("not a void element: " + tag);
        }
        startTag(tag, attrs);
        sb.append("/>");
        return this;
    }

    /** An element holding one text of ours, escaped. */
    Markup el(String tag, String text, String... attrs) {
        return open(tag, attrs).text(text).close(tag);
    }

    /** An element holding one input-derived text, escaped and isolated ({@link Html#isolate}). */
    Markup elInput(String tag, String text, String... attrs) {
        return open(tag, attrs).input(text).close(tag);
    }

    /** Text of ours, escaped. */
    Markup text(String s) {
        sb.append(Html.text(s));
        return this;
    }

    /** A number. */
    Markup text(long n) {
        sb.append(n);
        return this;
    }

    /** Input-derived text in element content: escaped and isolated in {@code <bdi>}. */
    Markup input(String s) {
        sb.append(Html.isolate(s));
        return this;
    }

    /** Input-derived text where no element may go (SVG text, titles, options): escaped, between FSI and PDI. */
    Markup inline(String s) {
        sb.append(Html.isolateInline(s));
        return this;
    }

    /** Text of ours that quotes input names (see {@link Html#isolateQuoting}). */
    Markup quoting(String s, Collection<String> names) {
        sb.append(Html.isolateQuoting(s, names));
        return this;
    }

    /** A line break in the source (no meaning in the page; it keeps the page diffable). */
    Markup nl() {
        sb.append('\n');
        return this;
    }

    /** The page's own constant markup (style sheet, script): never a value derived from input. */
    Markup trusted(String constant) {
        sb.append(constant);
        return this;
    }

    /** Another builder's output, which was escaped when it was built. */
    Markup append(Markup other) {
        sb.append(other.sb);
        return this;
    }

    StringBuilder buffer() {
        return sb;
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    private void startTag(String tag, String... attrs) {
        if (attrs.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs: " + tag);
        }
        sb.append('<').append(name(tag));
        for (int i = 0; i < attrs.length; i += 2) {
            if (attrs[i + 1] != null) {
                sb.append(' ').append(name(attrs[i])).append("=\"").append(Html.attr(attrs[i + 1])).append('"');
            }
        }
    }

    private static String name(String n) {
        if (!NAME.matcher(n).matches()) {
            throw new IllegalArgumentException("not an element or attribute name of ours: " + n);
        }
        return n;
    }
}
