package org.offbook.model;

/** Where a fact was read: the file as the user named it (forward slashes) and the 1-based line. */
public record Provenance(String file, int line) implements Comparable<Provenance> {

    @Override
    public int compareTo(Provenance o) {
        int c = file == o.file ? 0 : file.compareTo(o.file); // the facts of one file share its name
        return c != 0 ? c : Integer.compare(line, o.line);
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
