package org.offbook.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A finding the generator planted: the rule that must report it, its subject, the other entities
 * it must name, and where the facts behind it were written. {@code planted-findings.tsv} lists
 * them, one a line, tab-separated: {@code rule subject related scenario where}.
 */
public record Planted(String rule, String subject, List<String> related, String scenario, String where) {

    public static final String FILE = "planted-findings.tsv";
    static final String HEADER = "rule\tsubject\trelated\tscenario\twhere";

    /** The finding as the benchmark compares findings: rule, subject and the sorted related entities. */
    public FindingKey key() {
        return FindingKey.of(rule, subject, related);
    }

    String line() {
        return rule + "\t" + subject + "\t" + String.join(",", related) + "\t" + scenario + "\t" + where;
    }

    public static List<Planted> read(Path market) throws IOException {
        List<Planted> out = new ArrayList<>();
        for (String line : Files.readAllLines(market.resolve(FILE), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.equals(HEADER)) {
                continue;
            }
            String[] c = line.split("\t", -1);
            out.add(new Planted(c[0], c[1], c[2].isEmpty() ? List.of() : List.of(c[2].split(",")), c[3], c[4]));
        }
        return out;
    }

    static void write(Path market, List<Planted> planted) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Planted p : planted) {
            sb.append(p.line()).append('\n');
        }
        Files.writeString(market.resolve(FILE), sb, StandardCharsets.UTF_8);
    }
}
