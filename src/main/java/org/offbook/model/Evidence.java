package org.offbook.model;

/**
 * One fact a finding rests on: where it was read ({@code file}, {@code line}), its type, a short
 * description and the fact's own {@code source} (a filing, an accession number and concept, a
 * press report). Thresholds used by the rule are evidence too (type {@code threshold}, with the
 * reason for the value as source).
 */
public record Evidence(String file, int line, String type, String fact, String source) implements Comparable<Evidence> {

    public Evidence(String file, int line, String type, String fact) {
        this(file, line, type, fact, null);
    }

    public String location() {
        return file + ":" + line;
    }

    @Override
    public int compareTo(Evidence o) {
        // the facts first, then the thresholds the rule compared them with
        int c = Boolean.compare(type.equals("threshold"), o.type.equals("threshold"));
        if (c == 0) {
            c = file.compareTo(o.file);
        }
        if (c == 0) {
            c = Integer.compare(line, o.line);
        }
        return c != 0 ? c : fact.compareTo(o.fact);
    }
}
