package org.offbook.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.offbook.engine.CompiledRules;
import org.offbook.engine.RuleCompiler;
import org.offbook.engine.RuleRunner;
import org.offbook.findings.Findings;
import org.offbook.load.FolderLoader;
import org.offbook.model.Fact;
import org.offbook.model.Finding;
import org.offbook.model.ProgressListener;
import org.offbook.pipeline.Check;
import org.offbook.pipeline.Partitioning;
import org.offbook.prepare.Partitions;

/**
 * A local simulation of the distributed plan of docs/scale.md: the driver splits the input facts
 * into partitions (whole components of the link graph), each worker thread obtains the compiled
 * rule base on its own (from the rule cache, as a worker would from the broadcast cache files) and
 * evaluates its partitions independently, derivations included, as a {@code mapPartitions}
 * function would; the driver merges the findings in report order and compares them with one
 * session over everything. Prints the partitions' sizes and times, the figures docs/scale.md
 * extrapolates from.
 *
 * <pre>java -cp target/offbook.jar:target/offbook-bench.jar org.offbook.bench.ScaleSimulation INPUT [TARGET-FACTS] [WORKERS]</pre>
 */
public final class ScaleSimulation {

    /** What one simulation found: the merged findings, the single-session ones, and the partitions' sizes and times. */
    public record Result(List<Finding> merged, List<Finding> single, int components, List<Integer> sizes, List<Long> nanos,
                         long singleNanos, long wallNanos) {
        public boolean same() {
            return merged.equals(single);
        }
    }

    private ScaleSimulation() {
    }

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args.length > 0 ? args[0] : "filings");
        int target = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Result r = run(List.of(input), List.of(Path.of("rules")), target, workers);
        long facts = r.sizes().stream().mapToLong(Integer::longValue).sum();
        long busy = r.nanos().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "input %s: %,d facts, %,d components, %,d partitions (target %,d facts), %d workers%n", input, facts,
                r.components(), r.sizes().size(), target, workers);
        System.out.printf(Locale.ROOT, "largest partition %,d facts; partition evaluation %.2f s in all, the slowest %.3f s; %.0f facts/s per worker%n",
                r.sizes().stream().mapToInt(Integer::intValue).max().orElse(0), busy / 1e9,
                r.nanos().stream().mapToLong(Long::longValue).max().orElse(0) / 1e9, busy == 0 ? 0.0 : facts / (busy / 1e9));
        System.out.printf(Locale.ROOT, "simulated cluster wall %.2f s; one session %.2f s; findings %,d merged, %,d in one session: %s%n",
                r.wallNanos() / 1e9, r.singleNanos() / 1e9, r.merged().size(), r.single().size(), r.same() ? "same" : "DIFFERENT");
        System.exit(r.same() ? 0 : 4);
    }

    /** Loads {@code inputs}, evaluates them in one session and partitioned on {@code workers} threads; both results. */
    public static Result run(List<Path> inputs, List<Path> ruleDirs, int targetFacts, int workers) throws Exception {
        List<Fact> facts = FolderLoader.load(inputs).facts();
        CompiledRules driverRules = RuleCompiler.compile(ruleDirs);
        long t0 = System.nanoTime();
        List<Finding> single = Check.evaluate(driverRules, facts, RuleRunner.Limits.DEFAULT, ProgressListener.NONE,
                Partitioning.ONE_SESSION).findings();
        long singleNanos = System.nanoTime() - t0;

        // the driver: partitions of input facts only (each worker derives its own facts, as it would on a cluster)
        Partitions.Plan plan = Partitions.of(facts, List.of(), targetFacts);
        List<List<Fact>> parts = new ArrayList<>();
        for (List<Object> p : plan.partitions()) {
            List<Fact> own = new ArrayList<>(p.size());
            p.forEach(o -> own.add((Fact) o));
            parts.add(own);
        }
        // each worker thread gets the rule base on its own, once, then evaluates the partitions given to it
        ThreadLocal<CompiledRules> workerRules = ThreadLocal.withInitial(() -> RuleCompiler.compile(ruleDirs));
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long w0 = System.nanoTime();
        List<Future<Check.Evaluation>> futures = new ArrayList<>();
        long[] nanos = new long[parts.size()];
        try {
            for (int i = 0; i < parts.size(); i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    CompiledRules rules = workerRules.get();
                    long s = System.nanoTime();
                    Check.Evaluation e = Check.evaluate(rules, parts.get(index), RuleRunner.Limits.DEFAULT, ProgressListener.NONE,
                            Partitioning.ONE_SESSION);
                    nanos[index] = System.nanoTime() - s;
                    return e;
                }));
            }
            List<Finding> merged = new ArrayList<>();
            for (Future<Check.Evaluation> f : futures) {
                merged.addAll(f.get().findings());
            }
            merged.sort(Findings.ORDER);
            long wall = System.nanoTime() - w0;
            List<Integer> sizes = parts.stream().map(List::size).toList();
            List<Long> times = new ArrayList<>();
            for (long n : nanos) {
                times.add(n);
            }
            return new Result(merged, single, plan.components(), sizes, times, singleNanos, wall);
        } finally {
            pool.shutdownNow();
        }
    }
}
