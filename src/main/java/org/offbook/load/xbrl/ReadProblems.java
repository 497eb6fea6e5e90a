package org.offbook.load.xbrl;

import java.util.ArrayList;
import java.util.List;
import org.offbook.model.Problem;

/**
 * The problems of one read, in the order they were found: at most {@link Limits#maxErrors()} are
 * listed and the rest counted; a fatal problem is always listed and ends the read ({@link Stop}).
 * Text from the document is made printable, so a problem stays one line.
 */
final class ReadProblems {

    /** Stops the read: a limit was hit or the document is broken; the message is already recorded. */
    static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private final String name;
    private final Limits limits;
    private final List<Problem> problems = new ArrayList<>();
    private int unlisted;

    ReadProblems(String name, Limits limits) {
        this.name = name;
        this.limits = limits;
    }

    void problem(int line, int column, String field, String message) {
        if (problems.size() < limits.maxErrors()) {
            problems.add(new Problem(name, line, column, printable(field), printable(message)));
        } else {
            unlisted++;
        }
    }

    /** A problem that ends the read. */
    Stop fatal(int line, int column, String message) {
        // a fatal problem is always listed, even past the cap
        problems.add(new Problem(name, line, column, null, printable(message)));
        return new Stop();
    }

    /** A summary line about the whole file, listed past the cap. */
    void note(String message) {
        problems.add(Problem.of(name, 0, null, message));
    }

    /** Lists the count of the problems past the cap, if any. */
    void noteUnlisted() {
        if (unlisted > 0) {
            note(unlisted + " more problems not listed (at most " + limits.maxErrors() + " are listed per file)");
        }
    }

    List<Problem> list() {
        return List.copyOf(problems);
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
}
