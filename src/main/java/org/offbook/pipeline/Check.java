package org.offbook.pipeline;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.offbook.findings.Findings;
import org.offbook.engine.Reporter;
import org.offbook.model.Entity;
import org.offbook.model.RuleInfo;
import java.util.HashMap;
import java.util.Map;
import org.offbook.model.Entities;
import org.offbook.model.Fact;
import org.offbook.model.Finding;
import org.offbook.model.ProgressListener;
import org.offbook.model.Severity;
import org.offbook.model.Version;
import org.offbook.triage.Baseline;
import org.offbook.triage.Policy;
import org.offbook.model.RuleProblem;
import org.offbook.triage.Triage;
import org.offbook.load.FolderLoader;
import org.offbook.model.LoadError;
import org.offbook.load.LoadResult;
import org.offbook.prepare.Derivations;
import org.offbook.reports.Report;
import org.offbook.engine.CompiledRules;
import org.offbook.engine.RuleCompiler;
import org.offbook.engine.RuleRunner;

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

    /**
     * Runs the pipeline with progress on standard error when it is a terminal
     * ({@link Progress#forEnvironment()}); the line is cleared before the report is returned.
     */
    public static Report run(Options o) {
        ProgressListener progress = Progress.forEnvironment();
        try {
            return run(o, progress);
        } finally {
            progress.done();
        }
    }

    /** Runs the pipeline, reporting progress to {@code progress} (the caller's to finish). */
    public static Report run(Options o, ProgressListener progress) {
        progress.stage("load");
        LoadResult loaded = FolderLoader.load(o.inputs(), o.followLinks(), o.ruleDirs(), progress);
        progress.stage("compile");
        CompiledRules rules = RuleCompiler.compile(o.ruleDirs());
        Evaluation result = evaluate(rules, loaded.facts(), o.limits(), progress);
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
                triaged.resolved(), generatedAt(), Entities.names(loaded.facts()), Severity.LOW, loaded.notices(), loaded.merged());
    }

    /** The findings of a rule run, the problems it ran into and the number of rule firings. */
    public record Evaluation(List<Finding> findings, List<RuleProblem> problems, long firings) {
    }

    /** As {@link #evaluate(CompiledRules, List, RuleRunner.Limits, ProgressListener)}, without progress. */
    public static Evaluation evaluate(CompiledRules rules, List<Fact> facts, RuleRunner.Limits limits) {
        return evaluate(rules, facts, limits, ProgressListener.NONE);
    }

    /**
     * Prepares the derived facts the rules match (only those: a rule set without a cycle rule does
     * not pay for the cycle search), runs the rules over them and the loaded facts, and builds the
     * findings after the rule session is gone (they keep only the facts each rule matched).
     */
    public static Evaluation evaluate(CompiledRules rules, List<Fact> facts, RuleRunner.Limits limits, ProgressListener progress) {
        progress.stage("prepare");
        // one deadline for the whole evaluation: the cycle search and the rules share --timeout
        long deadline = limits.deadlineFromNow();
        Derivations.Prepared prepared = Derivations.derive(facts, rules.thresholds(), RuleRunner.matchedTypes(rules), deadline);
        List<RuleProblem> problems = new ArrayList<>();
        prepared.problems().forEach(p -> problems.add(new RuleProblem(null, "rules", 0, p)));
        Map<String, Entity> entities = Entities.byId(facts);
        Map<String, RuleInfo> byKey = new HashMap<>();
        rules.rules().forEach(r -> byKey.put(r.key(), r));
        // the DRL global: captures what each rule matched and supplied, with no Drools type outside the engine
        Reporter reporter = new Reporter(byKey, id -> {
            Entity e = entities.get(id);
            return e == null ? id : e.name();
        });
        RuleRunner.Result run = RuleRunner.run(rules, facts, prepared.facts(), reporter, limits.until(deadline), progress);
        problems.addAll(run.problems());
        progress.stage("findings");
        Findings findings = new Findings(entities);
        List<Finding> results = findings.results(reporter.hits()); // builds the findings, which may record template problems
        results = org.offbook.findings.Framings.apply(results, facts, rules.thresholds());
        problems.addAll(findings.problems());
        return new Evaluation(results, List.copyOf(problems), run.firings());
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
