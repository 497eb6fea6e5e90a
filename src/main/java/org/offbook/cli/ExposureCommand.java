package org.offbook.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.offbook.model.Entity;
import org.offbook.model.Fact;
import org.offbook.model.Json;
import org.offbook.prepare.Exposure;
import org.offbook.load.FolderLoader;
import org.offbook.model.Problem;
import org.offbook.load.LoadResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "exposure", mixinStandardHelpOptions = true,
        description = "If ENTITY stops paying, who loses what: revenue and backlog, rent and vehicle debt, guarantees called, "
                + "backstops lost, stakes and loans, first order and onward.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:analysed", "5:an input file could not be (fully) loaded (the rest was analysed)", "2:usage error, unknown entity"})
final class ExposureCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ENTITY", description = "The entity that stops paying: id, alias or name.")
    String entity;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "PATH", description = "Files or folders (default: filings).")
    List<Path> paths = new ArrayList<>();

    /** The formats of the exposure view. */
    enum Format { text, json, csv }

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, json or csv (default: ${DEFAULT-VALUE}).")
    Format format = Format.text;

    @Option(names = "--depth", paramLabel = "N", description = "Orders to follow onward (default: ${DEFAULT-VALUE}).")
    int depth = 3;

    @Option(names = "--equity-share", paramLabel = "SHARE",
            description = "A company fails in turn when its counted loss reaches this share of its equity (default: ${DEFAULT-VALUE}).")
    BigDecimal equityShare = Exposure.Onward.DEFAULT.equityShare();

    @Option(names = "--cash-share", paramLabel = "SHARE",
            description = "... or this share of its cash and cash equivalents (default: ${DEFAULT-VALUE}).")
    BigDecimal cashShare = Exposure.Onward.DEFAULT.cashShare();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (depth < 1 || equityShare.signum() <= 0 || cashShare.signum() <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--depth must be at least 1, --equity-share and --cash-share above 0");
        }
        LoadResult loaded = FolderLoader.load(paths.isEmpty() ? List.of(Path.of("filings")) : paths);
        String id = resolve(loaded.facts(), entity);
        if (id == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no entity '" + Terminal.safe(entity) + "' in the files checked");
        }
        Exposure.Result r = Exposure.analyse(loaded.facts(), id, new Exposure.Onward(depth, equityShare, cashShare));
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.print(json(r, loaded));
        } else if (format == Format.csv) {
            out.print(org.offbook.reports.ExposureCsv.csv(r));
        } else {
            // names and file names come from input: each line is written inert (no escape sequence, no bidi control)
            out.print(Terminal.safeLines(text(r)));
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        for (Problem e : loaded.errors()) {
            err.println("offbook: error: " + e);
        }
        err.flush();
        return loaded.errors().isEmpty() ? Main.OK : Main.LOAD_ERRORS;
    }

    static String resolve(List<Fact> facts, String wanted) {
        String w = wanted.strip().toLowerCase(Locale.ROOT);
        for (Fact f : facts) {
            if (f instanceof Entity e && (e.id().equalsIgnoreCase(w) || e.name().toLowerCase(Locale.ROOT).equals(w)
                    || e.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(w)))) {
                return e.id();
            }
        }
        return null;
    }

    static String text(Exposure.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append("If ").append(r.entityName()).append(" (").append(r.entity()).append(") stops paying:\n\n");
        if (r.items().isEmpty()) {
            sb.append("  no counterparty depends on it in the files checked.\n");
        }
        String group = null;
        Map<String, List<Exposure.Item>> byParty = new LinkedHashMap<>();
        List<Exposure.Item> apart = new ArrayList<>();
        for (Exposure.Item item : r.items()) {
            if (!item.counted()) {
                apart.add(item);
                continue;
            }
            List<String> via = item.chain().subList(0, item.chain().size() - 1);
            String key = item.order() + ":" + String.join(">", via);
            if (!key.equals(group)) {
                flush(sb, byParty);
                group = key;
                List<String> viaNames = via.stream().map(r::nameOf).toList();
                sb.append(item.order() == 1 ? "First order: who loses directly\n"
                        : "Order " + item.order() + ": if " + r.nameOf(via.get(via.size() - 1)) + " fails in turn (" + String.join(" -> ", viaNames) + ")\n");
            }
            byParty.computeIfAbsent(item.party() + "\u0000" + String.join(">", via), k -> new ArrayList<>()).add(item);
        }
        flush(sb, byParty);
        if (!apart.isEmpty()) {
            sb.append("Not binding: listed apart, not counted\n");
            for (Exposure.Item i : apart) {
                byParty.computeIfAbsent(i.party() + "\u0000" + String.join(">", i.chain()), k -> new ArrayList<>()).add(i);
            }
            flush(sb, byParty);
        }
        for (String f : r.failing()) {
            sb.append("Fails in turn: ").append(r.nameOf(f)).append(": ").append(r.whyFailing().get(f)).append('\n');
        }
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(r.notAssessed()).entrySet()) {
            sb.append("Not assessed: ").append(r.nameOf(e.getKey())).append(": ").append(e.getValue()).append('\n');
        }
        return sb.toString();
    }

    private static void flush(StringBuilder sb, Map<String, List<Exposure.Item>> byParty) {
        for (List<Exposure.Item> items : byParty.values()) {
            Exposure.Item first = items.get(0);
            sb.append("  ").append(first.partyName()).append(" (").append(first.party()).append(")\n");
            for (Exposure.Item i : items) {
                sb.append("    ").append(String.format(Locale.ROOT, "%-30s %-12s ", i.kind(), i.amount() == null ? "amount n/a" : i.amount().display()))
                        .append(i.description()).append('\n');
                for (Fact f : i.facts()) {
                    sb.append("      evidence ").append(f.provenance()).append('\n');
                }
            }
        }
        if (!byParty.isEmpty()) {
            sb.append('\n');
        }
        byParty.clear();
    }

    static String json(Exposure.Result r, LoadResult loaded) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("entity", r.entity());
        root.put("name", r.entityName());
        ArrayNode failing = root.putArray("failing");
        for (String f : r.failing()) {
            failing.addObject().put("party", f).put("reason", r.whyFailing().get(f));
        }
        ArrayNode notAssessed = root.putArray("notAssessed");
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(r.notAssessed()).entrySet()) {
            notAssessed.addObject().put("party", e.getKey()).put("reason", e.getValue());
        }
        ArrayNode items = root.putArray("exposures");
        for (Exposure.Item i : r.items()) {
            ObjectNode n = items.addObject();
            n.put("order", i.order());
            n.put("party", i.party());
            n.put("partyName", i.partyName());
            n.put("kind", i.kind());
            n.put("status", i.status());
            n.put("counted", i.counted());
            if (i.amount() == null) {
                n.putNull("amount");
            } else {
                n.set("amount", Json.money(i.amount()));
            }
            if (i.gross() != null && !i.gross().equals(i.amount())) {
                n.set("gross", Json.money(i.gross()));
            }
            ArrayNode participants = n.putArray("participants");
            i.participants().forEach(participants::add);
            n.put("description", i.description());
            ArrayNode chain = n.putArray("chain");
            i.chain().forEach(chain::add);
            ArrayNode ev = n.putArray("evidence");
            for (Fact f : i.facts()) {
                ObjectNode e = ev.addObject();
                e.put("file", f.provenance().file());
                e.put("line", f.provenance().line());
                e.put("source", f.source());
            }
        }
        ArrayNode errors = root.putArray("errors");
        loaded.errors().forEach(e -> errors.add(e.toString()));
        return Json.writer().writeValueAsString(root) + "\n";
    }

}
