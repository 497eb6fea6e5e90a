package org.offbook;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.offbook.facts.Entity;
import org.offbook.findings.Severity;
import org.offbook.findings.Baseline;
import org.offbook.findings.Policy;
import org.offbook.findings.RuleProblem;
import org.offbook.findings.Triage;
import org.offbook.load.FolderLoader;
import org.offbook.load.LoadError;
import org.offbook.load.LoadResult;
import org.offbook.reports.Report;
import org.offbook.rules.CompiledRules;
import org.offbook.rules.RuleCompiler;
import org.offbook.rules.RuleRunner;

/** The pipeline, end to end: load the inputs, compile the rules, run them, triage, assemble the report. */
public final class Check {

    /**
     * What to check and how.
     *
     * @param inputs   files and folders of filings and deal terms
     * @param ruleDirs rule folders
     * @param limits   limits on the rule run
     * @param config   suppressions and severity overrides (null for none)
     * @param baseline accepted findings (null for none)
     * @param followLinks follow symbolic links out of the input folders (by default they are skipped and listed)
     */
    public record Options(List<Path> inputs, List<Path> ruleDirs, RuleRunner.Limits limits, Path config, Path baseline, boolean followLinks) {
        public Options(List<Path> inputs, List<Path> ruleDirs) {
            this(inputs, ruleDirs, RuleRunner.Limits.DEFAULT, null, null);
        }

        public Options(List<Path> inputs, List<Path> ruleDirs, RuleRunner.Limits limits, Path config, Path baseline) {
            this(inputs, ruleDirs, limits, config, baseline, false);
        }
    }

    private Check() {
    }

    public static Report run(List<Path> inputs, List<Path> ruleDirs, RuleRunner.Limits limits) {
        return run(new Options(inputs, ruleDirs, limits, null, null));
    }

    public static Report run(Options o) {
        // progress on standard error when it is a terminal (Progress.forEnvironment), unless a caller
        // installed its own reporter (then it is the caller's to finish); the line is cleared before
        // the report is written
        boolean own = Progress.installed() == null;
        Progress progress = own ? Progress.forEnvironment() : Progress.current();
        if (own) {
            Progress.install(progress);
        }
        try {
            return run(o, progress);
        } finally {
            if (own) {
                progress.done();
                Progress.install(null);
            }
        }
    }

    private static Report run(Options o, Progress progress) {
        progress.stage("load");
        LoadResult loaded = FolderLoader.load(o.inputs(), o.followLinks());
        progress.stage("compile");
        CompiledRules rules = RuleCompiler.compile(o.ruleDirs());
        RuleRunner.Result result = RuleRunner.run(rules, loaded.facts(), o.limits());
        progress.stage("report");

        List<LoadError> errors = new ArrayList<>(loaded.errors());
        errors.addAll(rules.errors());
        for (RuleProblem p : result.problems()) {
            errors.add(LoadError.of(p.ruleFile() == null || p.ruleFile().isEmpty() ? "rules" : p.ruleFile(), p.line(), null,
                    (p.ruleId() == null ? "" : p.ruleId() + ": ") + p.message()));
        }
        Policy policy = o.config() == null ? Policy.NONE : Policy.read(o.config(), errors);
        List<Baseline.Entry> baseline = o.baseline() == null ? List.of() : Baseline.read(o.baseline(), errors);
        Triage.Result triaged = Triage.apply(result.findings(), policy, baseline);
        errors.sort(null);
        List<String> shownInputs = new ArrayList<>();
        for (Path p : o.inputs()) {
            shownInputs.add(p.normalize().toString().replace('\\', '/'));
        }
        return new Report(Version.get(), shownInputs, loaded.files(), loaded.skipped(), loaded.factsRead(),
                loaded.factsLoaded(), rules.rules(), rules.drlFiles(), List.copyOf(errors), triaged.findings(),
                triaged.resolved(), generatedAt(), entityNames(loaded), Severity.LOW, loaded.notices(), loaded.merged());
    }

    private static Map<String, String> entityNames(LoadResult loaded) {
        Map<String, String> names = new TreeMap<>();
        for (var f : loaded.facts()) {
            if (f instanceof Entity e) {
                names.put(e.id(), e.name());
            }
        }
        return Collections.unmodifiableMap(names);
    }

    /** The generation time reports may show: only from SOURCE_DATE_EPOCH, so that runs stay reproducible. */
    static String generatedAt() {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        if (epoch == null || !epoch.strip().matches("\\d{1,12}")) {
            return null;
        }
        return Instant.ofEpochSecond(Long.parseLong(epoch.strip())).toString();
    }
}
