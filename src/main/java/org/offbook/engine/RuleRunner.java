package org.offbook.engine;

import java.time.Duration;
import java.util.ArrayList;
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
import org.offbook.model.Fact;
import org.offbook.model.ProgressListener;
import org.offbook.model.Problem;

/**
 * Runs compiled rules over facts: inserts the input facts, the derived facts (prepared by the
 * caller) and the thresholds into a fresh session, sets the object rules report through as the
 * global {@code findings}, and fires the rules within a limit of firings (per rule) and of time. A rule that keeps re-triggering is stopped and named rather than left to hang, and
 * the other rules still run; a problem is reported at the file and line of the rule concerned.
 */
public final class RuleRunner {

    /**
     * Limits on one run: {@code maxFirings} for each rule (a rule that reaches it is stopped, the
     * others go on) and {@code timeout} for the run as a whole. Reaching either is reported.
     * {@code deadline}, when set ({@link #until}), is the {@link System#nanoTime()} at which the run
     * ends, shared with the preparation before it; {@link #NO_DEADLINE} otherwise (the timeout then
     * counts from the start of the rules).
     */
    public record Limits(long maxFirings, Duration timeout, long deadline) {
        public static final long NO_DEADLINE = Long.MIN_VALUE;
        public static final Limits DEFAULT = new Limits(1_000_000, Duration.ofSeconds(120));

        public Limits(long maxFirings, Duration timeout) {
            this(maxFirings, timeout, NO_DEADLINE);
        }

        /** The deadline from now as a {@link System#nanoTime()} value; Long.MAX_VALUE for none (or one that would overflow). */
        public long deadlineFromNow() {
            long budget = timeoutNanos();
            return budget > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : System.nanoTime() + budget;
        }

        /** These limits ending at {@code deadline} (as {@link #deadlineFromNow()} gave it); messages still name the timeout. */
        public Limits until(long deadline) {
            return new Limits(maxFirings, timeout, deadline);
        }

