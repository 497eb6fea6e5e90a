package org.offbook.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark driver behind {@code offbook bench}: for each market size, generates the market
 * (or reuses it), runs {@code offbook check} end to end in fresh JVMs, then one detailed run
 * (load throughput, rule compilation, evaluation, the plain-Java baseline), and prints the table.
 * Every measurement runs in a JVM of its own ({@link BenchRun}), with the JVM options given.
 */
public final class Bench {

    /** What to measure. */
    public record Options(List<Integer> sizes, long seed, int years, MarketGenerator.Layout layout, int reps, int warmup,
                          Path work, Path rules, List<String> jvmOptions, boolean detail, boolean e2e, boolean profile,
                          boolean perRule) {
    }

    /** Results of one size. */
    public record Size(int companies, ObjectNode market, List<JsonNode> e2e, long e2eWallMedianMs, JsonNode detail, String profile,
                       List<JsonNode> e2eOne, long e2eOneWallMedianMs, boolean sameReports) {
    }

    /** The JVM option that makes a measured run evaluate in one session (the default is partitions). */
    static final String ONE_SESSION = "-Doffbook.partitions=off";

    private final Options o;
    private final PrintWriter log;

    public Bench(Options o, PrintWriter log) {
        this.o = o;
        this.log = log;
    }

