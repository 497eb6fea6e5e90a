package org.offbook.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.offbook.model.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code offbook} command. Exit codes: 0 no finding at or above {@code --fail-on}; 4 findings
 * at or above it; 5 an input or rule file could not be loaded (takes precedence over 4);
 * 2 usage error; 1 internal error.
 */
@Command(name = "offbook",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Forensic checker for off-balance-sheet financing: reads filings and deal terms, "
                + "runs the DRL rules and explains each finding.",
        subcommands = {CheckCommand.class, FactsCommand.class, ExposureCommand.class, CreditCommand.class, RulesCommand.class, ExplainCommand.class, SchemaCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no finding at or above --fail-on",
            "4:findings at or above --fail-on",
            "5:an input or rule file could not be loaded (the rest was checked)",
            "2:usage error",
            "1:internal error, or out of memory"})
public final class Main implements Runnable {

    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USAGE = 2;
    public static final int FINDINGS = 4;
    public static final int LOAD_ERRORS = 5;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try 'offbook check filings'");
    }

    public static void main(String[] args) {
        // reports must not depend on the machine: rule code that lower-cases or formats text
        // without a locale would otherwise read differently in, say, a Turkish locale
        java.util.Locale.setDefault(java.util.Locale.ROOT);
        // standard output without PrintStream in between: PrintStream swallows write errors, and a
        // report lost on a full disk or a closed pipe must not end with exit 0
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new java.io.FileOutputStream(java.io.FileDescriptor.out), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        // a rule is trusted code, but one that calls System.exit must not end a run with exit 0 and no report
        Thread guard = new Thread(() -> {
            if (!FINISHED.get()) {
                String rule = org.offbook.engine.RuleRunner.ruleRunningNow();
                System.err.println("offbook: error: the run was ended before its report was written ("
                        + (rule != null ? "while rule '" + org.offbook.model.LoadError.escape(rule) + "' was running: it called System.exit or the run was interrupted"
                                : "interrupted, or a rule called System.exit")
                        + "); it must not pass for a clean result");
                System.err.flush();
                Runtime.getRuntime().halt(LOAD_ERRORS);
            }
        }, "offbook-exit-guard");
        Runtime.getRuntime().addShutdownHook(guard);
        int code = execute(out, err, args);
        FINISHED.set(true);
        System.exit(code);
    }

    /** Set when the command line has finished; a shutdown before it is an exit that no one asked for. */
    static final java.util.concurrent.atomic.AtomicBoolean FINISHED = new java.util.concurrent.atomic.AtomicBoolean();

    /** Runs the command line with the given streams and returns the exit code (tests call this). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("offbook: internal error: " + ex
                    + (verbose(parsed) ? "" : " (run with --verbose for details)"));
            if (verbose(parsed)) {
                ex.printStackTrace(line.getErr());
            }
            return INTERNAL;
        });
        int code;
        try {
            code = cli.execute(args);
        } catch (OutOfMemoryError e) {
            err.println(outOfMemory());
            code = INTERNAL;
        }
        out.flush();
        err.flush();
        return code;
    }

    /** What to do when the facts do not fit in the heap; never a stack trace. */
    static String outOfMemory() {
        long mb = Runtime.getRuntime().maxMemory() >> 20;
        return "offbook: out of memory: this run needs more than the " + mb + " MB of heap the JVM may use "
                + "(the rule session takes about 5 KB per fact); give it more, e.g. OFFBOOK_JAVA_OPTS=-Xmx16g ./offbook check ..., "
                + "or check fewer files at a time (docs/performance.md)";
    }

    private static boolean verbose(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult sub = parsed.subcommand();
        return sub != null && sub.hasMatchedOption("--verbose");
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"offbook " + Version.get() + " (Drools " + Version.drools() + ", Java " + System.getProperty("java.version") + ")"};
        }
    }
}
