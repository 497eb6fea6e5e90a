package org.offbook.model;

import java.util.List;

/** A rule's metadata as declared in its DRL: the one place a rule describes itself. */
public record RuleInfo(String id, String family, String severity, String title, List<String> standards,
                       String name, String file, int line, String doc) {
}
