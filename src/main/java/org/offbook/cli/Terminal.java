package org.offbook.cli;

import org.offbook.model.Problem;

/** Text from input (file names, entity names) as it may be shown on a terminal: one inert line. */
final class Terminal {

    private Terminal() {
    }

    /** Control characters, escape sequences, bidirectional controls and line breaks written as escapes. */
    static String safe(String s) {
        return s == null ? "null" : Problem.escape(s);
    }

    /** Text of several lines, each made safe; the line breaks between them are kept. */
    static String safeLines(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        String[] lines = s.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(Problem.escape(lines[i]));
        }
        return sb.toString();
    }
}
