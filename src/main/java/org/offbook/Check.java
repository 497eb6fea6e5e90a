package org.offbook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.offbook.findings.RuleProblem;
import org.offbook.load.FolderLoader;
import org.offbook.load.LoadError;
import org.offbook.load.LoadResult;
import org.offbook.reports.Report;
import org.offbook.rules.CompiledRules;
import org.offbook.rules.RuleCompiler;
import org.offbook.rules.RuleRunner;

/** The pipeline, end to end: load the inputs, compile the rules, run them, assemble the report. */
public final class Check {

    private Check() {
    }

    public static Report run(List<Path> inputs, List<Path> ruleDirs, RuleRunner.Limits limits) {
        LoadResult loaded = FolderLoader.load(inputs);
        CompiledRules rules = RuleCompiler.compile(ruleDirs);
        RuleRunner.Result result = RuleRunner.run(rules, loaded.facts(), limits);

        List<LoadError> errors = new ArrayList<>(loaded.errors());
        errors.addAll(rules.errors());
        for (RuleProblem p : result.problems()) {
            errors.add(LoadError.of(p.ruleFile() == null || p.ruleFile().isEmpty() ? "rules" : p.ruleFile(), 0, null,
                    (p.ruleId() == null ? "" : p.ruleId() + ": ") + p.message()));
        }
        errors.sort(null);
        List<String> shownInputs = new ArrayList<>();
        for (Path p : inputs) {
            shownInputs.add(p.normalize().toString().replace('\\', '/'));
        }
        return new Report(Version.get(), shownInputs, loaded.files(), loaded.skipped(), loaded.factsRead(),
                loaded.factsLoaded(), rules.rules(), rules.drlFiles(), List.copyOf(errors), result.findings());
    }
}
