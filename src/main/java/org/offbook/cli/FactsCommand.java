package org.offbook.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
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
import org.offbook.model.FactTypes;
import org.offbook.model.Money;
import org.offbook.model.Ref;
import org.offbook.load.FolderLoader;
import org.offbook.model.Problem;
import org.offbook.load.LoadResult;
import org.offbook.load.xbrl.XbrlDocument;
import org.offbook.load.xbrl.XbrlFact;
import org.offbook.reports.CsvReport;
import org.offbook.model.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code offbook facts}: what offbook read, fact by fact, with where it was read; with
 * {@code --type xbrl}, the XBRL facts of the inline XBRL documents and instances as filed (concept,
 * period, dimensions, unit, decimals), to check the extraction against the document.
 */
@Command(name = "facts", mixinStandardHelpOptions = true,
        description = "List what offbook read from the files, fact by fact, with file and line. "
                + "--type xbrl lists the XBRL facts of inline XBRL filings and instances as filed (concept, period, dimensions, unit, decimals).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", "5:an input file could not be (fully) loaded (the rest is listed)", "2:usage error"})
final class FactsCommand implements Callable<Integer> {

    enum Format { text, json, csv }

    static final String XBRL = "xbrl";

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files or folders (default: filings).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, json or csv (default: ${DEFAULT-VALUE}).")
    Format format = Format.text;

    @Option(names = "--type", paramLabel = "T",
            description = "Only facts of this type (e.g. leases, guarantees, statements); 'xbrl' lists the XBRL facts as filed instead.")
    String type;

    @Option(names = "--entity", paramLabel = "E",
            description = "Only facts about this entity (id, name, alias; for XBRL facts also the filer's CIK or registrant name).")
    String entity;

