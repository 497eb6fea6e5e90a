package org.offbook.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.offbook.engine.CompiledRules;
import org.offbook.model.Citations;
import org.offbook.model.Problem;
import org.offbook.model.RuleInfo;

/**
 * Checks a rule folder the way a reviewer would before a change is accepted: every DRL compiles,
 * every rule has its metadata and a unique id (both checked by {@link org.offbook.engine.RuleCompiler}), its doc page
 * {@code <ID>.md} and at least one test case in {@code <ID>.tests/} beside its DRL, and every
 * test case folder has facts and a readable expectation.
 */
public final class RuleVerifier {

    private RuleVerifier() {
    }

    public static List<Problem> verify(List<Path> ruleDirs, CompiledRules compiled) throws IOException {
        List<Problem> problems = new ArrayList<>(compiled.errors());
        for (RuleInfo r : compiled.rules()) {
            Path drl = org.offbook.load.RulePack.path(r.file()); // a file of the default pack: jar:rules/...
            if (!drl.getFileName().toString().equals(r.id() + ".drl")) {
                problems.add(Problem.of(r.file(), r.line(), null, "rule " + r.id() + ": name its file " + r.id() + ".drl (one rule per file)"));
            }
            if (r.doc() == null) {
                problems.add(Problem.of(r.file(), r.line(), null, "rule " + r.id() + ": no doc page " + drl.resolveSibling(r.id() + ".md")));
            }
            for (String problem : citationProblems(r)) {
                problems.add(Problem.of(r.file(), r.line(), null, "rule " + r.id() + ": " + problem));
            }
            Path tests = drl.resolveSibling(r.id() + ".tests");
            if (RuleCases.find(List.of(tests)).isEmpty()) {
                problems.add(Problem.of(r.file(), r.line(), null, "rule " + r.id() + ": no test case in " + tests
                        + " (a folder with facts and " + RuleCases.EXPECTED + ")"));
            }
        }
        for (Path c : RuleCases.find(ruleDirs)) {
            try (var files = Files.list(c)) {
                if (files.noneMatch(p -> !p.getFileName().toString().equals(RuleCases.EXPECTED)
                        && (p.toString().endsWith(".json") || p.toString().endsWith(".csv")))) {
                    problems.add(Problem.of(c.toString(), 0, null, "test case has no facts (.json or .csv files besides " + RuleCases.EXPECTED + ")"));
                }
            }
        }
        problems.sort(null);
        return problems;
    }

    /**
     * A rule cites a standard of the framework of every entity it may report on: its {@code @standards}
     * and the explanation a US GAAP reporter reads (the template without its {@code {?ifrs}} sections)
     * cite an ASC paragraph; a rule that declares {@code @ifrs} cites an IFRS or IAS paragraph there
     * and in the explanation an IFRS reporter reads (without the {@code {!ifrs}} sections). A rule
     * without {@code @ifrs} is reported when it fires on an IFRS reporter and its text cites no IFRS.
     */
    static List<String> citationProblems(RuleInfo r) {
        List<String> out = new ArrayList<>();
        if (!Citations.citesUsGaap(String.join("; ", r.standards()))) {
            out.add("@standards cites no US GAAP paragraph (ASC ...)");
        }
        boolean declaresIfrs = r.ifrsStandards() != null && !r.ifrsStandards().isEmpty();
        if (declaresIfrs && !Citations.citesIfrs(String.join("; ", r.ifrsStandards()))) {
            out.add("@ifrs cites no IFRS or IAS paragraph");
        }
        String explain = r.messages().explain();
        if (explain == null) {
            return out; // a rule in the old form passes its text at run time: checked on its findings
        }
        if (!Citations.citesUsGaap(explain.replaceAll("(?s)\\{\\?\\s*ifrs\\s*}.*?\\{/\\s*ifrs\\s*}", ""))) {
            out.add("its explanation cites no US GAAP paragraph (ASC ...) for a US GAAP reporter");
        }
        boolean branches = explain.matches("(?s).*\\{[?!]\\s*ifrs\\s*}.*");
        if (declaresIfrs && !Citations.citesIfrs(explain.replaceAll("(?s)\\{!\\s*ifrs\\s*}.*?\\{/\\s*ifrs\\s*}", ""))) {
            out.add("it declares @ifrs but its explanation cites no IFRS or IAS paragraph for an IFRS reporter (use {?ifrs}...{/ifrs})");
        }
        if (branches && !declaresIfrs) {
            out.add("its explanation has {?ifrs} wording but the rule declares no @ifrs standards");
        }
        return out;
    }
}
