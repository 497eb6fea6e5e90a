package org.offbook.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.offbook.model.Threshold;
import org.offbook.engine.CompiledRules;
import org.offbook.engine.RuleCompiler;
import org.offbook.model.RuleInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Print a rule's doc page and the current values of the thresholds it uses.")
final class ExplainCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RULE-ID", description = "The rule, e.g. SPV-001.")
    String id;

    @Option(names = "--rules", paramLabel = "DIR", description = "Rule folder (repeatable). Default: rules.")
    List<Path> rules = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CompiledRules compiled = RuleCompiler.compile(RulesCommand.dirs(rules));
        RuleInfo rule = compiled.rules().stream().filter(r -> r.id().equalsIgnoreCase(id.strip())).findFirst().orElse(null);
        if (rule == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no rule " + id + " in " + RulesCommand.dirs(rules)
                    + "; 'offbook rules list' shows them");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(rule.doc() != null ? rule.doc().stripTrailing()
                : "# " + rule.id() + ": " + rule.title() + "\n\n(no doc page " + rule.id() + ".md beside " + rule.file() + ")");
        out.println();
        out.println("Current thresholds (" + rule.file() + " uses them; edit them in thresholds.csv):");
        List<String> names = RuleCompiler.thresholdNames(rule);
        if (names.isEmpty()) {
            out.println("  none");
        }
        for (String name : names) {
            Threshold t = compiled.thresholds().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
            if (t == null) {
                out.println("  " + name + " = (not defined)");
            } else {
                out.println(String.format(Locale.ROOT, "  %s = %s %s  (%s)%n      %s", t.name(), t.value().toPlainString(), t.unit(),
                        t.provenance(), t.reason()));
            }
        }
        out.println();
        out.println("Severity " + rule.severity() + "; standards " + String.join("; ", rule.standards()) + "; defined at " + rule.file() + ":" + rule.line());
        out.flush();
        RulesCommand.printErrors(spec.commandLine().getErr(), compiled.errors());
        return Main.OK;
    }
}
