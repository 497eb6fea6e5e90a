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
        subcommands = {CheckCommand.class, FactsCommand.class, ExposureCommand.class, CreditCommand.class, RulesCommand.class, ExplainCommand.class,
            SchemaCommand.class, CommandLine.HelpCommand.class, picocli.AutoComplete.GenerateCompletion.class},
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
                        + (rule != null ? "while rule '" + org.offbook.model.Problem.escape(rule) + "' was running: it called System.exit or the run was interrupted"
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
        // `offbook generate-completion` prints a bash/zsh completion script; hidden from the command list
        cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(true);
        withVersion(cli);
        // a usage error is its message, a "did you mean" for a mistyped option or command, and where
        // to find the help: not the whole help, which buries the message
        cli.setParameterExceptionHandler((ex, given) -> {
            CommandLine c = ex.getCommandLine();
            PrintWriter e = c.getErr();
            e.println("offbook: " + ex.getMessage());
            String near = nearestOption(ex);
            if (near != null) {
                e.println("Did you mean '" + near + "'?");
            } else {
                CommandLine.UnmatchedArgumentException.printSuggestions(ex, e);
            }
            e.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            e.flush();
            return USAGE;
        });
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

    /**
     * For an unknown option, the command's option nearest to it by edit distance (a transposition
     * counts as one edit: {@code --fial-on} is {@code --fail-on}), when at most a third of it differs;
     * else null. picocli's own suggestions only match the first two letters.
     */
    static String nearestOption(CommandLine.ParameterException ex) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || !u.isUnknownOption() || u.getUnmatched().isEmpty()) {
            return null;
        }
        String given = u.getUnmatched().get(0);
        int eq = given.indexOf('=');
        String name = eq > 0 ? given.substring(0, eq) : given;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (CommandLine.Model.OptionSpec o : ex.getCommandLine().getCommandSpec().options()) {
            if (o.hidden()) {
                continue;
            }
            for (String candidate : o.names()) {
                int d = distance(name, candidate);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = candidate;
                }
            }
        }
        return best != null && bestDistance > 0 && bestDistance * 3 <= name.length() ? best : null;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** {@code --version} (and {@code -V}) answer on every subcommand, not only on {@code offbook} itself. */
    private static void withVersion(CommandLine c) {
        if (c.getCommandSpec().versionProvider() == null) {
            c.getCommandSpec().versionProvider(new VersionProvider());
        }
        c.getSubcommands().values().forEach(Main::withVersion);
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
