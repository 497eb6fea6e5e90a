package org.offbook.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.offbook.load.FolderLoader;
import org.offbook.load.LoadResult;
import org.offbook.model.Json;
import org.offbook.model.Problem;
import org.offbook.prepare.credit.Credit;
import org.offbook.prepare.credit.CreditView;
import org.offbook.reports.CreditReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "credit", mixinStandardHelpOptions = true,
        description = "The credit view of each ENTITY: reported debt, each adjustment with its tier (recognised, consolidate, "
                + "add when probable, memo) and evidence, adjusted debt and ratios, what it owes, recycled revenue, cycles, "
                + "and the timeline of the network (docs/credit.md).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:computed", "5:an input file could not be (fully) loaded (the rest was used)", "2:usage error, unknown entity"})
final class CreditCommand implements Callable<Integer> {

    enum Format { text, json, csv }

    @Parameters(arity = "1..*", paramLabel = "ENTITY", description = "Entities (id, alias or name); then files or folders after --.")
    List<String> entities = new ArrayList<>();

    @Option(names = "--in", paramLabel = "PATH", description = "Files or folders to read (default: filings); repeatable.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, json or csv (default: ${DEFAULT-VALUE}).")
    Format format = Format.text;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        LoadResult loaded = FolderLoader.load(paths.isEmpty() ? List.of(Path.of("filings")) : paths);
        CreditView view = new CreditView(loaded.facts());
        List<Credit> out = new ArrayList<>();
        for (String wanted : entities) {
            String id = ExposureCommand.resolve(loaded.facts(), wanted);
            if (id == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no entity '" + Terminal.safe(wanted) + "' in the files checked");
            }
            out.add(view.of(id));
        }
        PrintWriter pw = spec.commandLine().getOut();
        switch (format) {
            case json -> {
                ObjectNode root = Json.MAPPER.createObjectNode();
                root.put("reportFormat", "1");
                ArrayNode credit = root.putArray("credit");
                out.forEach(c -> credit.add(CreditReport.json(c)));
                root.set("timeline", CreditReport.timelineJson(view.timeline()));
                ArrayNode errors = root.putArray("errors");
                loaded.errors().forEach(e -> errors.add(e.toString()));
                pw.print(Json.writer().writeValueAsString(root) + "\n");
            }
            case csv -> pw.print(CreditReport.csv(out));
            default -> pw.print(Terminal.safeLines(CreditReport.text(out, view.timeline())));
        }
        pw.flush();
        PrintWriter err = spec.commandLine().getErr();
        for (Problem e : loaded.errors()) {
            err.println("offbook: error: " + e);
        }
        err.flush();
        return loaded.errors().isEmpty() ? Main.OK : Main.LOAD_ERRORS;
    }
}
