package org.offbook.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.ConsequenceException;
import org.offbook.Progress;
import org.offbook.facts.Entity;
import org.offbook.facts.Fact;
import org.offbook.findings.Finding;
import org.offbook.findings.Findings;
import org.offbook.findings.RuleProblem;
import org.offbook.prepare.Derivations;

/**
 * Runs compiled rules over facts: inserts the input facts, the derived facts and the thresholds
 * into a fresh session, fires the rules within a limit of firings (per rule) and of time, and collects
 * the findings. A rule that keeps re-triggering is stopped and named rather than left to hang, and
 * the other rules still run; a problem is reported at the file and line of the rule concerned.
 */
public final class RuleRunner {

    /**
     * Limits on one run: {@code maxFirings} for each rule (a rule that reaches it is stopped, the
     * others go on) and {@code timeout} for the run as a whole. Reaching either is reported.
     */
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
        Map<String, RuleInfo> byKey = new HashMap<>();
        rules.rules().forEach(r -> byKey.put(r.key(), r));
        Reporter reporter = new Reporter(byKey, id -> {
            Entity e = entities.get(id);
            return e == null ? id : e.name();
        });
        List<RuleProblem> problems = new ArrayList<>();
        Progress progress = Progress.current();
        // the session (gigabytes on a market of thousands of companies) is gone before the findings
        // are built: they keep only the facts each rule matched, so its memory can be reclaimed
        long fired = fire(rules, facts, limits, reporter, problems, progress);
        progress.stage("findings");
        Findings findings = new Findings(entities);
        List<Finding> results = findings.results(reporter.hits()); // builds the findings, which may record template problems
        problems.addAll(findings.problems());
        return new Result(results, List.copyOf(problems), fired);
    }

    /** Inserts the facts into a new session, fires the rules within the limits and disposes of the session. */
    private static long fire(CompiledRules rules, List<Fact> facts, Limits limits, Reporter findings, List<RuleProblem> problems,
                             Progress progress) {
        KieSession session = rules.kieBase().newKieSession();
        // written by the rules thread, read here after a timeout: concurrent
        Map<String, Long> firedByRule = new ConcurrentHashMap<>();
        Map<String, Rule> byKey = new ConcurrentHashMap<>();
        Set<String> stopped = ConcurrentHashMap.newKeySet();
        AtomicReference<Rule> running = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicLong firings = new java.util.concurrent.atomic.AtomicLong();
        try {
            boolean hasGlobal = rules.kieBase().getKiePackages().stream()
                    .anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals("findings")));
            if (hasGlobal) {
                session.setGlobal("findings", findings);
            } else {
                problems.add(new RuleProblem(null, "rules", 0, "no rule file declares 'global org.offbook.rules.Reporter findings;'"));
            }
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    running.set(event.getMatch().getRule());
                }

                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    Rule r = event.getMatch().getRule();
                    byKey.putIfAbsent(key(r), r);
                    firedByRule.merge(key(r), 1L, Long::sum);
                    running.set(null);
                    progress.fired(firings.incrementAndGet());
                }
            });
            progress.stage("insert");
            // facts of a type no rule matches cannot change the outcome: they are not inserted, and
            // derived facts no rule matches are not computed
            MatchedTypes matched = MatchedTypes.of(rules.kieBase());
            long inserted = 0;
            Class<?> lastType = null;
            boolean insert = false;
            for (Fact f : facts) {
                if (f.getClass() != lastType) { // facts come grouped by file, so mostly in runs of one type
                    lastType = f.getClass();
                    insert = matched.test(lastType);
                }
                if (insert) {
                    session.insert(f);
                }
                if (++inserted % 10_000 == 0) {
                    progress.inserted(inserted, facts.size());
                }
            }
            progress.inserted(inserted, facts.size());
            progress.stage("prepare");
            Derivations.Prepared prepared = Derivations.derive(facts, rules.thresholds(), matched);
            prepared.facts().forEach(session::insert);
            prepared.problems().forEach(p -> problems.add(new RuleProblem(null, "rules", 0, p)));
            rules.thresholds().forEach(session::insert);

            // the firing limit applies to each rule: a rule that re-triggers itself has its further
            // matches dropped, and so has a rule whose consequence threw; the other rules run to the end
            Map<String, Throwable> failed = new ConcurrentHashMap<>();
            AtomicBoolean timedOut = new AtomicBoolean();
            AgendaFilter perRule = match -> {
                String k = key(match.getRule());
                if (failed.containsKey(k)) {
                    return false;
                }
                if (firedByRule.getOrDefault(k, 0L) >= limits.maxFirings()) {
                    stopped.add(k);
                    return false;
                }
                return true;
            };
            ExecutorService exec = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "offbook-rules");
                t.setDaemon(true);
                return t;
            });
            progress.stage("rules");
            try {
                Future<Integer> run = exec.submit(() -> {
                    while (true) {
                        try {
                            return session.fireAllRules(perRule);
                        } catch (ConsequenceException ce) {
                            Rule r = ce.getMatch() == null ? null : ce.getMatch().getRule();
                            if (r == null || failed.containsKey(key(r)) || timedOut.get()) {
                                throw ce;
                            }
                            byKey.putIfAbsent(key(r), r);
                            failed.put(key(r), ce);
                            running.set(null);
                        }
                    }
                });
                try {
                    run.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    Rule now = running.get();
                    timedOut.set(true);
                    session.halt();
                    run.cancel(true);
                    String where = now != null ? "stopped while rule '" + now.getName() + "' was running"
                            : "stopped. Busiest rule: " + busiest(firedByRule, byKey);
                    problems.add(problem(rules, now != null ? now : busiestRule(firedByRule, byKey),
                            "rules still running after " + limits.timeout().toSeconds() + " s; " + where));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof OutOfMemoryError oom) {
                        throw oom; // not a rule's fault: the run cannot go on (the command line says what to do)
                    }
                    Rule culprit = cause instanceof ConsequenceException ce && ce.getMatch() != null ? ce.getMatch().getRule() : null;
                    String rule = culprit != null ? "rule '" + culprit.getName() + "'" : "a rule";
                    problems.add(problem(rules, culprit, rule + " failed while running: " + rootMessage(cause)
                            + "; the run stopped there, so findings may be missing"));
                }
            } finally {
                exec.shutdownNow();
            }
            for (String k : new java.util.TreeSet<>(failed.keySet())) {
                Rule r = byKey.get(k);
                problems.add(problem(rules, r, "rule '" + r.getName() + "' failed while running: " + rootMessage(failed.get(k))
                        + "; its other matches were dropped, the other rules ran to the end"));
            }
            for (String k : new java.util.TreeSet<>(stopped)) {
                Rule r = byKey.get(k);
                problems.add(problem(rules, r, "rule '" + (r == null ? k : r.getName()) + "' fired " + firedByRule.get(k)
                        + " times, the limit for one rule; its further matches were dropped (it probably re-triggers itself, "
                        + "e.g. by updating a fact it matches); the other rules ran to the end"));
            }
            return firedByRule.values().stream().mapToLong(Long::longValue).sum();
        } finally {
            session.dispose();
        }
    }

    private static String key(Rule r) {
        return r.getPackageName() + "." + r.getName();
    }

    /** A problem of one rule, at its file and line when known (else of the run as a whole). */
    private static RuleProblem problem(CompiledRules rules, Rule r, String message) {
        if (r == null) {
            return new RuleProblem(null, "rules", 0, message);
        }
        Object id = r.getMetaData().get("id");
        return new RuleProblem(id == null ? null : id.toString().strip(), rules.ruleFiles().getOrDefault(key(r), "rules"),
                rules.ruleLines().getOrDefault(key(r), 0), message);
    }

    private static Rule busiestRule(Map<String, Long> fired, Map<String, Rule> byKey) {
        return fired.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> byKey.get(e.getKey())).orElse(null);
    }

    private static String busiest(Map<String, Long> fired, Map<String, Rule> byKey) {
        Rule r = busiestRule(fired, byKey);
        return r == null ? "none" : "'" + r.getName() + "' (" + fired.get(key(r)) + " firings)";
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }
}