    @Option(names = "--concept", paramLabel = "TEXT",
            description = "With --type xbrl: only concepts whose prefix:name contains TEXT (any case), e.g. UnconditionalPurchaseObligation.")
    String concept;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        boolean xbrl = type != null && type.strip().equalsIgnoreCase(XBRL);
        Class<? extends Fact> wanted = null;
        if (type != null && !xbrl) {
            wanted = typeOf(type);
            if (wanted == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--type: unknown type '" + type + "' (xbrl, "
                        + String.join(", ", FactTypes.BY_NAME.keySet()) + ")");
            }
        }
        if (concept != null && !xbrl) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--concept needs --type xbrl");
        }
        LoadResult loaded = FolderLoader.load(paths.isEmpty() ? List.of(Path.of("filings")) : paths);
        Entity who = null;
        if (entity != null) {
            who = find(loaded.facts(), entity);
            if (who == null && (!xbrl || loaded.xbrl().stream().noneMatch(d -> filedBy(d, null, entity)))) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--entity: no entity '" + entity + "' in the files read");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (xbrl) {
            List<XbrlDocument> docs = new ArrayList<>();
            for (XbrlDocument d : loaded.xbrl()) {
                if (entity == null || filedBy(d, who, entity)) {
                    docs.add(d);
                }
            }
            out.print(switch (format) {
                case text -> xbrlText(docs);
                case json -> xbrlJson(docs, loaded);
                case csv -> xbrlCsv(docs);
            });
        } else {
            List<Fact> facts = new ArrayList<>();
            for (Fact f : loaded.facts()) {
                if ((wanted == null || wanted.isInstance(f)) && (who == null || about(f, who))) {
                    facts.add(f);
                }
            }
            out.print(switch (format) {
                case text -> factsText(facts);
                case json -> factsJson(facts, loaded);
                case csv -> factsCsv(facts);
            });
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        for (Problem e : loaded.errors()) {
            err.println("offbook: error: " + e);
        }
        err.flush();
        return loaded.errors().isEmpty() ? Main.OK : Main.LOAD_ERRORS;
    }

    // ---------------------------------------------------------------- selection

    static Class<? extends Fact> typeOf(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Class<? extends Fact>> e : FactTypes.BY_NAME.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            if (key.equals(n) || e.getValue().getSimpleName().toLowerCase(Locale.ROOT).equals(n)
                    || (key.endsWith("s") && key.substring(0, key.length() - 1).equals(n))) {
                return e.getValue();
            }
        }
        return null;
    }

    static String typeName(Fact f) {
        for (Map.Entry<String, Class<? extends Fact>> e : FactTypes.BY_NAME.entrySet()) {
            if (e.getValue() == f.getClass()) {
                return e.getKey();
            }
        }
        String s = f.getClass().getSimpleName();
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static Entity find(List<Fact> facts, String wanted) {
        String w = wanted.strip();
        for (Fact f : facts) {
            if (f instanceof Entity e && (e.id().equalsIgnoreCase(w) || e.name().equalsIgnoreCase(w)
                    || (e.aliases() != null && e.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(w)))
                    || (e.cik() != null && cik(e.cik()).equals(cik(w))))) {
                return e;
            }
        }
        return null;
    }

    private static String cik(String s) {
        String t = s.strip().replaceFirst("^0+(?=\\d)", "");
        return t.isEmpty() ? s : t;
    }

    /** The entity itself, or a fact naming it in one of its entity references. */
    private static boolean about(Fact f, Entity who) {
        if (f instanceof Entity e) {
            return e.id().equals(who.id());
        }
        for (RecordComponent c : f.getClass().getRecordComponents()) {
            if (!c.isAnnotationPresent(Ref.class)) {
                continue;
            }
            Object v = value(f, c);
            if (v instanceof String s && s.equals(who.id())) {
                return true;
            }
            if (v instanceof List<?> list && list.contains(who.id())) {
                return true;
            }
        }
        return false;
    }

    /** The filer of a document is the entity by CIK or name; or, with no such entity, matches the text given. */
    private static boolean filedBy(XbrlDocument d, Entity who, String text) {
        String cik = d.dei().cikNumber();
        String name = d.dei().registrantName();
        if (who != null) {
            return (who.cik() != null && cik != null && cik(who.cik()).equals(cik))
                    || (name != null && (who.name().equalsIgnoreCase(name)
                    || (who.aliases() != null && who.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(name)))));
        }
        String t = text.strip();
        return (cik != null && cik.equals(cik(t))) || (name != null && name.equalsIgnoreCase(t));
    }

    private static Object value(Fact f, RecordComponent c) {
        try {
            return c.getAccessor().invoke(f);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The input fields of a fact with a value, in declaration order (source last, provenance left out). */
    static Map<String, Object> fields(Fact f) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : f.getClass().getRecordComponents()) {
            if (c.getName().equals("provenance")) {
                continue;
            }
            Object v = value(f, c);
            if (v != null && !(v instanceof List<?> l && l.isEmpty())) {
                out.put(c.getName(), v);
            }
        }
        return out;
    }

    private static String show(Object v) {
        if (v instanceof Money m) {
            return m.toString();
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object o : l) {
                parts.add(show(o));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        return String.valueOf(v);
    }

    private static JsonNode json(Object v) {
        if (v instanceof Money m) {
            return Json.money(m);
        }
        if (v instanceof BigDecimal b) {
            return Json.MAPPER.getNodeFactory().textNode(b.toPlainString());
        }
        if (v instanceof Boolean b) {
            return Json.MAPPER.getNodeFactory().booleanNode(b);
        }
        if (v instanceof Integer i) {
            return Json.MAPPER.getNodeFactory().numberNode(i);
        }
        if (v instanceof List<?> l) {
            ArrayNode a = Json.MAPPER.createArrayNode();
            for (Object o : l) {
                a.add(json(o));
            }
            return a;
        }
        return Json.MAPPER.getNodeFactory().textNode(String.valueOf(v));
    }

    // ---------------------------------------------------------------- offbook facts

    static String factsText(List<Fact> facts) {
        StringBuilder sb = new StringBuilder();
        for (Fact f : facts) {
            sb.append(f.provenance()).append("  ").append(typeName(f)).append("  ");
            List<String> parts = new ArrayList<>();
            fields(f).forEach((k, v) -> parts.add(k + "=" + show(v)));
            sb.append(oneLine(String.join(", ", parts))).append('\n');
        }
        sb.append(facts.size()).append(facts.size() == 1 ? " fact\n" : " facts\n");
        return sb.toString();
    }

    private String factsJson(List<Fact> facts, LoadResult loaded) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode arr = root.putArray("facts");
        for (Fact f : facts) {
            ObjectNode n = arr.addObject();
            n.put("type", typeName(f));
            n.put("file", f.provenance().file());
            n.put("line", f.provenance().line());
            ObjectNode fields = n.putObject("fields");
            fields(f).forEach((k, v) -> fields.set(k, json(v)));
        }
        documents(root, loaded.xbrl());
        errors(root, loaded);
        return Json.writer().writeValueAsString(root) + "\n";
    }

    private static String factsCsv(List<Fact> facts) throws IOException {
        StringWriter w = new StringWriter();
        try (CSVWriter csv = csv(w)) {
            csv.writeNext(new String[] {"file", "line", "type", "fields"}, false);
            for (Fact f : facts) {
                List<String> parts = new ArrayList<>();
                fields(f).forEach((k, v) -> parts.add(k + "=" + show(v)));
                csv.writeNext(neutralise(new String[] {f.provenance().file(), Integer.toString(f.provenance().line()), typeName(f),
                    String.join("; ", parts)}), true);
            }
        }
        return w.toString();
    }

    // ---------------------------------------------------------------- XBRL facts as filed

    private boolean selected(XbrlFact f) {
        return concept == null || f.qname().toLowerCase(Locale.ROOT).contains(concept.strip().toLowerCase(Locale.ROOT));
    }

    private static String where(XbrlFact f) {
        return f.provenance() + ":" + f.column();
    }

    private static String decimals(XbrlFact f) {
        return f.infinite() ? "INF" : f.decimals() == null ? "" : f.decimals().toString();
    }

    private static String valueText(XbrlFact f, int max) {
        if (f.nil()) {
            return "nil";
        }
        if (f.value() != null) {
            return f.value().toPlainString();
        }
        String t = f.text() == null ? "" : f.text();
        return "\"" + (t.length() > max ? t.substring(0, max - 3) + "..." : t) + "\"";
    }

    private String xbrlText(List<XbrlDocument> docs) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (XbrlDocument d : docs) {
            sb.append("# ").append(d.file()).append(": ").append(d.kind() == XbrlDocument.Kind.INLINE ? "inline XBRL" : "XBRL instance")
                    .append(", ").append(d.dei().documentType() == null ? "form ?" : d.dei().documentType())
                    .append(", ").append(d.dei().registrantName() == null ? "registrant ?" : d.dei().registrantName())
                    .append(" (CIK ").append(d.dei().cik() == null ? "?" : d.dei().cik()).append(")")
                    .append(", period end ").append(d.dei().periodEndDate() == null ? "?" : d.dei().periodEndDate())
                    .append("; ").append(d.facts().size()).append(" facts (").append(d.tagged()).append(" tagged)")
                    .append(d.complete() ? "" : "; NOT READ TO THE END").append('\n');
            for (XbrlFact f : d.facts()) {
                if (!selected(f)) {
                    continue;
                }
                n++;
                sb.append(where(f)).append("  ").append(f.qname()).append(" = ").append(oneLine(valueText(f, 120)));
                if (f.unit() != null) {
                    sb.append(' ').append(f.unit());
                }
                sb.append("  period ").append(f.period());
                if (!f.dimensions().isEmpty()) {
                    sb.append("  [").append(oneLine(f.dimensionsText())).append(']');
                }
                if (f.numeric()) {
                    sb.append("  decimals ").append(decimals(f).isEmpty() ? "none" : decimals(f));
                }
                if (f.hidden()) {
                    sb.append("  hidden");
                }
                if (f.id() != null) {
                    sb.append("  id ").append(oneLine(f.id()));
                }
                sb.append('\n');
            }
        }
        sb.append(n).append(n == 1 ? " XBRL fact" : " XBRL facts").append(" in ").append(docs.size())
                .append(docs.size() == 1 ? " document\n" : " documents\n");
        return sb.toString();
    }

    private String xbrlJson(List<XbrlDocument> docs, LoadResult loaded) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode arr = root.putArray("xbrl");
        for (XbrlDocument d : docs) {
            for (XbrlFact f : d.facts()) {
                if (!selected(f)) {
                    continue;
                }
                ObjectNode n = arr.addObject();
                n.put("file", f.provenance().file());
                n.put("line", f.provenance().line());
                n.put("column", f.column());
                n.put("concept", f.qname());
                n.put("namespace", f.namespace());
                ObjectNode period = n.putObject("period");
                if (f.start() != null) {
                    period.put("start", f.start().toString());
                }
                if (f.end() != null) {
                    period.put(f.start() == null ? "instant" : "end", f.end().toString());
                }
                ObjectNode dims = n.putObject("dimensions");
                f.dimensions().forEach((axis, m) -> {
                    if (m.typed()) {
                        dims.putObject(axis).put("typed", m.value());
                    } else {
                        dims.put(axis, m.value());
                    }
                });
                if (f.unit() != null) {
                    n.put("unit", f.unit());
                }
                if (f.numeric()) {
                    if (f.infinite()) {
                        n.put("decimals", "INF");
                    } else if (f.decimals() != null) {
                        n.put("decimals", f.decimals());
                    } else {
                        n.putNull("decimals");
                    }
                }
                if (f.value() != null) {
                    n.put("value", f.value().toPlainString());
                } else if (f.text() != null) {
                    n.put("text", f.text());
                }
                if (f.truncated()) {
                    n.put("truncated", true);
                }
                n.put("nil", f.nil());
                n.put("hidden", f.hidden());
                if (f.format() != null) {
                    n.put("format", f.format());
                }
                n.put("context", f.contextId());
                if (f.id() != null) {
                    n.put("id", f.id());
                }
            }
        }
        documents(root, docs);
        errors(root, loaded);
        return Json.writer().writeValueAsString(root) + "\n";
    }

    private String xbrlCsv(List<XbrlDocument> docs) throws IOException {
        StringWriter w = new StringWriter();
        try (CSVWriter csv = csv(w)) {
            csv.writeNext(new String[] {"file", "line", "column", "concept", "periodStart", "periodEnd", "dimensions", "unit", "decimals",
                "value", "text", "nil", "hidden", "format", "context", "id"}, false);
            for (XbrlDocument d : docs) {
                for (XbrlFact f : d.facts()) {
                    if (!selected(f)) {
                        continue;
                    }
                    csv.writeNext(neutralise(new String[] {f.provenance().file(), Integer.toString(f.provenance().line()),
                        Integer.toString(f.column()), f.qname(), f.start() == null ? "" : f.start().toString(),
                        f.end() == null ? "" : f.end().toString(), f.dimensionsText(), f.unit() == null ? "" : f.unit(), decimals(f),
                        f.value() == null ? "" : f.value().toPlainString(), f.value() == null && f.text() != null ? f.text() : "",
                        Boolean.toString(f.nil()), Boolean.toString(f.hidden()), f.format() == null ? "" : f.format(), f.contextId(),
                        f.id() == null ? "" : f.id()}), true);
                }
            }
        }
        return w.toString();
    }

    // ---------------------------------------------------------------- shared

    private static void documents(ObjectNode root, List<XbrlDocument> docs) {
        ArrayNode arr = root.putArray("documents");
        for (XbrlDocument d : docs) {
            ObjectNode n = arr.addObject();
            n.put("file", d.file());
            n.put("kind", d.kind().format());
            putText(n, "cik", d.dei().cik());
            putText(n, "registrantName", d.dei().registrantName());
            putText(n, "documentType", d.dei().documentType());
            putText(n, "periodEndDate", d.dei().periodEndDate() == null ? null : d.dei().periodEndDate().toString());
            if (d.dei().fiscalYearFocus() != null) {
                n.put("fiscalYearFocus", d.dei().fiscalYearFocus());
            }
            putText(n, "fiscalPeriodFocus", d.dei().fiscalPeriodFocus());
            n.put("tagged", d.tagged());
            n.put("facts", d.facts().size());
            n.put("complete", d.complete());
        }
    }

    private static void putText(ObjectNode n, String key, String value) {
        if (value != null) {
            n.put(key, value);
        }
    }

    private static void errors(ObjectNode root, LoadResult loaded) {
        ArrayNode arr = root.putArray("errors");
        for (Problem e : loaded.errors()) {
            arr.add(e.toString());
        }
    }

    private static CSVWriter csv(StringWriter w) {
        return new CSVWriter(w, ICSVWriter.DEFAULT_SEPARATOR, ICSVWriter.DEFAULT_QUOTE_CHARACTER, ICSVWriter.DEFAULT_QUOTE_CHARACTER, "\r\n");
    }

    private static String[] neutralise(String[] row) {
        for (int i = 0; i < row.length; i++) {
            row[i] = CsvReport.neutralise(row[i]);
        }
        return row;
    }

    /** Input text on one line of the text listing: line breaks and other control characters written as escapes. */
    static String oneLine(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u202E' || c == '\u202D') {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
