package org.offbook.model;

/**
 * Every problem offbook reports, one type for all: an input file that is not read cleanly, a rule
 * file that does not compile or declare its messages, a rule that fails while running, a
 * configuration or a baseline entry that is refused. Shown to the user as one line:
 * {@code file:line[:column]: [field 'x': ]message}. Line and column are 0 when unknown.
 */
public record Problem(String file, int line, int column, String field, String message) implements Comparable<Problem> {

    public static Problem of(String file, int line, String field, String message) {
        return new Problem(file, line, 0, field, message);
    }

    /** A problem a rule caused while running, at its rule file and line ("rules" when unknown), named by its id. */
    public static Problem rule(String ruleId, String ruleFile, int line, String message) {
        return new Problem(ruleFile == null || ruleFile.isEmpty() ? "rules" : ruleFile, line, 0, null,
                (ruleId == null ? "" : ruleId + ": ") + message);
    }

    public String location() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.toString();
    }

    /**
     * The one-line form, safe on a terminal: line breaks, other control characters (escape
     * sequences), bidirectional controls and unpaired surrogates, which a file name or a value may
     * hold, are written as escapes ({@code \n}, {@code \u001B}, {@code \u202E}).
     */
    @Override
    public String toString() {
        return escape(location() + ": " + (field == null ? "" : "field '" + field + "': ") + message);
    }

    /** Text on one inert line: control characters, bidirectional controls and unpaired surrogates escaped. */
    public static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            boolean bad = c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x200e && c <= 0x200f) || (c >= 0x202a && c <= 0x202e)
                    || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029 || c == 0x061c || (Character.isSurrogate(c) && !pair);
            if (bad && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (!bad) {
                    sb.append(c);
                    if (pair) {
                        sb.append(s.charAt(++i));
                    }
                } else if (c == '\n') {
                    sb.append("\\n");
                } else if (c == '\r') {
                    sb.append("\\r");
                } else if (c == '\t') {
                    sb.append("\\t");
                } else {
                    sb.append(String.format("\\u%04X", (int) c));
                }
            } else if (pair) {
                i++;
            }
        }
        return sb == null ? s : sb.toString();
    }

    @Override
    public int compareTo(Problem o) {
        int c = file.compareTo(o.file);
        if (c == 0) {
            c = Integer.compare(line, o.line);
        }
        if (c == 0) {
            c = Integer.compare(column, o.column);
        }
        return c != 0 ? c : toString().compareTo(o.toString());
    }
}
