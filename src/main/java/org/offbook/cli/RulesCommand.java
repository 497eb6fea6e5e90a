package org.offbook.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.offbook.model.Json;
import org.offbook.model.Problem;
import org.offbook.engine.CompiledRules;
import org.offbook.pipeline.RuleCases;
import org.offbook.engine.RuleCompiler;
import org.offbook.model.RuleInfo;
import org.offbook.pipeline.RuleVerifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Work with the rule folders: list the rules, verify them, run their test cases.",
        subcommands = {RulesCommand.ListRules.class, RulesCommand.VerifyRules.class, RulesCommand.TestRules.class})
final class RulesCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: list, verify or test");
    }

    static List<Path> dirs(List<Path> given) {
        return given.isEmpty() ? List.of(CheckCommand.defaultRules()) : given;
    }

    static void printErrors(PrintWriter err, List<Problem> errors) {
        for (Problem e : errors) {
            err.println("offbook: error: " + e);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the rules: id, family, severity, title, standards, file.")
    static final class ListRules implements Callable<Integer> {
        @Option(names = "--rules", paramLabel = "DIR", description = "Rule folder (repeatable). Default: rules.")
        List<Path> rules = new ArrayList<>();

        @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).")
        CheckCommand.Format format = CheckCommand.Format.text;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            CompiledRules compiled = RuleCompiler.compile(dirs(rules));
            PrintWriter out = spec.commandLine().getOut();
            if (format == CheckCommand.Format.json) {
                ArrayNode list = Json.MAPPER.createArrayNode();
                for (RuleInfo r : compiled.rules()) {
                    ObjectNode n = list.addObject();
                    n.put("id", r.id());
                    n.put("family", r.family());
                    n.put("severity", r.severity());
                    n.put("title", r.title());
                    ArrayNode std = n.putArray("standards");
                    r.standards().forEach(std::add);
                    n.put("file", r.file());
                    n.put("line", r.line());
                }
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(list));
            } else {
                out.printf("%-12s %-8s %-9s %s%n", "ID", "FAMILY", "SEVERITY", "TITLE / STANDARDS / FILE");
                for (RuleInfo r : compiled.rules()) {
                    out.printf("%-12s %-8s %-9s %s%n", r.id(), r.family(), r.severity(), r.title());
                    out.printf("%-32s %s%n", "", String.join("; ", r.standards()));
                    out.printf("%-32s %s:%d%n", "", r.file(), r.line());
                }
                out.println(compiled.rules().size() + " rules");
            }
            out.flush();
            printErrors(spec.commandLine().getErr(), compiled.errors());
            return compiled.errors().isEmpty() ? Main.OK : Main.LOAD_ERRORS;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check every rule: it compiles, has its metadata, a unique id, a doc page and a test case.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every rule is complete", "5:a problem was found (listed as file:line: message)"})
    static final class VerifyRules implements Callable<Integer> {
        @Option(names = "--rules", paramLabel = "DIR", description = "Rule folder (repeatable). Default: rules.")
        List<Path> rules = new ArrayList<>();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            List<Path> dirs = dirs(rules);
            CompiledRules compiled = RuleCompiler.compile(dirs);
            List<Problem> problems = RuleVerifier.verify(dirs, compiled);
            PrintWriter out = spec.commandLine().getOut();
            for (Problem e : problems) {
                out.println(e);
            }
            out.println(compiled.rules().size() + " rules, " + problems.size() + " problems");
            out.flush();
            return problems.isEmpty() ? Main.OK : Main.LOAD_ERRORS;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Run each rule's test cases (<ID>.tests/<case>/ with expected.json) and report pass or fail.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every case passed", "4:a case failed", "5:a rule file could not be loaded", "2:usage error, or no case matches the filters"})
    static final class TestRules implements Callable<Integer> {
        @Option(names = "--rules", paramLabel = "DIR", description = "Rule folder (repeatable). Default: rules.")
        List<Path> rules = new ArrayList<>();

        @Parameters(arity = "0..*", paramLabel = "FILTER", description = "Run only cases whose path contains one of these (e.g. SPV-001).")
        List<String> filters = new ArrayList<>();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            List<Path> dirs = dirs(rules);
            CompiledRules compiled = RuleCompiler.compile(dirs);
            PrintWriter out = spec.commandLine().getOut();
            int passed = 0;
            int failed = 0;
            for (Path dir : dirs) {
                for (Path c : RuleCases.find(List.of(dir))) {
                    String name = dir.relativize(c).toString().replace('\\', '/');
                    if (!filters.isEmpty() && filters.stream().noneMatch(name::contains)) {
                        continue;
                    }
                    RuleCases.Outcome o = RuleCases.run(compiled, c, name);
                    if (o.passed()) {
                        passed++;
                        out.println("PASS " + name);
                    } else {
                        failed++;
                        out.println("FAIL " + name + (o.description().isEmpty() ? "" : "  (" + o.description() + ")"));
                        o.failures().forEach(f -> out.println("     - " + f));
                    }
                }
            }
            if (!filters.isEmpty() && passed + failed == 0) {
                out.flush();
                // a filter that matches nothing is a mistake (a mistyped rule id), never a pass
                throw new CommandLine.ParameterException(spec.commandLine(), "no test case matches " + String.join(", ", filters.stream()
                        .map(CheckCommand::shown).map(f -> "'" + f + "'").toList()) + " (a case is a folder <rule folder>/<family>/<ID>.tests/<case>; "
                        + "'offbook rules list' lists the rule ids)");
            }
            out.println(passed + " passed, " + failed + " failed");
            out.flush();
            printErrors(spec.commandLine().getErr(), compiled.errors());
            if (!compiled.errors().isEmpty()) {
                return Main.LOAD_ERRORS;
            }
            return failed == 0 ? Main.OK : Main.FINDINGS;
        }
    }
}
