package org.offbook.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.offbook.Check;
import org.offbook.findings.Severity;
import org.offbook.load.LoadError;
import org.offbook.reports.JsonReport;
import org.offbook.reports.Renderer;
import org.offbook.reports.Report;
import org.offbook.reports.TextReport;
import org.offbook.rules.RuleRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check filings and deal-terms files (JSON, CSV) against the DRL rules and report explained findings.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no finding at or above --fail-on",
            "4:findings at or above --fail-on",
            "5:an input or rule file could not be loaded (the rest was checked)",
            "2:usage error",
            "1:internal error"})
final class CheckCommand implements Callable<Integer> {

    enum Format { text, json }

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files or folders to check (default: filings).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rule folder (repeatable). When given, only these folders are used. Default: rules.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format = Format.text;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Exit 4 when a finding is at or above LEVEL: info, low, medium, high, critical, never (default: ${DEFAULT-VALUE}).")
    String failOn = "low";

    @Option(names = "--max-firings", paramLabel = "N", description = "Stop the rules after N firings (default: ${DEFAULT-VALUE}).")
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
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-firings and --timeout must be at least 1");
        }
        if (verbose) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
            System.setProperty("org.slf4j.simpleLogger.log.org.drools", "warn");
            System.setProperty("org.slf4j.simpleLogger.log.org.kie", "warn");
        }
        List<Path> inputs = paths.isEmpty() ? List.of(Path.of("filings")) : paths;
        List<Path> ruleDirs = rules.isEmpty() ? List.of(defaultRules()) : rules;
        Report report = Check.run(inputs, ruleDirs, new RuleRunner.Limits(maxFirings, Duration.ofSeconds(timeoutSeconds)));

        Renderer renderer = format == Format.json ? new JsonReport() : new TextReport();
        PrintWriter err = spec.commandLine().getErr();
        if (output != null) {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--output: folder does not exist: " + parent);
            }
            StringWriter buffer = new StringWriter();
            renderer.render(report, buffer);
            Files.writeString(output, buffer.toString(), StandardCharsets.UTF_8);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            renderer.render(report, out);
            out.flush();
        }
        // errors always reach the terminal; the text report on stdout already lists them
        if (output != null || format != Format.text) {
            for (LoadError e : report.errors()) {
                err.println("offbook: error: " + e);
            }
            if (output != null) {
                err.println(summaryLine(report, output));
            }
        }
        err.flush();
        if (!report.errors().isEmpty()) {
            return Main.LOAD_ERRORS;
        }
        return report.atOrAbove(threshold).isEmpty() ? Main.OK : Main.FINDINGS;
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

    private static String summaryLine(Report r, Path output) {
        return "offbook: " + r.findings().size() + " findings, " + r.errors().size() + " errors; report written to " + output;
    }

    private Severity parseFailOn() {
        String v = failOn.strip().toLowerCase(Locale.ROOT);
        if (v.equals("never")) {
            return null;
        }
        try {
            return Severity.parse(v);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--fail-on: '" + failOn + "' is not one of info, low, medium, high, critical, never");
        }
    }
}
