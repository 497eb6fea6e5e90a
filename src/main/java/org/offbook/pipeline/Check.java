package org.offbook.pipeline;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.offbook.findings.Findings;
import org.offbook.engine.Reporter;
import org.offbook.model.Entity;
import org.offbook.model.RuleInfo;
import org.offbook.model.RunInfo;
import org.offbook.load.RuleDigest;
import org.offbook.load.RulePack;
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
import org.offbook.model.Problem;
import org.offbook.triage.Triage;
import org.offbook.load.FolderLoader;
import org.offbook.load.LoadResult;
import org.offbook.prepare.Derivations;
import org.offbook.prepare.Partitions;
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
     * @param credit   the entities whose credit view the report carries
     * @param run      engagement, as-of date, preparer and docs address for the report (the rule versions are added here)
     */
    public record Options(List<Path> inputs, List<Path> ruleDirs, RuleRunner.Limits limits, Path config, Path baseline, boolean followLinks,
                          List<String> credit, RunInfo run) {
        /** {@code credit}: the entities whose credit view the report carries (docs/credit.md); none by default. */
        public Options(List<Path> inputs, List<Path> ruleDirs, RuleRunner.Limits limits, Path config, Path baseline, boolean followLinks,
                       List<String> credit) {
            this(inputs, ruleDirs, limits, config, baseline, followLinks, credit, RunInfo.NONE);
        }

        public Options(List<Path> inputs, List<Path> ruleDirs, RuleRunner.Limits limits, Path config, Path baseline, boolean followLinks) {
            this(inputs, ruleDirs, limits, config, baseline, followLinks, List.of());
        }

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
        return run(o, progress, Partitioning.fromSystemProperties());
    }

    /** As {@link #run(Options, ProgressListener)}, evaluating the rules as {@code how} says. */
    public static Report run(Options o, ProgressListener progress, Partitioning how) {
        progress.stage("load");
        LoadResult loaded = FolderLoader.load(o.inputs(), o.followLinks(), o.ruleDirs(), progress);
        progress.stage("compile");
        CompiledRules rules = RuleCompiler.compile(o.ruleDirs());
        Evaluation result = evaluate(rules, loaded.facts(), o.limits(), progress, how);
        progress.stage("report");

        List<Problem> errors = new ArrayList<>(loaded.errors());
        errors.addAll(rules.errors());
        errors.addAll(result.problems());
        Policy policy = o.config() == null ? Policy.NONE : Policy.read(o.config(), errors);
        List<Baseline.Entry> baseline = o.baseline() == null ? List.of() : Baseline.read(o.baseline(), errors);
        Triage.Result triaged = Triage.apply(result.findings(), policy, baseline);
        List<org.offbook.prepare.credit.Credit> credit = credit(o.credit(), loaded.facts(), errors);
        errors.sort(null);
        List<String> shownInputs = new ArrayList<>();
        for (Path p : o.inputs()) {
            shownInputs.add(p.normalize().toString().replace('\\', '/'));
        }
        return new Report(Version.display(), shownInputs, loaded.files(), loaded.skipped(), loaded.factsRead(),
                loaded.factsLoaded(), rules.rules(), rules.drlFiles(), List.copyOf(errors), triaged.findings(),
                triaged.resolved(), generatedAt(), Entities.names(loaded.facts()), Severity.LOW, loaded.notices(), loaded.merged(), credit, false, List.of(),
                runInfo(o, rules));
    }

    /** The run metadata of the options with the rule pack's and each rule's version (hashes of their files). */
    static RunInfo runInfo(Options o, CompiledRules rules) {
        Map<String, String> versions = new java.util.TreeMap<>();
        for (RuleInfo ri : rules.rules()) {
            String v = ri.file() == null ? null : RuleDigest.file(RulePack.path(ri.file()));
            if (v != null) {
                versions.put(ri.id(), v);
            }
        }
        RunInfo base = o.run() == null ? RunInfo.NONE : o.run();
        return base.withRules(RuleDigest.pack(o.ruleDirs()), versions);
    }

    /** The credit views asked for, by id, alias or name; an entity not in the facts is an error of the run. */
    private static List<org.offbook.prepare.credit.Credit> credit(List<String> wanted, List<Fact> facts, List<Problem> errors) {
        if (wanted.isEmpty()) {
            return List.of();
        }
        org.offbook.prepare.credit.CreditView view = new org.offbook.prepare.credit.CreditView(facts);
        Map<String, Entity> byId = Entities.byId(facts);
        List<org.offbook.prepare.credit.Credit> out = new ArrayList<>();
        for (String w : wanted) {
            String id = null;
            for (Entity e : byId.values()) {
                if (e.id().equalsIgnoreCase(w.strip()) || e.name().equalsIgnoreCase(w.strip()) || e.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(w.strip()))) {
                    id = e.id();
                    break;
                }
            }
            if (id == null) {
                errors.add(Problem.of("credit", 0, null, "--credit: no entity '" + w + "' in the files checked; no credit view for it"));
            } else {
                out.add(view.of(id));
            }
        }
        return List.copyOf(out);
    }

    /** The findings of a rule run, the problems it ran into and the number of rule firings. */
    public record Evaluation(List<Finding> findings, List<Problem> problems, long firings) {
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
        return evaluate(rules, facts, limits, progress, Partitioning.fromSystemProperties());
    }

    /** As above, in one session or in partitions as {@code how} says (the findings are the same). */
    public static Evaluation evaluate(CompiledRules rules, List<Fact> facts, RuleRunner.Limits limits, ProgressListener progress,
                                      Partitioning how) {
        progress.stage("prepare");
        // one deadline for the whole evaluation: the cycle search and the rules share --timeout
        long deadline = limits.deadlineFromNow();
        Derivations.Prepared prepared = Derivations.derive(facts, rules.thresholds(), RuleRunner.matchedTypes(rules), deadline);
        List<Problem> problems = new ArrayList<>();
        prepared.problems().forEach(p -> problems.add(Problem.rule(null, "rules", 0, p)));
        Map<String, Entity> entities = Entities.byId(facts);
        Map<String, RuleInfo> byKey = new HashMap<>();
        rules.rules().forEach(r -> byKey.put(r.key(), r));
        Partitions.Plan plan = how.partitioned()
                ? Partitions.of(facts, prepared.facts(), how.targetFacts())
                : Partitions.single(facts, prepared.facts());
        // the DRL global, one per session: captures what each rule matched and supplied, with no Drools type outside the engine
        List<Reporter> reporters = new ArrayList<>(plan.partitions().size());
        for (int i = 0; i < plan.partitions().size(); i++) {
            reporters.add(new Reporter(byKey, id -> {
                Entity e = entities.get(id);
                return e == null ? id : e.name();
            }));
        }
        RuleRunner.Result run = RuleRunner.run(rules, plan.partitions(), reporters, limits.until(deadline), progress, how.threads());
        plan = null; // the partitions' lists go before the findings are built
        problems.addAll(run.problems());
        progress.stage("findings");
        Findings findings = new Findings(entities);
        // the hits of every session, in partition order: findings are sorted and de-duplicated as one run's
        List<org.offbook.engine.RuleHit> hits = new ArrayList<>();
        for (Reporter r : reporters) {
            hits.addAll(r.hits());
        }
        List<Finding> results = findings.results(hits); // builds the findings, which may record template problems
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
