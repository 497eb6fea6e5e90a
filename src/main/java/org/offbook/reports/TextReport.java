package org.offbook.reports;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.offbook.model.Evidence;
import org.offbook.model.TriageStatus;
import org.offbook.model.Finding;
import org.offbook.model.Severity;
import org.offbook.model.Problem;
import org.offbook.model.RunInfo;

/**
 * The report for people: findings grouped by the company they are about, most severe first, each
 * with its explanation, figures, standards and evidence; then errors and a summary.
 */
public final class TextReport implements Renderer {

    static final int WIDTH = 100;

    @Override
    public void render(Report r, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder();
        Map<String, List<Finding>> bySubject = new LinkedHashMap<>();
        for (Finding f : r.risks()) {
            bySubject.computeIfAbsent(f.subject(), k -> new ArrayList<>()).add(f);
        }
        runHeader(sb, r);
        Map<String, Finding> byPrint = new LinkedHashMap<>();
        r.findings().forEach(f -> byPrint.put(f.fingerprint(), f));
        if (r.risks().isEmpty()) {
            sb.append("No findings.\n\n");
        }
        // most severe company first, then by name
        List<Map.Entry<String, List<Finding>>> groups = new ArrayList<>(bySubject.entrySet());
        groups.sort((a, b) -> {
            int c = a.getValue().get(0).severity().compareTo(b.getValue().get(0).severity());
            return c != 0 ? -c : 0;
        });
        for (Map.Entry<String, List<Finding>> g : groups) {
            List<Finding> list = g.getValue();
            Finding first = list.get(0);
            sb.append(first.subjectName()).append(" (").append(first.subject()).append("): ")
                    .append(count(list.size(), "finding")).append(" - ").append(severities(list)).append('\n');
            sb.append("=".repeat(Math.min(WIDTH, first.subjectName().length() + first.subject().length() + 3))).append("\n\n");
            for (Finding f : list) {
                finding(sb, f, byPrint);
            }
        }
        if (!r.gaps().isEmpty()) {
            // apart from the risks: a missing input is a gap to fill, not a risk found
            sb.append("Not assessed (").append(r.gaps().size()).append("): questions the inputs given cannot settle; not risks, "
                    + "outside the counts and --fail-on").append(r.failOnGaps() ? " (but counted by --fail-on-gaps)" : "").append("\n");
            sb.append("=".repeat(13)).append("\n\n");
            for (Finding f : r.gaps()) {
                finding(sb, f, byPrint);
            }
        }
        if (!r.assumptions().isEmpty()) {
            sb.append("Assumptions (").append(r.assumptions().size()).append("): values the rules use where the inputs give none\n");
            r.assumptions().forEach(a -> wrap(sb, a.describe() + ": " + a.reason(), "  ", "    "));
            sb.append('\n');
        }
        if (!r.errors().isEmpty()) {
            sb.append("Errors (").append(r.errors().size()).append("): these inputs or rules were not (fully) checked\n");
            for (Problem e : r.errors()) {
                // one line per error, even for a file whose name holds a line break
                sb.append("  ").append(oneLine(e.toString())).append('\n');
            }
            sb.append('\n');
        }
        if (!r.notices().isEmpty()) {
            sb.append("Notes (").append(r.notices().size()).append("):\n");
            for (Problem e : r.notices()) {
                sb.append("  ").append(oneLine(e.toString())).append('\n');
            }
            sb.append('\n');
        }
        if (!r.resolved().isEmpty()) {
            sb.append("Resolved since the baseline (").append(r.resolved().size()).append("):\n");
            r.resolved().forEach(e -> sb.append("  ").append(e.ruleId()).append(' ').append(e.subject()).append("  ")
                    .append(e.title()).append("  [").append(e.fingerprint()).append("]\n"));
            sb.append('\n');
        }
        sb.append(summary(r)).append('\n');
        out.write(inert(sb.toString()));
    }

    /** Line breaks (in a file name, say) written as escapes, so that a line of the report stays one line. */
    static String oneLine(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n");
    }

