package org.offbook.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.offbook.facts.Entity;
import org.offbook.facts.Fact;
import org.offbook.findings.Finding;
import org.offbook.findings.Findings;
import org.offbook.findings.RuleProblem;
import org.offbook.prepare.Derivations;

/**
 * Runs compiled rules over facts: inserts the input facts, the derived facts and the thresholds
 * into a fresh session, fires the rules within a limit of firings and of time, and collects the
 * findings. A rule that keeps re-triggering is stopped and named rather than left to hang.
 */
public final class RuleRunner {

    /** Limits on one run; a run that reaches either is stopped and reported. */
    public record Limits(long maxFirings, Duration timeout) {
        public static final Limits DEFAULT = new Limits(1_000_000, Duration.ofSeconds(120));
    }

    public record Result(List<Finding> findings, List<RuleProblem> problems, long firings) {
    }

    private RuleRunner() {
    }

    public static Result run(CompiledRules rules, List<Fact> facts, Limits limits) {
        if (rules.kieBase() == null) {
            return new Result(List.of(), List.of(), 0);
        }
        Map<String, Entity> entities = new HashMap<>();
        for (Fact f : facts) {
            if (f instanceof Entity e) {
                entities.put(e.id(), e);
            }
        }
        Findings findings = new Findings(entities, rules.ruleFiles(), rules.ruleLines());
        List<RuleProblem> problems = new ArrayList<>();
        KieSession session = rules.kieBase().newKieSession();
        Map<String, Long> firedByRule = new HashMap<>();
        try {
            boolean hasGlobal = rules.kieBase().getKiePackages().stream()
                    .anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals("findings")));
            if (hasGlobal) {
                session.setGlobal("findings", findings);
            } else {
                problems.add(new RuleProblem(null, "rules", 0, "no rule file declares 'global org.offbook.findings.Findings findings;'"));
            }
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    firedByRule.merge(event.getMatch().getRule().getName(), 1L, Long::sum);
                }
            });
            facts.forEach(session::insert);
            Derivations.Prepared prepared = Derivations.derive(facts, rules.thresholds());
            prepared.facts().forEach(session::insert);
            prepared.problems().forEach(p -> problems.add(new RuleProblem(null, "rules", 0, p)));
            rules.thresholds().forEach(session::insert);

            ExecutorService exec = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "offbook-rules");
                t.setDaemon(true);
                return t;
            });
            long fired;
            try {
                Future<Integer> run = exec.submit(() -> session.fireAllRules((int) Math.min(Integer.MAX_VALUE, limits.maxFirings())));
                try {
                    fired = run.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    session.halt();
                    run.cancel(true);
                    problems.add(new RuleProblem(null, "rules", 0, "rules still running after " + limits.timeout().toSeconds()
                            + " s; stopped. Busiest rule: " + busiest(firedByRule)));
                    fired = firedByRule.values().stream().mapToLong(Long::longValue).sum();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    String rule = cause instanceof org.kie.api.runtime.rule.ConsequenceException ce && ce.getMatch() != null
                            ? "rule '" + ce.getMatch().getRule().getName() + "'" : "a rule";
                    problems.add(new RuleProblem(null, "rules", 0, rule + " failed while running: " + rootMessage(cause)
                            + "; the run stopped there, so findings may be missing"));
                    fired = firedByRule.values().stream().mapToLong(Long::longValue).sum();
                }
            } finally {
                exec.shutdownNow();
            }
            // reaching the limit is a runaway only if the agenda still has work: one more firing tells
            if (fired >= limits.maxFirings() && session.fireAllRules(1) > 0) {
                problems.add(new RuleProblem(null, "rules", 0, "rules fired " + fired + " times, the limit; stopped. "
                        + "A rule probably re-triggers itself. Busiest rule: " + busiest(firedByRule)));
            }
            List<Finding> results = findings.results(); // builds the findings, which may record template problems
            problems.addAll(findings.problems());
            return new Result(results, List.copyOf(problems), fired);
        } finally {
            session.dispose();
        }
    }

    private static String busiest(Map<String, Long> fired) {
        return fired.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> "'" + e.getKey() + "' (" + e.getValue() + " firings)").orElse("none");
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }
}
