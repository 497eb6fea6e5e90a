package org.offbook.triage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.offbook.findings.Findings;
import org.offbook.model.TriageStatus;
import org.offbook.model.Finding;
import org.offbook.model.Severity;

/**
 * Applies the team's decisions to the findings, in this order: severity overrides, then
 * suppressions, then the baseline. Nothing is removed: every finding stays in the reports with
 * its status; {@code --fail-on} counts only new ones.
 */
public final class Triage {

    /** The findings with their status, and the baseline entries no finding matched any more. */
    public record Result(List<Finding> findings, List<Baseline.Entry> resolved) {
    }

    private Triage() {
    }

    public static Result apply(List<Finding> findings, Policy policy, List<Baseline.Entry> baseline) {
        Map<String, Baseline.Entry> accepted = baseline.stream().collect(Collectors.toMap(Baseline.Entry::fingerprint, Function.identity()));
        Set<String> matched = new HashSet<>();
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            Severity ruleSeverity = null;
            String note = null;
            for (Policy.Entry o : policy.overrides()) {
                if (o.matches(f)) {
                    ruleSeverity = f.severity();
                    f = f.withSeverity(o.severity());
                    note = "severity " + ruleSeverity.label() + " -> " + o.severity().label() + ": " + o.reason() + " (" + o.where() + ")";
                    break;
                }
            }
            Finding current = f;
            Policy.Entry s = policy.suppressions().stream().filter(e -> e.matches(current)).findFirst().orElse(null);
            Baseline.Entry b = accepted.get(f.fingerprint());
            if (b != null) {
                matched.add(f.fingerprint());
            }
            if (s != null) {
                f = f.withTriage(new Finding.Triage(TriageStatus.SUPPRESSED, join(s.reason() + " (" + s.where() + ")", note), ruleSeverity));
            } else if (b != null) {
                String who = b.reviewer() == null || b.reviewer().isBlank() ? "" : "; reviewer " + b.reviewer();
                String when = b.date() == null || b.date().isBlank() ? "" : "; " + b.date();
                String why = b.justification() == null || b.justification().isBlank() ? "accepted in the baseline" : b.justification();
                f = f.withTriage(new Finding.Triage(TriageStatus.BASELINED, join(why + who + when, note), ruleSeverity));
            } else if (note != null) {
                f = f.withTriage(new Finding.Triage(TriageStatus.NEW, note, ruleSeverity));
            }
            out.add(f);
        }
        out.sort(Findings.ORDER);
        List<Baseline.Entry> resolved = baseline.stream().filter(e -> !matched.contains(e.fingerprint())).toList();
        return new Result(List.copyOf(out), resolved);
    }

    private static String join(String a, String b) {
        return b == null ? a : a + "; " + b;
    }
}
