package org.offbook.reports;

/**
 * Escaping for HTML, and for SVG inside HTML: one method for element text, one for quoted
 * attribute values. Both turn {@code & < > " '} into character references (in text only
 * {@code &} and {@code <} would be needed; escaping all five keeps a value safe wherever it is
 * moved), and replace what an HTML document must not contain (controls other than tab and
 * newline, lone surrogates, noncharacters) with U+FFFD. U+2028/2029 are written as references.
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
                    } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF
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