    /** Runs every size; the results, in size order. */
    public List<Size> run() throws IOException, InterruptedException {
        Files.createDirectories(o.work());
        Path cache = o.work().resolve("rule-cache");
        List<Size> out = new ArrayList<>();
        for (int n : o.sizes()) {
            MarketGenerator.Spec spec = new MarketGenerator.Spec(n, o.seed(), o.years(), o.layout());
            Path market = o.work().resolve("market-" + n + "-s" + o.seed() + "-y" + o.years() + "-" + o.layout().name().toLowerCase(Locale.ROOT));
            ObjectNode m = BenchRun.JSON.createObjectNode();
            m.put("path", market.toString());
            if (reusable(market, spec)) {
                m.put("generatedMs", -1);
                log.printf(Locale.ROOT, "bench: %,d companies: reusing %s%n", n, market);
            } else {
                deleteTree(market);
                log.printf(Locale.ROOT, "bench: %,d companies: generating %s%n", n, market);
                log.flush();
                long t0 = System.nanoTime();
                MarketGenerator.Summary s = MarketGenerator.generate(spec, market);
                m.put("generatedMs", (System.nanoTime() - t0) / 1_000_000);
                log.printf(Locale.ROOT, "bench:   %,d facts in %d files, %.1f MB, %d planted findings%n", s.facts(), s.files(),
                        s.bytes() / 1e6, s.planted().size());
            }
            m.put("facts", factsOf(market));
            m.put("bytes", BenchRun.inputBytes(market));
            List<JsonNode> e2e = new ArrayList<>();
            List<Long> walls = new ArrayList<>();
            List<JsonNode> e2eOne = new ArrayList<>();
            List<Long> wallsOne = new ArrayList<>();
            boolean sameReports = true;
            if (o.e2e()) {
                // the two modes alternate, so that both see the same machine; each run's report is
                // compared byte for byte with the one-session report of the same round
                for (int i = 0; i < o.warmup() + o.reps(); i++) {
                    boolean measured = i >= o.warmup();
                    Path report = o.work().resolve("report-" + n + ".json");
                    Path reportOne = o.work().resolve("report-" + n + "-one-session.json");
                    for (boolean one : new boolean[] {false, true}) {
                        log.printf(Locale.ROOT, "bench:   end to end, %s, run %d of %d%s%n", one ? "one session" : "partitioned", i + 1,
                                o.warmup() + o.reps(), measured ? "" : " (warm-up)");
                        log.flush();
                        long t0 = System.nanoTime();
                        ObjectNode r = childWith(one ? List.of(ONE_SESSION) : List.of(), cache, "e2e", market.toString(),
                                o.rules().toString(), (one ? reportOne : report).toString());
                        long wall = (System.nanoTime() - t0) / 1_000_000;
                        r.put("processMs", wall);
                        if (measured) {
                            (one ? e2eOne : e2e).add(r);
                            (one ? wallsOne : walls).add(wall);
                        }
                        log.printf(Locale.ROOT, "bench:     %.1f s, GC %.1f s, peak RSS %,d MB, %,d findings, planted %d/%d, load average %s%n",
                                wall / 1000.0, r.path("gcMs").asLong() / 1000.0, r.path("rssPeakMb").asLong(), r.path("findings").asLong(),
                                r.path("plantedFound").asInt(), r.path("planted").asInt(), r.path("loadAverage").asText("-"));
                    }
                    boolean same = java.util.Arrays.equals(Files.readAllBytes(report), Files.readAllBytes(reportOne));
                    log.printf(Locale.ROOT, "bench:     same report partitioned and in one session: %s%n", same ? "yes" : "NO");
                    sameReports &= same;
                }
            }
            String profile = null;
            if (o.profile()) {
                log.printf(Locale.ROOT, "bench:   end to end with Java Flight Recorder (not counted)%n");
                log.flush();
                Path jfr = o.work().resolve("profile-" + n + ".jfr");
                Files.deleteIfExists(jfr);
                List<String> jvm = List.of("-XX:StartFlightRecording=filename=" + jfr + ",settings=" + Profile.writeSettings(o.work()),
                        "-Xlog:jfr+startup=warning");
                ObjectNode r = childWith(jvm, cache, "e2e", market.toString(), o.rules().toString(), o.work().resolve("report-" + n + ".json").toString());
                List<Profile.Mark> timeline = new ArrayList<>();
                for (JsonNode mark : r.path("timeline")) {
                    timeline.add(new Profile.Mark(mark.path("stage").asText(), mark.path("startMs").asLong()));
                }
                profile = Profile.summarize(jfr, timeline, 4);
                m.put("profileFile", jfr.toString());
            }
            JsonNode detail = null;
            if (o.detail()) {
                log.printf(Locale.ROOT, "bench:   detail: load, compile, evaluation, baseline (%d warm-up + %d runs)%n", o.warmup(), o.reps());
                log.flush();
                detail = child(cache, "detail", market.toString(), o.rules().toString(), o.work().toString(),
                        Integer.toString(o.warmup()), Integer.toString(o.reps()), Boolean.toString(o.perRule()));
                log.printf(Locale.ROOT, "bench:     %,d components of the link graph in %,d partitions, the largest %,d facts%n",
                        detail.path("components").asLong(), detail.path("partitions").asLong(), detail.path("largestPartition").asLong());
                log.printf(Locale.ROOT, "bench:     load %.1f s (%,d facts/s), rules %s ms vs baseline %s ms: %sx, same findings: %s%n",
                        detail.path("loadMs").asLong() / 1000.0, detail.path("factsPerSec").asLong(), detail.path("subsetMedianMs").asText(),
                        detail.path("baselineMedianMs").asText(), detail.path("ratio").asText(), detail.path("same").asText());
            }
            out.add(new Size(n, m, e2e, BenchRun.median(walls), detail, profile, e2eOne, BenchRun.median(wallsOne), sameReports));
            log.flush();
        }
        return out;
    }

    /** The number of facts market.txt gives. */
    private static long factsOf(Path market) throws IOException {
        for (String line : Files.readAllLines(market.resolve(MarketGenerator.DESCRIPTION), StandardCharsets.UTF_8)) {
            if (line.startsWith("facts=")) {
                return Long.parseLong(line.substring("facts=".length()));
            }
        }
        return 0;
    }

    private static boolean reusable(Path market, MarketGenerator.Spec spec) throws IOException {
        Path d = market.resolve(MarketGenerator.DESCRIPTION);
        return Files.isRegularFile(d) && Files.isRegularFile(market.resolve(Planted.FILE))
                && Files.readString(d, StandardCharsets.UTF_8).startsWith(spec.describe());
    }

    private static void deleteTree(Path p) throws IOException {
        if (Files.exists(p)) {
            BenchRun.deleteTree(p);
        }
    }

    /** Runs {@link BenchRun} in a fresh JVM and returns what it printed. */
    private ObjectNode child(Path cache, String... args) throws IOException, InterruptedException {
        return childWith(List.of(), cache, args);
    }

