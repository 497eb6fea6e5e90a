package org.offbook.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.offbook.model.Json;
import org.offbook.pipeline.Check;
import org.offbook.pipeline.Progress;
import org.offbook.reports.Formats;
import org.offbook.reports.Report;
import org.offbook.reports.ReportFiles;
import org.offbook.model.Fact;
import org.offbook.load.FolderLoader;
import org.offbook.load.LoadResult;
import org.offbook.engine.CompiledRules;
import org.offbook.engine.RuleBaseCache;
import org.offbook.engine.RuleCompiler;
import org.offbook.engine.RuleRunner;

/**
 * One measurement, in a JVM of its own (the {@code offbook bench} driver starts it, so that each
 * size gets a fresh process, its own peak memory and no JIT or heap state from another size).
 * Prints one line {@code BENCH {json}} on standard output.
 *
 * <ul>
 *   <li>{@code e2e MARKET RULES REPORT}: {@code offbook check MARKET --rules RULES --format json
 *       --output REPORT} through the real command line, timed by stage; then peak memory, and the
 *       planted findings looked up in the report.</li>
 *   <li>{@code detail MARKET RULES WORK WARMUP REPS}: load throughput; rule compilation cold and
 *       from the cache; one evaluation with every rule; then, on the same loaded facts, the baseline's
 *       five rules in offbook (a rule folder holding only their DRL files) and in plain Java,
 *       alternately, WARMUP runs then REPS measured runs each, and the two sets of findings compared.</li>
 * </ul>
 */
public final class BenchRun {

    static final ObjectMapper JSON = Json.MAPPER;
    static final String PREFIX = "BENCH ";

