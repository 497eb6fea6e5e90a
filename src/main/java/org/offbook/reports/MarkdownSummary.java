package org.offbook.reports;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.offbook.model.Evidence;
import org.offbook.model.Finding;
import org.offbook.model.Problem;
import org.offbook.model.Severity;

/**
 * A Markdown job summary ({@code markdown}), for {@code $GITHUB_STEP_SUMMARY} on GitHub Actions
 * ({@code --report markdown=$GITHUB_STEP_SUMMARY}) or a merge-request note: the counts by severity
 * and status, the errors, and a table of the findings (severity, rule, company, title, evidence).
 * Text from the inputs is escaped, so it cannot add Markdown, HTML or table cells of its own.
 */
public final class MarkdownSummary implements Renderer {

    @Override
    public void render(Report r, Writer out) throws IOException {
        out.write("## offbook: " + r.findings().size() + " findings, " + r.failing().size() + " failing\n\n");
        Map<Severity, Integer> by = r.countBySeverity();
        out.write("| critical | high | medium | low | info | new | baselined | suppressed | errors |\n");
        out.write("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        out.write("| " + by.get(Severity.CRITICAL) + " | " + by.get(Severity.HIGH) + " | " + by.get(Severity.MEDIUM) + " | "
                + by.get(Severity.LOW) + " | " + by.get(Severity.INFO) + " | " + r.count("new") + " | " + r.count("baselined") + " | "
                + r.count("suppressed") + " | " + r.errors().size() + " |\n\n");
        out.write("Fails at: " + (r.failOn() == null ? "never" : r.failOn().label() + " and above (new findings)") + ". "
                + r.files().size() + " files read, " + r.factsLoaded() + " facts loaded, " + r.rules().size() + " rules; offbook "
                + cell(r.toolVersion()) + (r.run().rulePack() == null ? "" : ", rule pack `" + r.run().rulePack() + "`") + ".\n");
        if (r.run().title() != null || r.run().asOf() != null || r.run().preparer() != null) {
            out.write("Engagement: " + (r.run().title() == null ? "-" : cell(r.run().title())) + "; as of "
                    + (r.run().asOf() == null ? "-" : r.run().asOfText()) + "; preparer "
                    + (r.run().preparer() == null ? "-" : cell(r.run().preparer())) + ".\n");
        }
        if (!r.errors().isEmpty()) {
            out.write("\n### Errors\n\n");
            for (Problem e : r.errors()) {
                out.write("- `" + e.toString().replace("`", "'").replace("\n", " ") + "`\n");
            }
        }
        if (!r.findings().isEmpty()) {
            out.write("\n### Findings\n\n| severity | rule | company | finding | status | evidence |\n|---|---|---|---|---|---|\n");
            List<Finding> failing = r.failing();
            for (Finding f : r.findings()) {
                Evidence at = primary(f);
                out.write("| " + (failing.contains(f) ? "**" + f.severity().label() + "**" : f.severity().label()) + " | " + cell(f.ruleId())
                        + " | " + cell(f.subjectName()) + " | " + cell(f.title()) + " | " + cell(f.triage().status()) + " | "
                        + (at == null ? "" : cell(at.location())) + " |\n");
            }
        }
    }

    /** The location a finding is shown at: its first evidence fact (as SARIF and JUnit do). */
    static Evidence primary(Finding f) {
        return f.evidence().stream().filter(e -> !e.type().equals("threshold")).findFirst()
                .orElse(f.evidence().isEmpty() ? null : f.evidence().get(0));
    }

    /** Text in a table cell: one line, Markdown and HTML characters escaped, pipes kept inside the cell. */
    static String cell(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (char c : Xml.text(s).replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '|', '\\', '`', '*', '_', '[', ']', '#', '!' -> b.append('\\').append(c);
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
