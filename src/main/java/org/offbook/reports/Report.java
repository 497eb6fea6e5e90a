package org.offbook.reports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.offbook.findings.Finding;
import org.offbook.findings.Severity;
import org.offbook.load.FileStats;
import org.offbook.load.LoadError;
import org.offbook.rules.RuleInfo;

/**
 * Everything one check produced, as the renderers see it. Renderers only format this; they make
 * no judgement of their own.
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
        List<LoadError> errors,
        List<Finding> findings) {

    public int factsRejected() {
        return factsRead - factsLoaded;
    }

    public Map<Severity, Integer> countBySeverity() {
        Map<Severity, Integer> out = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            out.put(s, 0);
        }
        for (Finding f : findings) {
            out.merge(f.severity(), 1, Integer::sum);
        }
        return out;
    }

    /** Findings at or above a severity; none when {@code threshold} is null ("never"). */
    public List<Finding> atOrAbove(Severity threshold) {
        List<Finding> out = new ArrayList<>();
        if (threshold == null) {
            return out;
        }
        for (Finding f : findings) {
            if (f.severity().compareTo(threshold) >= 0) {
                out.add(f);
            }
        }
        return out;
    }
}
