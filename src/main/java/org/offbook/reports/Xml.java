package org.offbook.reports;

/**
 * What XML 1.0 can carry. Escaping is the XML writer's ({@link javax.xml.stream.XMLStreamWriter});
 * it does not, however, refuse or replace characters XML cannot hold (NUL and other C0 controls,
 * lone surrogates, U+FFFE/U+FFFF), which would make the document unreadable, so every value goes
 * through here first.
 */
final class Xml {

    private Xml() {
    }

    /** Text content: characters XML cannot carry become U+FFFD; a carriage return becomes a line feed (as any reader sees it). */
    static String text(String s) {
        return clean(s, false);
    }

    /**
     * An attribute value: as {@link #text}, and line feed, carriage return and tab become a space,
     * which is what an XML reader makes of them in an attribute (the writer leaves them raw).
     */
    static String attr(String s) {
        return clean(s, true);
    }

    private static String clean(String s, boolean attribute) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                continue; // CR LF is one line end, as a reader sees it
            } else if (c == '\r' && !attribute) {
                sb.append('\n');
            } else if (c == '\n' || c == '\r' || c == '\t') {
                sb.append(attribute ? ' ' : c);
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                sb.append('\uFFFD');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
