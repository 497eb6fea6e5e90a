package org.offbook.model;

import java.util.List;
import org.offbook.engine.RuleCompiler;

/** A rule's metadata as declared in its DRL: the one place a rule describes itself. */
public record RuleInfo(String id, String family, String severity, String title, List<String> standards,
                       String name, String file, int line, String doc) {

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
