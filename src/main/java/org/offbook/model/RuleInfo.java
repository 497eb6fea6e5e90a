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
 * @param standards     the US GAAP references ({@code @standards}), cited for US GAAP reporters
 * @param ifrsStandards the IFRS references ({@code @ifrs}), cited instead for an IFRS reporter;
 *                      empty when the rule declares none
 */
public record RuleInfo(String id, String family, String severity, String title, List<String> standards,
                       String name, String file, int line, String doc, String key, RuleMessages messages,
                       List<String> ifrsStandards) {

    /** A descriptor with US GAAP references only. */
    public RuleInfo(String id, String family, String severity, String title, List<String> standards,
                    String name, String file, int line, String doc, String key, RuleMessages messages) {
        this(id, family, severity, title, standards, name, file, line, doc, key, messages, List.of());
    }

    /** The references a finding on a subject of this framework cites: IFRS ones for an IFRS reporter when declared. */
    public List<String> standardsFor(boolean ifrs) {
        return ifrs && ifrsStandards != null && !ifrsStandards.isEmpty() ? ifrsStandards : standards;
    }

    /** A descriptor without declared messages (tests and tools that only list rules). */
    public RuleInfo(String id, String family, String severity, String title, List<String> standards,
                    String name, String file, int line, String doc) {
        this(id, family, severity, title, standards, name, file, line, doc, null, RuleMessages.NONE);
    }
}
