package org.offbook.reports;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.offbook.model.Finding;
import org.offbook.model.RuleInfo;

/**
 * JUnit XML for CI dashboards: a test suite per rule, a test case per rule and subject checked
 * (every entity loaded), a failure for each new finding at or above {@code --fail-on}, skipped for
 * baselined and suppressed ones; findings below the level pass with their explanation as output.
 */
public final class JunitReport implements Renderer {

    @Override
    public void render(Report r, Writer out) throws IOException {
        Map<String, List<Finding>> byRuleSubject = new LinkedHashMap<>();
        for (Finding f : r.findings()) {
            byRuleSubject.computeIfAbsent(f.ruleId() + "\u0000" + f.subject(), k -> new ArrayList<>()).add(f);
        }
        List<Finding> failing = r.failing();
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        int tests = r.rules().size() * r.entities().size();
        long failures = failing.size();
        sb.append("<testsuites name=\"offbook\" tests=\"").append(tests).append("\" failures=\"").append(failures)
                .append("\" errors=\"").append(r.errors().size()).append("\">\n");
        if (!r.errors().isEmpty()) {
            sb.append("  <testsuite name=\"offbook inputs\" tests=\"").append(r.errors().size()).append("\" failures=\"0\" errors=\"")
                    .append(r.errors().size()).append("\" skipped=\"0\">\n");
            for (var e : r.errors()) {
                sb.append("    <testcase classname=\"offbook.inputs\" name=\"").append(Xml.attr(e.location())).append("\">\n");
                sb.append("      <error message=\"").append(Xml.attr(e.message())).append("\">").append(Xml.text(e.toString())).append("</error>\n");
                sb.append("    </testcase>\n");
            }
            sb.append("  </testsuite>\n");
        }
        for (RuleInfo rule : r.rules()) {
            long ruleFailures = failing.stream().filter(f -> f.ruleId().equals(rule.id())).count();
            long ruleSkipped = r.findings().stream().filter(f -> f.ruleId().equals(rule.id()) && !f.triage().isNew()).count();
            sb.append("  <testsuite name=\"").append(Xml.attr(rule.id() + " " + rule.title())).append("\" tests=\"")
                    .append(r.entities().size()).append("\" failures=\"").append(ruleFailures).append("\" errors=\"0\" skipped=\"")
                    .append(ruleSkipped).append("\">\n");
            for (Map.Entry<String, String> entity : r.entities().entrySet()) {
                List<Finding> fs = byRuleSubject.getOrDefault(rule.id() + "\u0000" + entity.getKey(), List.of());
                sb.append("    <testcase classname=\"offbook.").append(Xml.attr(rule.id())).append("\" name=\"")
                        .append(Xml.attr(entity.getValue() + " (" + entity.getKey() + ")")).append("\">\n");
                for (Finding f : fs) {
                    String text = f.explanation() + "\nStandards: " + String.join("; ", f.standards()) + "\nEvidence: "
                            + String.join(", ", f.evidence().stream().map(e -> e.location()).toList()) + "\nFingerprint: " + f.fingerprint();
                    if (failing.contains(f)) {
                        sb.append("      <failure type=\"").append(f.severity().label()).append("\" message=\"")
                                .append(Xml.attr(f.explanation())).append("\">").append(Xml.text(text)).append("</failure>\n");
                    } else if (!f.triage().isNew()) {
                        sb.append("      <skipped message=\"").append(Xml.attr(f.triage().status() + ": "
                                + (f.triage().reason() == null ? "" : f.triage().reason()))).append("\"/>\n");
                    } else {
                        sb.append("      <system-out>").append(Xml.text("[" + f.severity().label() + "] " + text)).append("</system-out>\n");
                    }
                }
                sb.append("    </testcase>\n");
            }
            sb.append("  </testsuite>\n");
        }
        sb.append("</testsuites>\n");
        out.write(sb.toString());
    }
}
