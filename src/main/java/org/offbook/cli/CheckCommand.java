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
import org.offbook.load.RulePack;
import org.offbook.model.Severity;
import org.offbook.model.RunInfo;
import org.offbook.model.Version;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.offbook.model.Problem;
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
            "0:no new finding at or above --fail-on (not-assessed findings count only with --fail-on-gaps)",
            "4:new findings at or above --fail-on, or new not-assessed findings with --fail-on-gaps",
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
            description = "Format of the report on standard output or --output: text, json, csv, csv-bom (csv for Excel on Windows), sarif, html, junit, "
                    + "github (workflow annotations), markdown (a job summary), gitlab (Code Quality JSON), xlsx (needs --output) (default: ${DEFAULT-VALUE}).")
    String format = "text";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the --format report to FILE instead of standard output.")
    Path output;

    @Option(names = "--report", paramLabel = "FORMAT=FILE",
            description = "Also write a report in FORMAT to FILE (repeatable), e.g. --report sarif=out.sarif --report csv=out.csv.")
    List<String> reports = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Exit 4 when a new finding is at or above LEVEL: info, low, medium, high, critical, never (default: ${DEFAULT-VALUE}).")
    String failOn = "low";

    @Option(names = "--fail-on-gaps",
            description = "Also exit 4 when a new not-assessed finding (a question a missing input left open) is reported; "
                    + "by default they are shown apart and do not fail the run.")
    boolean failOnGaps;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Accepted findings: matching ones are marked baselined and do not count for --fail-on.")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Write the findings as a baseline to FILE (keeping justifications already in it) and exit 0 unless inputs failed to load.")
    Path writeBaseline;

    @Option(names = "--strict-baseline",
            description = "A --baseline entry without justification, reviewer and date is an error (exit 5), not a warning.")
    boolean strictBaseline;

    @Option(names = "--junit-passing",
            description = "In JUnit reports, also a passing test case for every rule and entity without a finding (off: a case per finding).")
    boolean junitPassing;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Suppressions and severity overrides, each with a reason (see docs/report-format.md).")
    Path config;

    @Option(names = "--max-firings", paramLabel = "N", description = "Stop a rule that fires N times; the other rules go on (default: ${DEFAULT-VALUE}).")
    long maxFirings = RuleRunner.Limits.DEFAULT.maxFirings();

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Stop the rules after this many seconds (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds = RuleRunner.Limits.DEFAULT.timeout().toSeconds();

    @Option(names = "--credit", paramLabel = "ENTITY",
            description = "Add the credit view of ENTITY (id, alias or name) to the JSON and HTML reports; repeatable (docs/credit.md).")
    List<String> credit = new ArrayList<>();

    @Option(names = "--follow-links",
            description = "Follow symbolic links that lead out of the folders given (by default they are skipped and listed).")
    boolean followLinks;

    @Option(names = {"--title", "--engagement"}, paramLabel = "TEXT",
            description = "Engagement or report title, shown in every report (and the SARIF automationDetails id).")
    String title;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "The date the analysis is as of (YYYY-MM-DD), shown in every report. Default: none (reports never read the clock).")
    String asOf;

    @Option(names = "--preparer", paramLabel = "NAME", description = "Who prepared the run, shown in every report.")
    String preparer;

    @Option(names = "--docs-url", paramLabel = "URL",
            description = "Absolute base address where the rule pages are published (SARIF informationUri and helpUri). Default: the build's, none.")
    String docsUrl;

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
        if (main.binary() && output == null) {
            throw usage("--format " + format + " is a binary file format: name the file with -o FILE");
        }
        Map<Path, Renderer> extra = new LinkedHashMap<>();
        for (String spec : reports) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw usage("--report: expected FORMAT=FILE, e.g. sarif=out.sarif, found '" + spec + "'");
            }
            Renderer r = renderer(spec.substring(0, eq), "--report");
            if (extra.put(Path.of(spec.substring(eq + 1)), r) != null) {
                throw usage("--report: two reports named to one file: " + shown(spec.substring(eq + 1)));
            }
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
                throw usage("cannot write " + shown(p) + ": " + problem);
            }
        }
        List<Path> inputs = paths.isEmpty() ? List.of(Path.of("filings")) : paths;
        List<Path> ruleDirs = rules.isEmpty() ? List.of(defaultRules()) : rules;
        checkOutputsSpareInputs(outputs, inputs, ruleDirs);
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
        Report report = Check.run(new Check.Options(inputs, ruleDirs,
                new RuleRunner.Limits(maxFirings, Duration.ofSeconds(timeoutSeconds)), config, baseline, followLinks, credit,
                runInfo())).withFailOn(threshold).withFailOnGaps(failOnGaps);

        PrintWriter err = spec.commandLine().getErr();
        List<String> failedWrites = new ArrayList<>();
        for (Map.Entry<Path, Renderer> e : extra.entrySet()) {
            write(() -> ReportFiles.write(e.getValue(), report, e.getKey()), e.getKey(), failedWrites);
        }
        // a baseline that does not read cleanly holds justifications we could not read: it is never overwritten
        List<Problem> baselineProblems = new ArrayList<>();
        if (writeBaseline != null) {
            List<Baseline.Entry> previous = Files.exists(writeBaseline) && !ReportFiles.isSpecial(writeBaseline)
                    ? Baseline.read(writeBaseline, baselineProblems) : List.of();
            if (baselineProblems.isEmpty()) {
                List<Baseline.Entry> dropped = Baseline.dropped(report.findings(), previous);
                if (!dropped.isEmpty()) {
                    // a run over part of a folder must not silently lose the reviewers' work
                    err.println("offbook: warning: " + shown(writeBaseline) + ": " + dropped.size() + " reviewed "
                            + (dropped.size() == 1 ? "entry is" : "entries are") + " dropped, their findings not reported by this run "
                            + "(only part of the folder checked, or the findings went away): " + String.join(", ", dropped.stream()
                            .map(e -> shown(e.ruleId() + " " + e.subject() + " " + e.fingerprint())).toList())
                            + "; to keep them, check the whole folder or write the new baseline to another file");
                }
                write(() -> ReportFiles.writeText(Baseline.render(report.findings(), previous), writeBaseline), writeBaseline, failedWrites);
            }
        }
        if (output != null) {
            write(() -> ReportFiles.write(main, report, output), output, failedWrites);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            main.render(report, out);
            out.flush();
            if (out.checkError()) {
                // a full disk or a closed pipe behind standard output: the report is lost, and a CI gate must see it
                failedWrites.add("offbook: error: the report could not be written to standard output (a full disk or a closed pipe?)");
            }
        }
        // errors always reach the terminal; a text report on standard output already lists them
        boolean textOnStdout = output == null && format.equalsIgnoreCase("text");
        if (!textOnStdout) {
            for (Problem e : report.errors()) {
                err.println("offbook: error: " + e);
            }
        }
        for (Problem e : baselineProblems) {
            err.println("offbook: error: " + e);
        }
        if (!baselineProblems.isEmpty()) {
            err.println("offbook: error: " + shown(writeBaseline) + ": not overwritten: the baseline does not read cleanly, and writing it "
                    + "would lose the justifications that could not be read; correct it, or write the new baseline to another file");
        }
        // an accepted finding needs its justification, reviewer and date: the audit trail of the acceptance
        boolean unsigned = false;
        if (baseline != null && Files.isRegularFile(baseline)) {
            for (Baseline.Entry e : Baseline.read(baseline, new ArrayList<>())) {
                if (!Baseline.signed(e)) {
                    unsigned = true;
                    err.println("offbook: " + (strictBaseline ? "error" : "warning") + ": " + shown(baseline) + (e.line() > 0 ? ":" + e.line() : "")
                            + ": baseline entry " + shown(e.ruleId() + " " + e.subject() + " " + e.fingerprint())
                            + " lacks a justification, reviewer or date; an accepted finding needs all three"
                            + (strictBaseline ? "" : " (an error under --strict-baseline)"));
                }
            }
        }
        failedWrites.forEach(err::println);
        if (output != null || !extra.isEmpty() || writeBaseline != null) {
            List<String> written = new ArrayList<>();
            extra.keySet().forEach(p -> written.add(shown(p)));
            if (output != null) {
                written.add(shown(output));
            }
            if (writeBaseline != null && baselineProblems.isEmpty()) {
                written.add(shown(writeBaseline) + " (baseline)");
            }
            written.removeIf(w -> failedWrites.stream().anyMatch(f -> f.contains("cannot write " + w + ":")));
            err.println("offbook: " + report.findings().size() + " findings (" + report.count(org.offbook.model.TriageStatus.NEW) + " new), "
                    + report.errors().size() + " errors; wrote " + String.join(", ", written));
        }
        err.flush();
        if (!failedWrites.isEmpty()) {
            return Main.INTERNAL;
        }
        if (!report.errors().isEmpty() || !baselineProblems.isEmpty() || (unsigned && strictBaseline)) {
            return Main.LOAD_ERRORS;
        }
        if (writeBaseline != null) {
            return Main.OK;
        }
        return report.failing().isEmpty() ? Main.OK : Main.FINDINGS;
    }

    private interface Write {
        void run() throws IOException;
    }

    /** Writes one output; a failure (a full disk, say) is a message naming the file, never a stack trace. */
    private static void write(Write w, Path file, List<String> failed) {
        try {
            w.run();
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
                why = fse.getReason();
            }
            failed.add("offbook: error: cannot write " + shown(file) + ": " + shown(why) + "; that report was not written");
        }
    }

    /** A path or text as shown in a message: one line, with control characters and bidirectional overrides escaped. */
    static String shown(Object o) {
        return Terminal.safe(String.valueOf(o));
    }

    /**
     * Outputs never overwrite inputs: a report or baseline that names an input file, a file the
     * loader would read from an input folder, the configuration, a rule file or the --baseline
     * (other than for --write-baseline), or two outputs naming one file, is a usage error before
     * anything is read. Devices and pipes ({@code -o /dev/null}) are written into and are exempt.
     */
    private void checkOutputsSpareInputs(List<Path> outputs, List<Path> inputs, List<Path> ruleDirs) {
        Map<Path, Path> seen = new LinkedHashMap<>();
        for (Path out : outputs) {
            if (ReportFiles.isSpecial(out)) {
                continue;
            }
            Path id = ReportFiles.identity(out);
            Path before = seen.putIfAbsent(id, out);
            if (before != null) {
                throw usage("two outputs name one file: " + shown(before) + " and " + shown(out) + "; each would overwrite the other");
            }
            String lower = id.getFileName() == null ? "" : id.getFileName().toString().toLowerCase(Locale.ROOT);
            boolean readable = lower.endsWith(".json") || lower.endsWith(".csv") || lower.endsWith(".zip") || lower.endsWith(".txt");
            for (Path in : inputs) {
                Path inId = ReportFiles.identity(in);
                if (id.equals(inId) || (readable && Files.isDirectory(inId) && id.startsWith(inId))) {
                    throw usage("cannot write " + shown(out) + ": it is " + (id.equals(inId) ? "an input" : "inside the input folder " + shown(in)
                            + ", where it would be read as input") + "; write reports outside the folders you check");
                }
            }
            for (Path dir : ruleDirs) {
                Path rid = ReportFiles.identity(dir);
                if (id.equals(rid) || id.startsWith(rid)) {
                    throw usage("cannot write " + shown(out) + ": it is inside the rule folder " + shown(dir));
                }
            }
            if (config != null && id.equals(ReportFiles.identity(config))) {
                throw usage("cannot write " + shown(out) + ": it is the --config file");
            }
            if (baseline != null && id.equals(ReportFiles.identity(baseline)) && !out.equals(writeBaseline)) {
                throw usage("cannot write " + shown(out) + ": it is the --baseline file (only --write-baseline may rewrite it)");
            }
        }
    }

    private Renderer renderer(String name, String option) {
        Renderer r = Formats.get(name);
        if (r == null) {
            throw usage(option + ": unknown format '" + name + "' (" + String.join(", ", Formats.names()) + ")");
        }
        return junitPassing && r instanceof org.offbook.reports.JunitReport ? new org.offbook.reports.JunitReport(true) : r;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /**
     * The rule folder of a run without {@code --rules}: {@code rules} in the working folder; else the
     * rules beside the launcher ({@code $OFFBOOK_HOME/rules}); else the default pack inside the jar
     * ({@link RulePack}, named {@code jar:rules/...}); else {@code rules} (reported as missing).
     */
    static Path defaultRules() {
        Path local = Path.of("rules");
        if (Files.isDirectory(local)) {
            return local;
        }
        String home = System.getenv("OFFBOOK_HOME");
        if (home != null && !home.isBlank() && Files.isDirectory(Path.of(home, "rules"))) {
            return Path.of(home, "rules");
        }
        Path pack = RulePack.folder();
        return pack != null ? pack : local;
    }

    private RunInfo runInfo() {
        LocalDate date = null;
        if (asOf != null) {
            try {
                date = LocalDate.parse(asOf.strip());
            } catch (DateTimeParseException e) {
                throw usage("--as-of: '" + asOf + "' is not a date YYYY-MM-DD");
            }
        }
        String docs = docsUrl != null ? docsUrl.strip() : Version.docsUrl();
        if (docs != null && !docs.isEmpty()) {
            try {
                if (!new java.net.URI(docs).isAbsolute()) {
                    throw usage("--docs-url: '" + docsUrl + "' is not an absolute address (https://...)");
                }
            } catch (java.net.URISyntaxException e) {
                throw usage("--docs-url: '" + docsUrl + "' is not an address: " + e.getReason());
            }
        }
        return new RunInfo(title, date, preparer, docs, null, null);
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
