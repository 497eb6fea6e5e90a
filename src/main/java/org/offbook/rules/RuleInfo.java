package org.offbook.rules;

import java.util.List;

/**
 * A rule's descriptor: its metadata and messages as declared in its DRL, read once when the rules
 * are compiled and checked there (the one place a rule describes itself; findings, reports, rule
 * pages and {@code rules list/explain} all read this).
 *
 * @param key      the rule's package and name, as Drools knows it
 * @param messages the declared explanation, why and procedure templates and the values the
 *                 consequence supplies ({@link RuleMessages#NONE} for a rule that still passes its
 *                 templates at run time)
 */
public record RuleInfo(String id, String family, String severity, String title, List<String> standards,
                       String name, String file, int line, String doc, String key, RuleMessages messages) {

    /** A descriptor without declared messages (tests and tools that only list rules). */
    public RuleInfo(String id, String family, String severity, String title, List<String> standards,
                    String name, String file, int line, String doc) {
        this(id, family, severity, title, standards, name, file, line, doc, null, RuleMessages.NONE);
    }

    /** The thresholds this rule's DRL file refers to, by name, in order of first use. */
    public java.util.List<String> thresholdNames() {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        try {
            java.util.regex.Matcher m = RuleCompiler.THRESHOLD_REF.matcher(java.nio.file.Files.readString(java.nio.file.Path.of(file)));
            while (m.find()) {
                names.add(m.group(1));
            }
        } catch (java.io.IOException e) {
            // the file was read moments ago to compile it; an unreadable file simply lists none
        }
        return java.util.List.copyOf(names);
    }
}