    private BenchRun() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Object> out = switch (args[0]) {
            case "e2e" -> e2e(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
            case "detail" -> detail(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Boolean.parseBoolean(args[6]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        };
        System.out.println(PREFIX + JSON.writeValueAsString(out));
        System.out.flush();
        System.exit(0);
    }

    // ------------------------------------------------------------------ end to end

    static Map<String, Object> e2e(Path market, Path rules, Path report) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainAt = System.currentTimeMillis();
        Recorder rec = new Recorder(Progress.forEnvironment());
        rec.start("startup");
        long t0 = System.nanoTime();
        // what 'offbook check MARKET --rules RULES --format json --output REPORT --fail-on never' does
        // (the benchmark uses the pipeline, not the command line: bench and cli are kept apart)
        Report result = Check.run(new Check.Options(List.of(market), List.of(rules)), rec);
        ReportFiles.write(Formats.get("json"), result, report);
        int code = result.errors().isEmpty() ? 0 : 5;
        long t1 = System.nanoTime();
        rec.done();
        Map<String, Long> stages = rec.finish();
        long end = System.currentTimeMillis();
        out.put("exit", code);
        out.put("jvmToMainMs", mainAt - jvmStart);
        out.put("checkMs", (t1 - t0) / 1_000_000);
        out.put("wallMs", end - jvmStart);
        out.put("stages", stages);
        out.put("gcStages", rec.gcByStage());
        out.put("timeline", rec.timeline());
        out.put("firings", rec.firings());
        memory(out);
        if (code != 0) {
            out.put("stderr", result.errors().stream().limit(20).map(e -> "offbook: error: " + e).toList());
        }
        // correctness, after the clock stopped: the planted findings must be in the report
        JsonNode r = JSON.readTree(report.toFile());
        List<FindingKey> found = new ArrayList<>();
        for (JsonNode f : r.get("findings")) {
            List<String> entities = new ArrayList<>();
            f.get("entities").forEach(e -> entities.add(e.asText()));
            found.add(FindingKey.of(f.get("ruleId").asText(), f.get("subject").get("id").asText(), entities));
        }
        out.put("facts", r.get("inputs").get("facts").asLong());
        out.put("findings", found.size());
        out.put("errors", r.get("errors").size());
        planted(market, found, out);
        return out;
    }

    // ------------------------------------------------------------------ detail

    static Map<String, Object> detail(Path market, Path rules, Path work, int warmup, int reps, boolean perRule) throws IOException {
        // rule folders and caches of this run go in a folder of their own, removed at the end
        Path scratch = Files.createTempDirectory(work, "detail");
        try {
            return detailIn(market, rules, scratch, warmup, reps, perRule);
        } finally {
            deleteTree(scratch);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static Map<String, Object> detailIn(Path market, Path rules, Path work, int warmup, int reps, boolean perRule)
            throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        Recorder rec = new Recorder(Progress.forEnvironment());

        // load
        rec.stage("load");
        long t0 = System.nanoTime();
        LoadResult loaded = FolderLoader.load(List.of(market), rec);
        long loadNanos = System.nanoTime() - t0;
        List<Fact> facts = loaded.facts();
        long bytes = inputBytes(market);
        out.put("facts", facts.size());
        out.put("files", loaded.files().size());
        out.put("bytes", bytes);
        out.put("loadErrors", loaded.errors().size());
        out.put("loadMs", loadNanos / 1_000_000);
        out.put("factsPerSec", Math.round(facts.size() / (loadNanos / 1e9)));
        out.put("mbPerSec", Math.round(bytes / 1e6 / (loadNanos / 1e9) * 10) / 10.0);
        out.put("factsHeapMb", retainedHeapMb());
        // the partitions a default run evaluates (docs/scale.md): components, batches, the largest
        org.offbook.pipeline.Partitioning how = org.offbook.pipeline.Partitioning.fromSystemProperties();
        org.offbook.prepare.Partitions.Plan plan = org.offbook.prepare.Partitions.of(facts,
                org.offbook.prepare.Derivations.derive(facts), how.targetFacts());
        out.put("components", plan.components());
        out.put("partitions", plan.partitions().size());
        out.put("largestPartition", plan.largest());
        plan = null;

        // compile: cold (empty cache; the first compilation in this JVM), then from the cache
        rec.stage("compile");
        Path cacheDir = Files.createTempDirectory(work, "rule-cache");
        RuleBaseCache cache = new RuleBaseCache(cacheDir);
        t0 = System.nanoTime();
        CompiledRules full = RuleCompiler.compile(List.of(rules), cache);
        out.put("compileColdMs", (System.nanoTime() - t0) / 1_000_000);
        t0 = System.nanoTime();
        CompiledRules cached = RuleCompiler.compile(List.of(rules), cache);
        out.put("compileCachedMs", (System.nanoTime() - t0) / 1_000_000);
        out.put("fromCache", cached.fromCache());
        out.put("rules", full.rules().size());
        out.put("ruleErrors", full.errors().size());

        // every rule, once, timed by stage
        System.gc();
        rec.reset();
        rec.start("rules-setup");
        t0 = System.nanoTime();
        Check.Evaluation all = Check.evaluate(cached, facts, RuleRunner.Limits.DEFAULT, rec);
        out.put("evalMs", (System.nanoTime() - t0) / 1_000_000);
        out.put("evalStages", rec.finish());
        out.put("firings", all.firings());
        out.put("findings", all.findings().size());
        out.put("ruleProblems", all.problems().stream().map(Object::toString).limit(5).toList());
        List<FindingKey> allKeys = all.findings().stream().map(FindingKey::of).toList();
        planted(market, allKeys, out);
        all = null;

        // the baseline's rules in offbook and in plain Java, on the same facts
        Path subsetDir = subsetRules(rules, work, JavaBaseline.RULES);
        CompiledRules subset = RuleCompiler.compile(List.of(subsetDir), null);
        out.put("subsetRules", subset.rules().stream().map(r -> r.id()).toList());
        List<Long> offbookMs = new ArrayList<>();
        List<Long> baselineMs = new ArrayList<>();
        Map<String, List<Long>> stageMs = new LinkedHashMap<>();
        List<FindingKey> offbookKeys = null;
        List<FindingKey> baselineKeys = null;
        for (int i = 0; i < warmup + reps; i++) {
            // each timed run starts from a collected heap, so that one run does not pay for another's garbage
            System.gc();
            rec.reset();
            rec.start("rules-setup");
            t0 = System.nanoTime();
            Check.Evaluation r = Check.evaluate(subset, facts, RuleRunner.Limits.DEFAULT, rec);
            long o = System.nanoTime() - t0;
            Map<String, Long> st = rec.finish();
            offbookKeys = r.findings().stream().map(FindingKey::of).sorted().toList();
            r = null;
            System.gc();
            t0 = System.nanoTime();
            List<FindingKey> b = JavaBaseline.run(facts, subset.thresholds());
            long bl = System.nanoTime() - t0;
            baselineKeys = b.stream().sorted().toList();
            if (i >= warmup) {
                offbookMs.add(o / 1_000_000);
                baselineMs.add(bl / 1_000_000);
                st.forEach((k, v) -> stageMs.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
            }
        }
        long om = median(offbookMs);
        long bm = median(baselineMs);
        out.put("subsetMs", offbookMs);
        out.put("baselineMs", baselineMs);
        out.put("subsetMedianMs", om);
        out.put("baselineMedianMs", bm);
        Map<String, Long> stageMedians = new LinkedHashMap<>();
        stageMs.forEach((k, v) -> stageMedians.put(k, median(v)));
        out.put("subsetStages", stageMedians);
        out.put("ratio", bm == 0 ? null : Math.round((double) om / Math.max(1, bm) * 10) / 10.0);
        out.put("subsetFindings", offbookKeys.size());
        out.put("baselineFindings", baselineKeys.size());
        out.put("same", offbookKeys.equals(baselineKeys));
        out.put("differences", differences(offbookKeys, baselineKeys));
        // the full rule set agrees with the baseline on the baseline's rules too
        List<FindingKey> fullOnSubset = allKeys.stream().filter(k -> JavaBaseline.RULES.contains(k.rule())).sorted().toList();
        out.put("sameAsFullRun", fullOnSubset.equals(baselineKeys));
        memory(out);
        if (perRule) {
            out.put("perRule", perRule(rules, work, full, facts, rec));
        }
        return out;
    }

    /**
     * Each rule alone on the same facts (a rule folder holding only its DRL file): the time of its
     * evaluation (the rules stage) and of building its findings. Rules interact only through shared
     * facts, so the sum is close to the full run; the list shows which rules cost the most.
     */
    static List<Map<String, Object>> perRule(Path rules, Path work, CompiledRules full, List<Fact> facts, Recorder rec) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (var info : full.rules()) {
            Path dir = subsetRules(rules, work, List.of(info.id()));
            CompiledRules one = RuleCompiler.compile(List.of(dir), null);
            if (one.rules().size() != 1) {
                continue; // not one rule per file named after its id: not measured alone
            }
            System.gc();
            rec.reset();
            rec.start("rules-setup");
            Check.Evaluation r = Check.evaluate(one, facts, RuleRunner.Limits.DEFAULT, rec);
            Map<String, Long> st = rec.finish();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", info.id());
            m.put("rulesMs", st.getOrDefault("rules", 0L));
            m.put("findingsMs", st.getOrDefault("findings", 0L));
            m.put("prepareMs", st.getOrDefault("prepare", 0L));
            m.put("findings", r.findings().size());
            out.add(m);
        }
        out.sort((a, b) -> Long.compare((Long) b.get("rulesMs") + (Long) b.get("findingsMs"), (Long) a.get("rulesMs") + (Long) a.get("findingsMs")));
        return out;
    }

    /** Heap in use after a full collection, in MB: what the loaded facts keep. */
    private static long retainedHeapMb() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    /** A rule folder holding only the given rules' DRL files (found by file name) and the thresholds. */
    static Path subsetRules(Path rules, Path work, List<String> ids) throws IOException {
        Path dir = Files.createTempDirectory(work, "subset-rules");
        try (Stream<Path> walk = Files.walk(rules)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                String name = p.getFileName().toString();
                String rel = rules.relativize(p).toString();
                if (rel.startsWith(".") || rel.contains("/.")) {
                    continue;
                }
                if (name.equals("thresholds.csv") || name.endsWith(".drl") && ids.contains(name.substring(0, name.length() - 4))) {
                    Path target = dir.resolve(rel);
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                }
            }
        }
        return dir;
    }

    static long inputBytes(Path market) throws IOException {
        try (Stream<Path> walk = Files.walk(market)) {
            return walk.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                return n.endsWith(".csv") || n.endsWith(".json");
            }).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** Planted findings the run did not report. */
    private static void planted(Path market, List<FindingKey> found, Map<String, Object> out) throws IOException {
        List<Planted> planted = Planted.read(market);
        java.util.Set<FindingKey> set = new java.util.HashSet<>(found);
        List<String> missing = new ArrayList<>();
        for (Planted p : planted) {
            if (!set.contains(p.key())) {
                missing.add(p.key().toString());
            }
        }
        out.put("planted", planted.size());
        out.put("plantedFound", planted.size() - missing.size());
        out.put("plantedMissing", missing.stream().limit(10).toList());
    }

    /** Up to ten findings one side has more often than the other. */
    static List<String> differences(List<FindingKey> offbook, List<FindingKey> baseline) {
        Map<FindingKey, Integer> count = new HashMap<>();
        offbook.forEach(k -> count.merge(k, 1, Integer::sum));
        baseline.forEach(k -> count.merge(k, -1, Integer::sum));
        List<String> out = new ArrayList<>();
        count.entrySet().stream().filter(e -> e.getValue() != 0).sorted(Map.Entry.comparingByKey()).limit(10)
                .forEach(e -> out.add((e.getValue() > 0 ? "offbook only: " : "baseline only: ") + e.getKey()));
        return out;
    }

    static long median(List<Long> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> s = new ArrayList<>(values);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** Peak memory of this JVM: resident set (VmHWM), heap pools' peaks, GC count and time. */
    static void memory(Map<String, Object> out) {
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        long gcCount = 0;
        long gcMs = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMs += Math.max(0, gc.getCollectionTime());
        }
        out.put("heapPeakMb", heapPeak / (1024 * 1024));
        out.put("rssPeakMb", vmHwmKb() / 1024);
        out.put("gcCount", gcCount);
        out.put("gcMs", gcMs);
        out.put("heapMaxMb", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / (1024 * 1024));
        out.put("cpuMs", cpuMs());
        out.put("loadAverage", loadAverage());
    }

    /** CPU time of this process so far, all threads (JIT and GC included), in ms; -1 when unknown. */
    static long cpuMs() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1_000_000;
        }
        return -1;
    }

    /** The 1-minute load average of the machine: other work running at the same time skews wall times. */
    static double loadAverage() {
        return Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0;
    }

    /** Peak resident set size of this process in KB (Linux), 0 where /proc is not available. */
    static long vmHwmKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no resident-set figure
        }
        return 0;
    }
}
