package org.offbook.findings;

/**
 * One fact a finding rests on: where it was read ({@code file}, {@code line}), its type and a
 * short description. Thresholds used by the rule are evidence too (type {@code threshold}).
 */
public record Evidence(String file, int line, String type, String fact) implements Comparable<Evidence> {

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
