package org.offbook.reports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Escaping for HTML, and for SVG inside HTML: one method for element text, one for quoted
 * attribute values. Both turn {@code & < > " '} into character references (in text only
 * {@code &} and {@code <} would be needed; escaping all five keeps a value safe wherever it is
 * moved), and replace what an HTML document must not contain (controls other than tab and
 * newline, lone surrogates, noncharacters) with U+FFFD. U+2028/2029 are written as references.
 *
 * <p>Text taken from the input (entity names, file names, descriptions, reasons) is also
 * <em>isolated</em>, so that a right-to-left run or a bidirectional control in it cannot reorder the
 * text around it ("USD 27.3B" must never read "B3.72 DSU"): in element content with {@code <bdi>}
 * ({@link #isolate}), where no element may go (an {@code <option>}, SVG text, a tooltip) between
 * U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE ({@link #isolateInline}). The
 * embedding, override and isolate controls themselves (U+202A to U+202E, U+2066 to U+2069) are
 * neutralised everywhere: they become U+FFFD, which shows that something was there.
 *
 * <p>XML has its own rules and escaper ({@link Xml}); JSON is written by Jackson.
 */
final class Html {

    private Html() {
    }

    /** Text for element content (HTML or inline SVG). */
    static String text(String s) {
        return escape(s);
    }

    /** A value for a double-quoted attribute. */
    static String attr(String s) {
        return escape(s);
    }

    /** Input-derived text in element content: escaped and isolated in {@code <bdi>}; nothing for null or empty. */
    static String isolate(String s) {
        return s == null || s.isEmpty() ? "" : "<bdi>" + escape(s) + "</bdi>";
    }

    /** Input-derived text where no element may go (option labels, SVG text and titles): escaped, between FSI and PDI. */
    static String isolateInline(String s) {
        return s == null || s.isEmpty() ? "" : "&#x2068;" + escape(s) + "&#x2069;";
    }

    /**
     * Our own text that quotes input (an explanation naming entities), in element content: escaped as
     * a whole and isolated in {@code <bdi>}; inside it, each of the given names that holds right-to-left
     * letters is isolated again, so that it cannot pull a figure next to it into its direction.
     */
    static String isolateQuoting(String s, Collection<String> names) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        List<String> rtl = new ArrayList<>();
        for (String n : names) {
            if (n != null && !n.isBlank() && hasRightToLeft(n) && s.contains(n)) {
                rtl.add(n);
            }
        }
        if (rtl.isEmpty()) {
            return isolate(s);
        }
        rtl.sort(Comparator.comparing(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        StringBuilder sb = new StringBuilder("<bdi>");
        int i = 0;
        int plain = 0;
        while (i < s.length()) {
            String hit = null;
            for (String n : rtl) {
                if (s.startsWith(n, i)) {
                    hit = n;
                    break;
                }
            }
            if (hit == null) {
                i++;
                continue;
            }
            sb.append(escape(s.substring(plain, i))).append("<bdi>").append(escape(hit)).append("</bdi>");
            i += hit.length();
            plain = i;
        }
        return sb.append(escape(s.substring(plain))).append("</bdi>").toString();
    }

    /** Whether a text holds a right-to-left letter (Hebrew, Arabic and the like). */
    static boolean hasRightToLeft(String s) {
        return s.codePoints().anyMatch(cp -> {
            byte d = Character.getDirectionality(cp);
            return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
        });
    }

    private static boolean bidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '\n', '\t' -> sb.append(c);
                case '\r' -> sb.append("&#13;");
                case '\u2028' -> sb.append("&#x2028;");
                case '\u2029' -> sb.append("&#x2029;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        int cp = Character.toCodePoint(c, s.charAt(i + 1));
                        i++;
                        if ((cp & 0xFFFE) == 0xFFFE) {
                            sb.append('\uFFFD');
                        } else {
                            sb.appendCodePoint(cp);
                        }
                    } else if (bidiControl(c) || c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF
                            || (c >= 0xFDD0 && c <= 0xFDEF)) {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
