package org.offbook.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a synthetic market in offbook's input format, with planted findings, for benchmarks and tests.",
            "Companies with quarterly and annual statements, debt, leases, supply contracts, stakes, guarantees, customer "
                    + "concentrations and sponsored vehicles; one company in 20 carries a planted rule scenario. The findings "
                    + "the planted scenarios must produce are listed in OUT/planted-findings.tsv. The same options give a "
                    + "byte-identical folder (see docs/performance.md)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:usage error (bad option, OUT not empty)", "1:internal error"})
final class GenerateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "OUT", description = "Folder to write (must not exist, or be empty).")
    Path out;

    @Option(names = "--companies", paramLabel = "N", required = true, description = "Number of companies (at least 20).")
    int companies;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--years", paramLabel = "Y", description = "Fiscal years of statements, ending with 2025 (default: ${DEFAULT-VALUE}).")
    int years = 10;

    @Option(names = "--layout", paramLabel = "LAYOUT",
            description = "tables: large CSV tables (statements per fiscal year, one table per link type); "
                    + "folders: one folder of JSON documents per company (default: ${DEFAULT-VALUE}).")
    String layout = "tables";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        MarketGenerator.Layout l;
        try {
            l = MarketGenerator.Layout.valueOf(layout.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--layout: expected tables or folders, found '" + layout + "'");
        }
        MarketGenerator.Spec s;
        try {
            s = new MarketGenerator.Spec(companies, seed, years, l);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        long t0 = System.nanoTime();
        MarketGenerator.Summary sum;
        try {
            sum = MarketGenerator.generate(s, out);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot write " + out + ": " + e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "offbook: wrote %s: %d companies, %d entities, %,d facts in %d files (%.1f MB), %d planted findings, in %.1f s%n",
                out, companies, sum.entities(), sum.facts(), sum.files(), sum.bytes() / 1e6, sum.planted().size(),
                (System.nanoTime() - t0) / 1e9);
        err.flush();
        return BenchMain.OK;
    }
}
