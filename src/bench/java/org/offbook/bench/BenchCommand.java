package org.offbook.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark offbook on synthetic markets of growing size (see docs/performance.md).",
            "For each size: generates the market (or reuses it from --work), runs 'offbook check' end to end in fresh JVMs "
                    + "(warm-up runs, then --reps measured runs; medians), then one detailed run: load throughput, rule "
                    + "compilation cold and cached, evaluation of every rule, and the plain-Java baseline against the same "
                    + "five rules in offbook on the same facts. Checks that every planted finding is reported and that "
                    + "offbook and the baseline report the same findings; prints the tables."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every check passed", "4:a planted finding was missed, or offbook and the baseline disagree",
            "2:usage error", "1:internal error (a benchmark run failed)"})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--sizes", paramLabel = "N,N,...", split = ",",
            description = "Numbers of companies (default: 100,300,1000,3000,10000).")
    List<Integer> sizes = new ArrayList<>(List.of(100, 300, 1000, 3000, 10000));

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the generated markets (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--years", paramLabel = "Y", description = "Fiscal years of statements (default: ${DEFAULT-VALUE}).")
    int years = 10;

    @Option(names = "--layout", paramLabel = "LAYOUT", description = "tables or folders (default: ${DEFAULT-VALUE}).")
    String layout = "tables";

    @Option(names = "--reps", paramLabel = "R", description = "Measured runs per size (default: ${DEFAULT-VALUE}).")
    int reps = 3;

    @Option(names = "--warmup", paramLabel = "W", description = "Warm-up runs per size, not counted (default: ${DEFAULT-VALUE}).")
    int warmup = 1;

    @Option(names = "--work", paramLabel = "DIR", description = "Folder for markets, rule cache and reports (default: ${DEFAULT-VALUE}).")
    Path work = Path.of("target", "bench");

    @Option(names = "--rules", paramLabel = "DIR", description = "Rule folder (default: rules).")
    Path rules;

    @Option(names = "--jvm-opts", paramLabel = "OPTIONS",
            description = "Options of the measured JVMs, space-separated (default: '${DEFAULT-VALUE}', those the offbook launcher uses).")
    String jvmOpts = "-XX:+UseParallelGC -XX:TieredStopAtLevel=1";

    @Option(names = "--only", paramLabel = "PART", description = "Run only one part: e2e or detail.")
    String only;

    @Option(names = "--profile", description = "Also run each size once with Java Flight Recorder and show where the time goes, by stage.")
    boolean profile;

    @Option(names = "--per-rule", description = "Also time each rule alone on the same facts (slow: compiles every rule on its own).")
    boolean perRule;

    @Option(names = "--output", paramLabel = "FILE", description = "Also write the tables (Markdown) to FILE.")
    Path output;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write every measurement (JSON) to FILE.")
    Path json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        MarketGenerator.Layout l;
        try {
            l = MarketGenerator.Layout.valueOf(layout.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw usage("--layout: expected tables or folders, found '" + layout + "'");
        }
        if (sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 20)) {
            throw usage("--sizes: each size must be at least 20 companies");
        }
        if (reps < 1 || warmup < 0) {
            throw usage("--reps must be at least 1 and --warmup at least 0");
        }
        if (only != null && !only.equals("e2e") && !only.equals("detail")) {
            throw usage("--only: expected e2e or detail, found '" + only + "'");
        }
        Path ruleDir = rules != null ? rules : defaultRules();
        if (!Files.isDirectory(ruleDir)) {
            throw usage("--rules: no such folder: " + ruleDir);
        }
        List<String> opts = jvmOpts.isBlank() ? List.of() : Arrays.asList(jvmOpts.strip().split("\\s+"));
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        var machine = Bench.machine();
        err.printf(Locale.ROOT, "bench: %s, %d processors, %d GiB; %s; JVM options: %s%n", machine.path("cpu").asText(),
                machine.path("nproc").asInt(), machine.path("memoryGiB").asLong(), machine.path("java").asText(), String.join(" ", opts));
        Bench bench = new Bench(new Bench.Options(sizes, seed, years, l, reps, warmup, work, ruleDir, opts,
                only == null || only.equals("detail"), only == null || only.equals("e2e"), profile, perRule), err);
        List<Bench.Size> results = bench.run();
        String tables = bench.markdown(results);
        out.println();
        out.print(tables);
        out.flush();
        if (output != null) {
            Files.writeString(output, tables, StandardCharsets.UTF_8);
        }
        if (json != null) {
            bench.writeJson(results, json);
        }
        boolean ok = Bench.passed(results);
        err.println(ok ? "bench: every planted finding reported; offbook and the baseline agree"
                : "bench: CHECK FAILED: a planted finding is missing or offbook and the baseline disagree (see the tables)");
        err.flush();
        return ok ? BenchMain.OK : BenchMain.FAILED;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** {@code rules} in the working folder; else the rules beside the launcher ({@code OFFBOOK_HOME}), as 'offbook check'. */
    private static Path defaultRules() {
        Path local = Path.of("rules");
        String home = System.getenv("OFFBOOK_HOME");
        if (!Files.isDirectory(local) && home != null && Files.isDirectory(Path.of(home, "rules"))) {
            return Path.of(home, "rules");
        }
        return local;
    }
}
