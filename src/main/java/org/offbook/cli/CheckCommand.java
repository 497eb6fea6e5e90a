package org.offbook.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.offbook.pipeline.Check;
import org.offbook.triage.Baseline;
import org.offbook.model.Severity;
import org.offbook.model.LoadError;
import org.offbook.reports.Formats;
import org.offbook.reports.Renderer;
import org.offbook.reports.Report;
import org.offbook.reports.ReportFiles;
import org.offbook.engine.RuleRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check filings and deal-terms files (JSON, CSV) against the DRL rules and report explained findings.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no new finding at or above --fail-on",
            "4:new findings at or above --fail-on",
            "5:an input, rule, baseline or configuration file could not be (fully) loaded; the rest was checked",
            "2:usage error (unknown option or format, unwritable output)",
            "1:internal error, or out of memory"})
final class CheckCommand implements Callable<Integer> {

    /** Formats for list-like commands (rules list). */
    enum Format { text, json }

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files or folders to check (default: filings).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rule folder (repeatable). When given, only these folders are used. Default: rules.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Format of the report on standard output or --output: text, json, csv, sarif, html, junit (default: ${DEFAULT-VALUE}).")
    String format = "text";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the --format report to FILE instead of standard output.")
    Path output;

    @Option(names = "--report", paramLabel = "FORMAT=FILE",
            description = "Also write a report in FORMAT to FILE (repeatable), e.g. --report sarif=out.sarif --report csv=out.csv.")
    List<String> reports = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Exit 4 when a new finding is at or above LEVEL: info, low, medium, high, critical, never (default: ${DEFAULT-VALUE}).")
    String failOn = "low";

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Accepted findings: matching ones are marked baselined and do not count for --fail-on.")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Write the findings as a baseline to FILE (keeping justifications already in it) and exit 0 unless inputs failed to load.")
    Path writeBaseline;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Suppressions and severity overrides, each with a reason (see docs/report-format.md).")
    Path config;

    @Option(names = "--max-firings", paramLabel = "N", description = "Stop a rule that fires N times; the other rules go on (default: ${DEFAULT-VALUE}).")
    long maxFirings = RuleRunner.Limits.DEFAULT.maxFirings();

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Stop the rules after this many seconds (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds = RuleRunner.Limits.DEFAULT.timeout().toSeconds();

    @Option(names = {"-v", "--verbose"}, description = "Log progress and Drools messages to standard error.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Severity threshold = parseFailOn();
        if (maxFirings < 1 || timeoutSeconds < 1) {
            throw usage("--max-firings and --timeout must be at least 1");
        }
        Renderer main = renderer(format, "--format");
        Map<Path, Renderer> extra = new LinkedHashMap<>();
        for (String spec : reports) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw usage("--report: expected FORMAT=FILE, e.g. sarif=out.sarif, found '" + spec + "'");
            }
            extra.put(Path.of(spec.substring(eq + 1)), renderer(spec.substring(0, eq), "--report"));
        }
        List<Path> outputs = new ArrayList<>(extra.keySet());
        if (output != null) {
            outputs.add(output);
        }
        if (writeBaseline != null) {
            outputs.add(writeBaseline);
        }
        for (Path p : outputs) {
            String problem = ReportFiles.problem(p);
            if (problem != null) {
                throw usage("cannot write " + p + ": " + problem);
            }
        }
        if (config != null && !Files.isRegularFile(config)) {
            throw usage("--config: no such file: " + config);
        }
        if (baseline != null && !Files.isRegularFile(baseline)) {
            throw usage("--baseline: no such file: " + baseline);
        }
        if (verbose) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
            System.setProperty("org.slf4j.simpleLogger.log.org.drools", "warn");
            System.setProperty("org.slf4j.simpleLogger.log.org.kie", "warn");
        }
        List<Path> inputs = paths.isEmpty() ? List.of(Path.of("filings")) : paths;
        List<Path> ruleDirs = rules.isEmpty() ? List.of(defaultRules()) : rules;
        Report report = Check.run(new Check.Options(inputs, ruleDirs,
                new RuleRunner.Limits(maxFirings, Duration.ofSeconds(timeoutSeconds)), config, baseline)).withFailOn(threshold);

        PrintWriter err = spec.commandLine().getErr();
        for (Map.Entry<Path, Renderer> e : extra.entrySet()) {
            ReportFiles.write(e.getValue(), report, e.getKey());
        }
        if (writeBaseline != null) {
            List<Baseline.Entry> previous = Files.isRegularFile(writeBaseline) ? Baseline.read(writeBaseline, new ArrayList<>()) : List.of();
            ReportFiles.writeText(Baseline.render(report.findings(), previous), writeBaseline);
        }
        if (output != null) {
            ReportFiles.write(main, report, output);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            main.render(report, out);
            out.flush();
        }
        // errors always reach the terminal; a text report on standard output already lists them
        boolean textOnStdout = output == null && format.equalsIgnoreCase("text");
        if (!textOnStdout) {
            for (LoadError e : report.errors()) {
                err.println("offbook: error: " + e);
            }
        }
        if (output != null || !extra.isEmpty() || writeBaseline != null) {
            List<String> written = new ArrayList<>();
            extra.keySet().forEach(p -> written.add(p.toString()));
            if (output != null) {
                written.add(output.toString());
            }
            if (writeBaseline != null) {
                written.add(writeBaseline + " (baseline)");
            }
            err.println("offbook: " + report.findings().size() + " findings (" + report.count("new") + " new), "
                    + report.errors().size() + " errors; wrote " + String.join(", ", written));
        }
        err.flush();
        if (!report.errors().isEmpty()) {
            return Main.LOAD_ERRORS;
        }
        if (writeBaseline != null) {
            return Main.OK;
        }
        return report.failing().isEmpty() ? Main.OK : Main.FINDINGS;
    }

    private Renderer renderer(String name, String option) {
        Renderer r = Formats.get(name);
        if (r == null) {
            throw usage(option + ": unknown format '" + name + "' (" + String.join(", ", Formats.names()) + ")");
        }
        return r;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** {@code rules} in the working folder; else the rules shipped beside the launcher ({@code OFFBOOK_HOME}). */
    static Path defaultRules() {
        Path local = Path.of("rules");
        String home = System.getenv("OFFBOOK_HOME");
        if (!Files.isDirectory(local) && home != null && Files.isDirectory(Path.of(home, "rules"))) {
            return Path.of(home, "rules");
        }
        return local;
    }

    private Severity parseFailOn() {
        String v = failOn.strip().toLowerCase(Locale.ROOT);
        if (v.equals("never")) {
            return null;
        }
        try {
            return Severity.parse(v);
        } catch (IllegalArgumentException e) {
            throw usage("--fail-on: '" + failOn + "' is not one of info, low, medium, high, critical, never");
        }
    }
}
