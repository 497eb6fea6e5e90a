package org.offbook.bench;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.offbook.model.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The benchmark harness's command line ({@code target/offbook-bench.jar}, outside the product jar):
 * {@code bench} and {@code generate}. The launcher in the source folder routes {@code ./offbook
 * bench} and {@code ./offbook generate} here (docs/performance.md).
 */
@Command(name = "offbook", mixinStandardHelpOptions = true,
        versionProvider = BenchMain.VersionProvider.class,
        description = "offbook's benchmark harness (not part of the product jar).",
        subcommands = {BenchCommand.class, GenerateCommand.class, CommandLine.HelpCommand.class})
public final class BenchMain implements Runnable {

    static final int OK = 0;
    /** A planted finding was missed, or a benchmark run failed. */
    static final int FAILED = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: bench or generate");
    }

    public static void main(String[] args) {
        java.util.Locale.setDefault(java.util.Locale.ROOT);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        CommandLine cli = new CommandLine(new BenchMain());
        cli.setOut(out);
        cli.setErr(err);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"offbook bench " + Version.get()};
        }
    }
}