        /** The timeout in nanoseconds, saturated: {@code --timeout} at Long.MAX_VALUE seconds is "for ever", not an overflow. */
        long timeoutNanos() {
            try {
                return timeout.toNanos();
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
    }

    /** The problems of the run (a rule stopped or failed, a limit reached) and the number of firings. */
    public record Result(List<Problem> problems, long firings) {
    }

    private RuleRunner() {
    }

    /** The rule whose consequence is running now, in any session of this JVM; null between firings. */
    private static volatile Rule firing;

    /**
     * The name of the rule whose consequence is running now (null when none): the command line's
     * exit guard names it when the JVM is ended before the report is written (a rule calling
     * {@code System.exit}).
     */
    public static String ruleRunningNow() {
        Rule r = firing;
        return r == null ? null : r.getName();
    }

    /**
     * The fact types some rule matches: facts of other types are not inserted, and the caller need
     * not derive them (a rule set without a cycle rule does not pay for the cycle search).
     */
    public static java.util.function.Predicate<Class<?>> matchedTypes(CompiledRules rules) {
        return rules.kieBase() == null ? type -> false : MatchedTypes.of(rules.kieBase());
    }

    /**
     * Fires {@code rules} over {@code facts} and {@code derived}, with {@code findings} as the
     * global {@code findings}. The session (gigabytes on a market of thousands of companies) is
     * disposed of before this returns, so the caller builds its findings without it.
     */
    public static Result run(CompiledRules rules, List<Fact> facts, List<?> derived, Object findings, Limits limits,
                             ProgressListener progress) {
        List<Object> all = new ArrayList<>(facts.size() + derived.size());
        all.addAll(facts);
        all.addAll(derived);
        return run(rules, List.of(all), List.of(findings), limits, progress, 1);
    }

    /**
     * Fires {@code rules} over each partition in a session of its own, all from the one compiled
     * rule base, on up to {@code threads} threads; {@code findings.get(i)} is the global
     * {@code findings} of partition i. The partitions must not share a rule match (see
     * {@code org.offbook.prepare.Partitions}); each session is disposed of as soon as its rules have
     * run, so memory holds the sessions running at one time, not the whole market. The limits
     * hold for the run as a whole: one deadline, and the firings of a rule counted over all
     * sessions; a rule that fails in one session has its further matches dropped in all.
     */
    public static Result run(CompiledRules rules, List<? extends List<?>> partitions, List<?> findings, Limits limits,
                             ProgressListener progress, int threads) {
        if (rules.kieBase() == null) {
            return new Result(List.of(), 0);
        }
        List<Problem> problems = new ArrayList<>();
        long fired = fire(rules, partitions, findings, limits, Math.max(1, threads), problems, progress);
        return new Result(List.copyOf(problems), fired);
    }

    /** What every session of one run shares: the counts and failures by rule, the deadline's flag. */
    private static final class Shared {
        final Map<String, Long> firedByRule = new ConcurrentHashMap<>();
        final Map<String, Rule> byKey = new ConcurrentHashMap<>();
        final Set<String> stopped = ConcurrentHashMap.newKeySet();
        final Map<String, Throwable> failed = new ConcurrentHashMap<>();
        final AtomicBoolean timedOut = new AtomicBoolean();
        final java.util.concurrent.atomic.AtomicLong firings = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong inserted = new java.util.concurrent.atomic.AtomicLong();
    }

    /** One session: its rule running now, the session while it lives and its thread. */
    private static final class Slot {
        final AtomicReference<Rule> running = new AtomicReference<>();
        volatile KieSession session;
        volatile Thread thread;
    }

    /** Runs each partition in a new session on the pool, within the limits; disposes of each session when its rules have run. */
    private static long fire(CompiledRules rules, List<? extends List<?>> partitions, List<?> findings, Limits limits, int threads,
                             List<Problem> problems, ProgressListener progress) {
        long started = System.nanoTime();
        long budget = limits.timeoutNanos();
        // the deadline of the run, as a nanoTime value (shared with the preparation when the caller set
        // one); none when it would overflow
        long deadline = limits.deadline() != Limits.NO_DEADLINE ? limits.deadline()
                : budget > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : started + budget;
        boolean hasGlobal = rules.kieBase().getKiePackages().stream()
                .anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals("findings")));
        if (!hasGlobal) {
            problems.add(Problem.rule(null, "rules", 0, "no rule file declares 'global org.offbook.engine.Reporter findings;'"));
        }
        // facts of a type no rule matches cannot change the outcome: they are not inserted, and
        // derived facts no rule matches are not computed
        MatchedTypes matched = MatchedTypes.of(rules.kieBase());
        Shared shared = new Shared();
        long total = 0;
        for (List<?> p : partitions) {
            total += p.size();
        }
        long toInsert = total;
        boolean one = partitions.size() == 1;
        Slot[] slots = new Slot[partitions.size()];
        java.util.concurrent.atomic.AtomicInteger threadNumber = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService exec = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, partitions.size())), r -> {
            Thread t = new Thread(r, one ? "offbook-rules" : "offbook-rules-" + threadNumber.incrementAndGet());
            t.setDaemon(true); // a rule that never stops must not keep the JVM alive
            return t;
        });
        if (!one) {
            progress.stage("rules");
        }
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < partitions.size(); i++) {
                Slot slot = new Slot();
                slots[i] = slot;
                List<?> part = partitions.get(i);
                Object global = findings.get(i);
                runs.add(exec.submit(() -> {
                    slot.thread = Thread.currentThread();
                    if (shared.timedOut.get()) {
                        return 0;
                    }
                    return session(rules, part, global, hasGlobal, matched, limits, shared, slot, one, toInsert, progress);
                }));
            }
            for (Future<Integer> run : runs) {
                try {
                    if (deadline == Long.MAX_VALUE) {
                        run.get();
                    } else {
                        run.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    }
                } catch (TimeoutException e) {
                    Rule now = null;
                    for (Slot s : slots) {
                        if (now == null && s != null) {
                            now = s.running.get();
                        }
                    }
                    shared.timedOut.set(true);
                    for (Slot s : slots) {
                        KieSession live = s == null ? null : s.session;
                        if (live != null) {
                            live.halt();
                        }
                    }
                    runs.forEach(r -> r.cancel(true));
                    exec.shutdownNow();
                    // halt() and interruption stop a rule between firings or while it waits; a
                    // consequence that spins never looks: its session is abandoned (its thread is a
                    // daemon) rather than disposed, which would wait for it for ever
                    if (!awaitQuietly(exec, 2_000)) {
                        for (Slot s : slots) {
                            if (s != null && s.session != null) {
                                stop(s.thread);
                            }
                        }
                    }
                    String where = now != null ? "stopped while rule '" + now.getName() + "' was running"
                            : "stopped. Busiest rule: " + busiest(shared.firedByRule, shared.byKey);
                    problems.add(problem(rules, now != null ? now : busiestRule(shared.firedByRule, shared.byKey),
                            "rules still running after " + limits.timeout().toSeconds() + " s; " + where));
                    break;
                } catch (java.util.concurrent.CancellationException e) {
                    // cancelled after the deadline: reported above
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
                    Problem p = problem(rules, culprit, rule + " failed while running: " + rootMessage(cause)
                            + "; the run stopped there, so findings may be missing");
                    if (!problems.contains(p)) {
                        problems.add(p);
                    }
                }
            }
        } finally {
            exec.shutdownNow();
        }
        if (!one) {
            progress.inserted(shared.inserted.get(), toInsert);
        }
        for (String k : new java.util.TreeSet<>(shared.failed.keySet())) {
            Rule r = shared.byKey.get(k);
            problems.add(problem(rules, r, "rule '" + r.getName() + "' failed while running: " + rootMessage(shared.failed.get(k))
                    + "; its other matches were dropped, the other rules ran to the end"));
        }
        for (String k : new java.util.TreeSet<>(shared.stopped)) {
            Rule r = shared.byKey.get(k);
            problems.add(problem(rules, r, "rule '" + (r == null ? k : r.getName()) + "' fired " + shared.firedByRule.get(k)
                    + " times, the limit for one rule; its further matches were dropped (it probably re-triggers itself, "
                    + "e.g. by updating a fact it matches); the other rules ran to the end"));
        }
        return shared.firedByRule.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One session: inserts the partition and the thresholds, fires the rules and disposes of the session. */
    private static int session(CompiledRules rules, List<?> part, Object findings, boolean hasGlobal, MatchedTypes matched,
                               Limits limits, Shared shared, Slot slot, boolean one, long toInsert, ProgressListener progress) {
        KieSession session = rules.kieBase().newKieSession();
        slot.session = session;
        try {
            if (hasGlobal) {
                session.setGlobal("findings", findings);
            }
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    slot.running.set(event.getMatch().getRule());
                    firing = event.getMatch().getRule();
                }

                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    Rule r = event.getMatch().getRule();
                    shared.byKey.putIfAbsent(key(r), r);
                    shared.firedByRule.merge(key(r), 1L, Long::sum);
                    slot.running.set(null);
                    firing = null;
                    progress.fired(shared.firings.incrementAndGet());
                }
            });
            if (one) {
                progress.stage("insert");
            }
            Class<?> lastType = null;
            boolean insert = false;
            long count = 0;
            for (Object f : part) {
                if (f.getClass() != lastType) { // facts come grouped by file, so mostly in runs of one type
                    lastType = f.getClass();
                    insert = !(f instanceof Fact) || matched.test(lastType);
                }
                if (insert) {
                    session.insert(f);
                }
                if (++count % 10_000 == 0) {
                    long n = shared.inserted.addAndGet(10_000);
                    progress.inserted(n, toInsert);
                }
            }
            shared.inserted.addAndGet(count % 10_000);
            if (one) {
                progress.inserted(shared.inserted.get(), toInsert);
            }
            rules.thresholds().forEach(session::insert);
            // the firing limit applies to each rule: a rule that re-triggers itself has its further
            // matches dropped, and so has a rule whose consequence threw; the other rules run to the end
            AgendaFilter perRule = match -> {
                String k = key(match.getRule());
                if (shared.failed.containsKey(k)) {
                    return false;
                }
                if (shared.firedByRule.getOrDefault(k, 0L) >= limits.maxFirings()) {
                    shared.stopped.add(k);
                    return false;
                }
                return true;
            };
            if (one) {
                progress.stage("rules");
            }
            if (shared.timedOut.get()) {
                return 0;
            }
            return fireWithin(session, perRule, shared.failed, shared.byKey, slot.running, shared.timedOut);
        } finally {
            slot.session = null;
            session.dispose();
        }
    }

    /** Fires the rules, again after each consequence that throws (that rule's further matches are dropped by the filter). */
    private static int fireWithin(KieSession session, AgendaFilter perRule, Map<String, Throwable> failed, Map<String, Rule> byKey,
                                  AtomicReference<Rule> running, AtomicBoolean timedOut) {
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
    }

    /** Waits up to {@code millis} for the rules threads to end; true when they did. */
    private static boolean awaitQuietly(ExecutorService exec, long millis) {
        try {
            return exec.awaitTermination(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Ends a rule thread that ignored halt() and interruption (a consequence in a busy loop). Rules
     * are trusted code (docs/security.md), so this is about mistakes: on Java 17 the thread is
     * stopped; where the JVM no longer allows it, it stays a daemon and ends with the process.
     */
    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread t) {
        if (t == null || !t.isAlive()) {
            return;
        }
        try {
            t.stop();
        } catch (UnsupportedOperationException | SecurityException e) {
            // left running as a daemon
        }
    }

    private static String key(Rule r) {
        return r.getPackageName() + "." + r.getName();
    }

    /** A problem of one rule, at its file and line when known (else of the run as a whole). */
    private static Problem problem(CompiledRules rules, Rule r, String message) {
        if (r == null) {
            return Problem.rule(null, "rules", 0, message);
        }
        Object id = r.getMetaData().get("id");
        return Problem.rule(id == null ? null : id.toString().strip(), rules.ruleFiles().getOrDefault(key(r), "rules"),
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