    private ObjectNode childWith(List<String> extraJvmOptions, Path cache, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(o.jvmOptions());
        cmd.addAll(extraJvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(BenchRun.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("OFFBOOK_CACHE_DIR", cache.toString());
        pb.environment().remove("OFFBOOK_CACHE");
        if (System.console() != null && !"off".equalsIgnoreCase(System.getenv("OFFBOOK_PROGRESS"))) {
            pb.environment().put("OFFBOOK_PROGRESS", "on"); // the child's standard error is this terminal
        }
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        // a benchmark stopped with Ctrl-C stops its measured JVM too
        Thread stopChild = new Thread(p::destroyForcibly, "bench-stop-child");
        Runtime.getRuntime().addShutdownHook(stopChild);
        String result = null;
        List<String> other = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(BenchRun.PREFIX)) {
                    result = line.substring(BenchRun.PREFIX.length());
                } else {
                    other.add(line);
                }
            }
        }
        int code = p.waitFor();
        Runtime.getRuntime().removeShutdownHook(stopChild);
        if (code != 0 || result == null) {
            throw new IOException("benchmark run failed (exit " + code + "): " + String.join(" ", cmd) + "\n" + String.join("\n", other));
        }
        return (ObjectNode) BenchRun.JSON.readTree(result);
    }

    // ------------------------------------------------------------------ the report

    /** True when every planted finding was found and offbook agreed with the baseline, at every size. */
    public static boolean passed(List<Size> sizes) {
        for (Size s : sizes) {
            if (!s.sameReports()) {
                return false;
            }
            for (JsonNode e : s.e2e()) {
                if (e.path("plantedFound").asInt() != e.path("planted").asInt() || e.path("errors").asInt() != 0) {
                    return false;
                }
            }
            JsonNode d = s.detail();
            if (d != null && (d.path("plantedFound").asInt() != d.path("planted").asInt() || !d.path("same").asBoolean()
                    || !d.path("sameAsFullRun").asBoolean())) {
                return false;
            }
        }
        return true;
    }

    /** The results as Markdown tables (what docs/performance.md shows). */
    public String markdown(List<Size> sizes) {
        StringBuilder sb = new StringBuilder();
        if (sizes.stream().anyMatch(s -> !s.e2e().isEmpty())) {
            sb.append("| companies | evaluation | end to end s | GC s | GC share | peak RSS MB | rules: baseline ratio | same findings | load avg |\n");
            sb.append("|---:|---|---:|---:|---:|---:|---:|---|---|\n");
            for (Size s : sizes) {
                if (s.e2e().isEmpty()) {
                    continue;
                }
                String ratio = s.detail() == null ? "-" : s.detail().path("ratio").asText("-");
                String same = s.sameReports() ? "yes" : "NO";
                sb.append(modeRow(s.companies(), "partitioned", s.e2e(), s.e2eWallMedianMs(), ratio, same));
                if (!s.e2eOne().isEmpty()) {
                    sb.append(modeRow(s.companies(), "one session", s.e2eOne(), s.e2eOneWallMedianMs(), "", same));
                }
            }
            sb.append("\nGarbage collection by stage (median run, seconds of collector time, share of the stage):\n\n");
            sb.append("| companies | evaluation | stage: GC s (share) |\n|---:|---|---|\n");
            for (Size s : sizes) {
                if (!s.e2e().isEmpty()) {
                    sb.append(gcRow(s.companies(), "partitioned", medianRun(s.e2e())));
                }
                if (!s.e2eOne().isEmpty()) {
                    sb.append(gcRow(s.companies(), "one session", medianRun(s.e2eOne())));
                }
            }
            sb.append('\n');
        }
        sb.append("| companies | facts | input MB | load s | facts/s | MB/s | compile cold s | compile cached s | evaluate s "
                + "| end to end s | peak RSS MB | peak heap MB | findings | planted found |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Size s : sizes) {
            JsonNode d = s.detail() == null ? BenchRun.JSON.createObjectNode() : s.detail();
            JsonNode e = s.e2e().isEmpty() ? BenchRun.JSON.createObjectNode() : medianRun(s.e2e());
            sb.append(String.format(Locale.ROOT, "| %,d | %,d | %.1f | %s | %,d | %s | %s | %s | %s | %s | %,d | %,d | %,d | %s |%n",
                    s.companies(), s.market().path("facts").asLong(), s.market().path("bytes").asLong() / 1e6,
                    sec(d.path("loadMs")), d.path("factsPerSec").asLong(), d.path("mbPerSec").asText("-"),
                    sec(d.path("compileColdMs")), sec(d.path("compileCachedMs")), sec(d.path("evalMs")),
                    s.e2e().isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f", s.e2eWallMedianMs() / 1000.0),
                    maxOf(s.e2e(), "rssPeakMb"), maxOf(s.e2e(), "heapPeakMb"), e.path("findings").asLong(d.path("findings").asLong()),
                    planted(s)));
        }
        sb.append("\n| companies | rules: offbook ms | baseline ms | ratio | findings (both) | same findings |\n");
        sb.append("|---:|---:|---:|---:|---:|---|\n");
        for (Size s : sizes) {
            JsonNode d = s.detail();
            if (d == null) {
                continue;
            }
            sb.append(String.format(Locale.ROOT, "| %,d | %,d | %,d | %s | %,d | %s |%n", s.companies(), d.path("subsetMedianMs").asLong(),
                    d.path("baselineMedianMs").asLong(), d.path("ratio").asText(), d.path("subsetFindings").asLong(),
                    d.path("same").asBoolean() && d.path("sameAsFullRun").asBoolean() ? "yes" : "NO: " + d.path("differences")));
        }
        if (sizes.stream().anyMatch(s -> !s.e2e().isEmpty())) {
            sb.append("\nEnd to end by stage (median run, seconds):\n\n");
            List<String> stages = new ArrayList<>();
            for (Size s : sizes) {
                if (!s.e2e().isEmpty()) {
                    medianRun(s.e2e()).path("stages").fieldNames().forEachRemaining(k -> {
                        if (!stages.contains(k)) {
                            stages.add(k);
                        }
                    });
                }
            }
            sb.append("| companies | JVM start | ").append(String.join(" | ", stages)).append(" | total | CPU s | GC s | load avg |\n");
            sb.append("|---:|---:|").append("---:|".repeat(stages.size())).append("---:|---:|---:|---:|\n");
            for (Size s : sizes) {
                if (s.e2e().isEmpty()) {
                    continue;
                }
                JsonNode e = medianRun(s.e2e());
                sb.append(String.format(Locale.ROOT, "| %,d | %s |", s.companies(), sec(e.path("jvmToMainMs"))));
                for (String k : stages) {
                    sb.append(' ').append(sec(e.path("stages").path(k))).append(" |");
                }
                sb.append(String.format(Locale.ROOT, " %s | %s | %s | %s |%n", sec(e.path("processMs")), sec(e.path("cpuMs")), sec(e.path("gcMs")),
                        e.path("loadAverage").asText("-")));
            }
        }
        for (Size s : sizes) {
            JsonNode per = s.detail() == null ? null : s.detail().get("perRule");
            if (per == null || per.isEmpty()) {
                continue;
            }
            sb.append(String.format(Locale.ROOT, "%nEach rule alone, %,d companies (evaluation and building its findings, seconds; costliest first):%n%n", s.companies()));
            sb.append("| rule | evaluate s | findings s | findings |\n|---|---:|---:|---:|\n");
            for (JsonNode r : per) {
                sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %,d |%n", r.path("rule").asText(), sec(r.path("rulesMs")),
                        sec(r.path("findingsMs")), r.path("findings").asLong()));
            }
        }
        for (Size s : sizes) {
            if (s.profile() != null) {
                sb.append(String.format(Locale.ROOT, "%nProfile of one end-to-end run, %,d companies:%n%n", s.companies())).append(s.profile());
            }
        }
        return sb.toString();
    }

    /** One mode's row: median run's time, its GC time and share, the highest peak RSS, the load averages seen. */
    private static String modeRow(int companies, String mode, List<JsonNode> runs, long wallMedianMs, String ratio, String same) {
        JsonNode e = medianRun(runs);
        long gc = e.path("gcMs").asLong();
        long wall = e.path("processMs").asLong();
        List<String> loads = new ArrayList<>();
        runs.forEach(r -> loads.add(r.path("loadAverage").asText("-")));
        return String.format(Locale.ROOT, "| %,d | %s | %.1f | %.1f | %.0f%% | %,d | %s | %s | %s |%n", companies, mode, wallMedianMs / 1000.0,
                gc / 1000.0, wall == 0 ? 0.0 : 100.0 * gc / wall, maxOf(runs, "rssPeakMb"), ratio, same, String.join(", ", loads));
    }

    private static String gcRow(int companies, String mode, JsonNode run) {
        List<String> cells = new ArrayList<>();
        run.path("gcStages").fields().forEachRemaining(e -> {
            long stage = run.path("stages").path(e.getKey()).asLong();
            long gc = e.getValue().asLong();
            if (gc > 0) {
                cells.add(String.format(Locale.ROOT, "%s %.2f (%.0f%%)", e.getKey(), gc / 1000.0, stage == 0 ? 0.0 : 100.0 * gc / stage));
            }
        });
        return String.format(Locale.ROOT, "| %,d | %s | %s |%n", companies, mode, cells.isEmpty() ? "none" : String.join("; ", cells));
    }

    /** The run whose process time is the median of the measured runs. */
    static JsonNode medianRun(List<JsonNode> runs) {
        List<JsonNode> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingLong(r -> r.path("processMs").asLong()));
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static long maxOf(List<JsonNode> runs, String field) {
        return runs.stream().mapToLong(r -> r.path(field).asLong()).max().orElse(0);
    }

    private static String planted(Size s) {
        JsonNode r = s.detail() != null ? s.detail() : s.e2e().isEmpty() ? null : s.e2e().get(0);
        if (r == null) {
            return "-";
        }
        boolean all = true;
        for (JsonNode e : s.e2e()) {
            all &= e.path("plantedFound").asInt() == e.path("planted").asInt();
        }
        return r.path("plantedFound").asInt() + "/" + r.path("planted").asInt() + (all ? "" : " (e2e: MISSING)");
    }

    private static String sec(JsonNode ms) {
        return ms.isMissingNode() || ms.isNull() ? "-" : String.format(Locale.ROOT, "%.2f", ms.asLong() / 1000.0);
    }

    /** Writes {@link #json} to a file. */
    public void writeJson(List<Size> sizes, Path file) throws IOException {
        BenchRun.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), json(sizes));
    }

    /** Everything measured, as JSON, with the machine and options. */
    public ObjectNode json(List<Size> sizes) {
        ObjectNode root = BenchRun.JSON.createObjectNode();
        root.set("machine", machine());
        ObjectNode opts = root.putObject("options");
        opts.put("seed", o.seed());
        opts.put("years", o.years());
        opts.put("layout", o.layout().name().toLowerCase(Locale.ROOT));
        opts.put("reps", o.reps());
        opts.put("warmup", o.warmup());
        opts.put("jvmOptions", String.join(" ", o.jvmOptions()));
        ArrayNode arr = root.putArray("sizes");
        for (Size s : sizes) {
            ObjectNode n = arr.addObject();
            n.put("companies", s.companies());
            n.set("market", s.market());
            n.put("e2eProcessMedianMs", s.e2eWallMedianMs());
            n.set("e2e", BenchRun.JSON.valueToTree(s.e2e()));
            n.put("e2eOneSessionProcessMedianMs", s.e2eOneWallMedianMs());
            n.set("e2eOneSession", BenchRun.JSON.valueToTree(s.e2eOne()));
            n.put("sameReports", s.sameReports());
            n.set("detail", s.detail());
            if (s.profile() != null) {
                n.put("profile", s.profile());
            }
        }
        return root;
    }

    /** The machine: processors, CPU model, memory, JVM, OS. */
    public static ObjectNode machine() {
        ObjectNode m = BenchRun.JSON.createObjectNode();
        m.put("nproc", Runtime.getRuntime().availableProcessors());
        m.put("cpu", cpuModel());
        m.put("memoryGiB", memoryGiB());
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        return m;
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    static long memoryGiB() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024));
        }
        return -1;
    }
}
