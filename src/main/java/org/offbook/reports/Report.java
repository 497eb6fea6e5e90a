package org.offbook.reports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.offbook.triage.Baseline;
import org.offbook.model.TriageStatus;
import org.offbook.model.Finding;
import org.offbook.model.Severity;
import org.offbook.model.FileStats;
import org.offbook.model.Problem;
import org.offbook.model.RuleInfo;
import org.offbook.model.RunInfo;

/**
 * Everything one check produced, as the renderers see it. Renderers only format this; they make
 * no judgement of their own. {@code notices} are information about the inputs that is not an
 * error (a duplicate fact counted once, a link not followed); {@code factsMerged} counts the facts
 * loaded that were the same as an earlier fact (loaded = distinct facts + merged); {@code run} identifies the
 * run in a workpaper (engagement, as-of date, preparer, rule versions).
 */
public record Report(
        String toolVersion,
        List<String> inputs,
        List<FileStats> files,
        List<String> skipped,
        int factsRead,
        int factsLoaded,
        List<RuleInfo> rules,
        List<String> ruleFiles,
        List<Problem> errors,
        List<Finding> findings,
        List<Baseline.Entry> resolved,
        String generatedAt,
        Map<String, String> entities,
        Severity failOn,
        List<Problem> notices,
        int factsMerged,
        List<org.offbook.prepare.credit.Credit> credit,
        boolean failOnGaps,
        List<org.offbook.model.Assumption> assumptions,
        RunInfo run) {

    public Report {
        run = run == null ? RunInfo.NONE : run;
    }

    /** Without run metadata. */
    public Report(String toolVersion, List<String> inputs, List<FileStats> files, List<String> skipped, int factsRead,
                  int factsLoaded, List<RuleInfo> rules, List<String> ruleFiles, List<Problem> errors, List<Finding> findings,
                  List<Baseline.Entry> resolved, String generatedAt, Map<String, String> entities, Severity failOn,
                  List<Problem> notices, int factsMerged, List<org.offbook.prepare.credit.Credit> credit, boolean failOnGaps,
                  List<org.offbook.model.Assumption> assumptions) {
        this(toolVersion, inputs, files, skipped, factsRead, factsLoaded, rules, ruleFiles, errors, findings, resolved,
                generatedAt, entities, failOn, notices, factsMerged, credit, failOnGaps, assumptions, RunInfo.NONE);
    }

    /** With a credit section (docs/credit.md), not-assessed findings outside --fail-on and no assumptions listed. */
    public Report(String toolVersion, List<String> inputs, List<FileStats> files, List<String> skipped, int factsRead,
                  int factsLoaded, List<RuleInfo> rules, List<String> ruleFiles, List<Problem> errors, List<Finding> findings,
                  List<Baseline.Entry> resolved, String generatedAt, Map<String, String> entities, Severity failOn,
                  List<Problem> notices, int factsMerged, List<org.offbook.prepare.credit.Credit> credit) {
        this(toolVersion, inputs, files, skipped, factsRead, factsLoaded, rules, ruleFiles, errors, findings, resolved,
                generatedAt, entities, failOn, notices, factsMerged, credit, false, List.of(), RunInfo.NONE);
    }

    /** Without a credit section (docs/credit.md): the report of a plain check. */
    public Report(String toolVersion, List<String> inputs, List<FileStats> files, List<String> skipped, int factsRead,
                  int factsLoaded, List<RuleInfo> rules, List<String> ruleFiles, List<Problem> errors, List<Finding> findings,
                  List<Baseline.Entry> resolved, String generatedAt, Map<String, String> entities, Severity failOn,
                  List<Problem> notices, int factsMerged) {
        this(toolVersion, inputs, files, skipped, factsRead, factsLoaded, rules, ruleFiles, errors, findings, resolved,
                generatedAt, entities, failOn, notices, factsMerged, List.of(), false, List.of(), RunInfo.NONE);
    }

    public Report(String toolVersion, List<String> inputs, List<FileStats> files, List<String> skipped, int factsRead,
                  int factsLoaded, List<RuleInfo> rules, List<String> ruleFiles, List<Problem> errors, List<Finding> findings,
                  List<Baseline.Entry> resolved, String generatedAt, Map<String, String> entities, Severity failOn) {
        this(toolVersion, inputs, files, skipped, factsRead, factsLoaded, rules, ruleFiles, errors, findings, resolved,
                generatedAt, entities, failOn, List.of(), 0);
    }

    /** The same report judged against another --fail-on level (null for never). */
    public Report withFailOn(Severity level) {
        return new Report(toolVersion, inputs, files, skipped, factsRead, factsLoaded, rules, ruleFiles, errors, findings,
                resolved, generatedAt, entities, level, notices, factsMerged, credit, failOnGaps, assumptions, run);
    }

    /** The same report with this run metadata. */
    public Report withRun(RunInfo info) {
        return new Report(toolVersion, inputs, files, skipped, factsRead, factsLoaded, rules, ruleFiles, errors, findings,
                resolved, generatedAt, entities, failOn, notices, factsMerged, credit, failOnGaps, assumptions, info);
    }

    /** The same report with not-assessed findings counting for --fail-on (--fail-on-gaps) or not (the default). */
    public Report withFailOnGaps(boolean gaps) {
        return new Report(toolVersion, inputs, files, skipped, factsRead, factsLoaded, rules, ruleFiles, errors, findings,
                resolved, generatedAt, entities, failOn, notices, factsMerged, credit, gaps, assumptions, run);
    }

    /** The same report listing the assumptions in force (their values after --assume, with their ranges). */
    public Report withAssumptions(List<org.offbook.model.Assumption> in) {
        return new Report(toolVersion, inputs, files, skipped, factsRead, factsLoaded, rules, ruleFiles, errors, findings,
                resolved, generatedAt, entities, failOn, notices, factsMerged, credit, failOnGaps, List.copyOf(in), run);
    }

    /** The risk findings: everything but the not-assessed notes. */
    public List<Finding> risks() {
        return findings.stream().filter(Finding::isRisk).toList();
    }

    /** The not-assessed findings: questions a missing input left open (outside the risk counts). */
    public List<Finding> gaps() {
        return findings.stream().filter(f -> !f.isRisk()).toList();
    }

    public int factsRejected() {
        return factsRead - factsLoaded;
    }

    public long count(TriageStatus status) {
        return findings.stream().filter(f -> f.triage().state() == status).count();
    }

    /** {@link #count(TriageStatus)} by the status's label ({@code "new"}), as the HTML report asks for it. */
    public long count(String status) {
        return findings.stream().filter(f -> f.triage().status().equals(status)).count();
    }

    public Map<Severity, Integer> countBySeverity() {
        Map<Severity, Integer> out = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            out.put(s, 0);
        }
        for (Finding f : findings) {
            if (f.isRisk()) {
                out.merge(f.severity(), 1, Integer::sum);
            }
        }
        return out;
    }

    /** The new findings at or above this report's --fail-on level: what makes the run exit 4. */
    public List<Finding> failing() {
        return atOrAbove(failOn);
    }

    /**
     * New risk findings (not baselined or suppressed) at or above a severity; none when {@code threshold} is null
     * ("never"). Not-assessed findings count only with --fail-on-gaps, and then whatever the level.
     */
    public List<Finding> atOrAbove(Severity threshold) {
        List<Finding> out = new ArrayList<>();
        if (threshold == null) {
            return out;
        }
        for (Finding f : findings) {
            if (f.triage().isNew() && (f.isRisk() ? f.severity().compareTo(threshold) >= 0 : failOnGaps)) {
                out.add(f);
            }
        }
        return out;
    }
}