    /**
     * The report as a terminal may show it: control characters (escape sequences that would recolour,
     * retitle or clear the terminal), bidirectional overrides and unpaired surrogates taken from
     * input are replaced by U+FFFD; line breaks and tabs are kept.
     */
    static String inert(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            boolean bad = c != '\n' && c != '\t' && (c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E)
                    || (c >= 0x2066 && c <= 0x2069) || (Character.isSurrogate(c) && !pair));
            if (bad && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (sb != null) {
                sb.append(bad ? '\uFFFD' : c);
                if (pair) {
                    sb.append(s.charAt(i + 1));
                }
            }
            if (pair) {
                i++;
            }
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * Engagement, as-of date, preparer, tool and rule-pack version: the lines given, before the
     * findings. Each rule's version is left to the other formats: on every finding line it would
     * change the text of every example in the rule pages with every rule edit.
     */
    static void runHeader(StringBuilder sb, Report r) {
        RunInfo run = r.run();
        if (run.title() != null) {
            sb.append("Engagement: ").append(oneLine(run.title())).append('\n');
        }
        if (run.asOf() != null) {
            sb.append("As of: ").append(run.asOfText()).append('\n');
        }
        if (run.preparer() != null) {
            sb.append("Preparer: ").append(oneLine(run.preparer())).append('\n');
        }
        if (run.rulePack() != null) {
            sb.append("Rule pack: ").append(run.rulePack()).append(" (").append(r.rules().size())
                    .append(" rules; each rule's version in --format json)  offbook ").append(r.toolVersion()).append("\n\n");
        }
    }

    private static void finding(StringBuilder sb, Finding f, Map<String, Finding> byPrint) {
        sb.append("  [").append(f.isRisk() ? f.severity().name() : "NOT ASSESSED").append("] ").append(f.ruleId()).append("  ")
                .append(f.title());
        if (!f.triage().isNew()) {
            sb.append("  (").append(f.triage().status()).append(')');
        }
        sb.append('\n');
        if (f.triage().reason() != null) {
            wrap(sb, (f.triage().isNew() ? "Note: " : capitalise(f.triage().status()) + ": ") + f.triage().reason(), "    ", "      ");
        }
        Finding.Framing fr = f.framing();
        if (!f.isRisk() && fr.missing() != null) {
            wrap(sb, "Would be settled by: " + fr.missing(), "    ", "      ");
        }
        if (f.amount() != null) {
            sb.append("    Amount").append(fr.amountKind() == null ? "" : " (" + fr.amountKind() + ")").append(": ")
                    .append(f.amount().display());
            if (!fr.counted()) {
                Finding in = fr.sameMoneyAs().stream().map(byPrint::get).filter(x -> x != null && x.framing().counted())
                        .findFirst().orElse(null);
                sb.append(in == null ? ", the same money as another finding (counted once there)"
                        : ", the same money as " + in.ruleId() + (in.subject().equals(f.subject()) ? "" : " on " + in.subjectName())
                          + " [" + in.fingerprint() + "], counted once there");
            } else if (!fr.sameMoneyAs().isEmpty()) {
                sb.append(", counted here once for ").append(count(fr.sameMoneyAs().size() + 1, "finding")).append(" on the same money");
            }
            sb.append('\n');
        }
        if (fr.materiality() != null) {
            wrap(sb, "Size: " + fr.materiality(), "    ", "      ");
        }
        if (!fr.assumed().isEmpty()) {
            wrap(sb, "Assumed: " + String.join("; ", fr.assumed()), "    ", "      ");
        }
        if (f.explanation() != null) {
            wrap(sb, f.explanation(), "    ", "    ");
        }
        if (f.why() != null) {
            wrap(sb, "Why it matters: " + f.why(), "    ", "      ");
        }
        if (f.procedure() != null) {
            wrap(sb, "Procedure: " + f.procedure(), "    ", "      ");
        }
        wrap(sb, "Standards: " + String.join("; ", f.standards()), "    ", "      ");
        sb.append("    Evidence:\n");
        for (Evidence e : f.evidence()) {
            sb.append("      ").append(oneLine(e.location() + "  " + e.type() + " " + e.fact())).append('\n');
        }
        sb.append("    Fingerprint: ").append(f.fingerprint()).append("  (rule ").append(f.ruleFile()).append(")\n\n");
    }

    static String summary(Report r) {
        Map<Severity, Integer> counts = r.countBySeverity();
        StringJoiner sev = new StringJoiner(", ");
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            Severity s = Severity.values()[i];
            sev.add(counts.get(s) + " " + s.label());
        }
        String triage = r.count(TriageStatus.NEW) == r.findings().size() ? ""
                : "; " + r.count(TriageStatus.NEW) + " new, " + r.count(TriageStatus.BASELINED) + " baselined, " + r.count(TriageStatus.SUPPRESSED) + " suppressed";
        String gaps = r.gaps().isEmpty() ? "" : ", " + r.gaps().size() + " not assessed";
        return "Summary: " + count(r.risks().size(), "finding") + " (" + sev + ")" + gaps + triage + "; "
                + count(r.files().size(), "file") + " read, " + r.factsRead() + " facts read, " + r.factsLoaded() + " loaded, "
                + r.factsRejected() + " rejected" + (r.factsMerged() == 0 ? "" : ", " + count(r.factsMerged(), "duplicate") + " counted once") + (r.skipped().isEmpty() ? "" : ", " + r.skipped().size() + " other files skipped")
                + "; " + count(r.rules().size(), "rule") + " from " + count(r.ruleFiles().size(), "rule file") + "; "
                + count(r.errors().size(), "error") + ".";
    }

    private static String severities(List<Finding> list) {
        Map<Severity, Integer> counts = new LinkedHashMap<>();
        for (Finding f : list) {
            counts.merge(f.severity(), 1, Integer::sum);
        }
        StringJoiner j = new StringJoiner(", ");
        counts.forEach((s, n) -> j.add(n + " " + s.label()));
        return j.toString();
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Word-wraps {@code text} at {@link #WIDTH}, first line with {@code indent}, the rest with {@code hanging}. */
    static void wrap(StringBuilder sb, String text, String indent, String hanging) {
        String prefix = indent;
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && prefix.length() + line.length() + 1 + word.length() > WIDTH) {
                sb.append(prefix).append(line).append('\n');
                line.setLength(0);
                prefix = hanging;
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            sb.append(prefix).append(line).append('\n');
        }
    }
}
