package org.offbook.model;

/**
 * A problem with an input file or rule file, reported to the user as one line:
 * {@code file:line[:column]: [field 'x': ]message}. Line and column are 0 when unknown.
 */
public record LoadError(String file, int line, int column, String field, String message) implements Comparable<LoadError> {

    public static LoadError of(String file, int line, String field, String message) {
        return new LoadError(file, line, 0, field, message);
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

    /** The one-line form; line breaks (a file name may hold one) are written as escapes. */
    @Override
    public String toString() {
        String s = location() + ": " + (field == null ? "" : "field '" + field + "': ") + message;
        return s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? s : s.replace("\r", "\\r").replace("\n", "\\n");
    }

    @Override
    public int compareTo(LoadError o) {
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
