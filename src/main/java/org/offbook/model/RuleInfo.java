package org.offbook.model;

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
}
