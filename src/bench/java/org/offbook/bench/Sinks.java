package org.offbook.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.offbook.model.FactTypes;

/** Where generated rows go: CSV tables, or one folder of JSON documents per company. */
final class Sinks {

    private Sinks() {
    }

    /** Receives the rows of the market, grouped by owner (company index, or -1 for market-wide entities). */
    interface Sink extends AutoCloseable {
        void add(int owner, String ownerId, Row row) throws IOException;

        @Override
        void close() throws IOException;

        /** Files written, relative to the output folder, with '/' separators. */
        List<String> files();
    }

    /** Rows per CSV file: keeps every table well under the loader's 64 MiB limit. */
    static final int MAX_ROWS_PER_FILE = 200_000;

    /**
     * Large CSV tables, the way market data sets are distributed: all entities in one table,
     * statements one table per fiscal year, links one table per fact type.
     */
    static final class Tables implements Sink {
        private final Path out;
        private final Map<String, Table> open = new TreeMap<>();
        private final List<String> files = new ArrayList<>();

        Tables(Path out) {
            this.out = out;
        }

        private static final class Table {
            BufferedWriter w;
            int rows;
            int shard = 1;
        }

        @Override
        public void add(int owner, String ownerId, Row row) throws IOException {
            String base;
            if (row.type.equals("entities")) {
                base = "entities";
            } else if (row.type.equals("statements")) {
                base = "statements/FY" + row.get("end").substring(0, 4);
            } else {
                base = "links/" + row.type;
            }
            Table t = open.get(base);
            if (t == null) {
                t = new Table();
                open.put(base, t);
                t.w = start(base, 1, row);
            } else if (t.rows >= MAX_ROWS_PER_FILE) {
                t.w.close();
                t.shard++;
                t.rows = 0;
                t.w = start(base, t.shard, row);
            }
            writeCsv(t.w, row.values);
            t.rows++;
        }

        private BufferedWriter start(String base, int shard, Row row) throws IOException {
            // a table is named after its type (links/leases.csv, entities.csv), or <anything>.<type>.csv
            // (statements/FY2025.statements.csv, links/leases-2.leases.csv) when its name says something else
            boolean plain = base.equals("entities") || base.equals("links/" + row.type);
            String name = plain && shard == 1 ? base + ".csv" : base + (shard == 1 ? "" : "-" + shard) + "." + row.type + ".csv";
            Path p = out.resolve(name);
            Files.createDirectories(p.getParent());
            files.add(name);
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(p), StandardCharsets.UTF_8), 1 << 16);
            writeCsv(w, row.columns().toArray(String[]::new));
            return w;
        }

        @Override
        public void close() throws IOException {
            for (Table t : open.values()) {
                t.w.close();
            }
            open.clear();
        }

        @Override
        public List<String> files() {
            return files;
        }
    }

    static void writeCsv(Appendable w, String[] cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                w.append(',');
            }
            String c = cells[i];
            if (c == null) {
                continue;
            }
            boolean quote = false;
            for (int k = 0; k < c.length() && !quote; k++) {
                char ch = c.charAt(k);
                quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
            }
            if (quote) {
                w.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                w.append(c);
            }
        }
        w.append('\n');
    }

    /**
     * One folder per company, as an analyst keeps them: {@code companies/<id>/filings.json} (the
     * company, its statements and disclosures) and {@code companies/<id>/deals.json} (the deals it
     * is party to); funds and banks in {@code entities.json}.
     */
    static final class Folders implements Sink {
        private static final List<String> FILING_TYPES = List.of("entities", "statements", "usefulLives", "concentrations");
        private final Path out;
        private final List<String> files = new ArrayList<>();
        private final Map<String, List<Row>> market = new LinkedHashMap<>();
        private String current;
        private final Map<String, List<Row>> rows = new LinkedHashMap<>();

        Folders(Path out) {
            this.out = out;
        }

        @Override
        public void add(int owner, String ownerId, Row row) throws IOException {
            if (owner < 0) {
                market.computeIfAbsent(row.type, k -> new ArrayList<>()).add(row);
                return;
            }
            if (!ownerId.equals(current)) {
                flush();
                current = ownerId;
            }
            rows.computeIfAbsent(row.type, k -> new ArrayList<>()).add(row);
        }

        private void flush() throws IOException {
            if (current == null) {
                return;
            }
            Map<String, List<Row>> filings = new LinkedHashMap<>();
            Map<String, List<Row>> deals = new LinkedHashMap<>();
            for (Map.Entry<String, List<Row>> e : rows.entrySet()) {
                (FILING_TYPES.contains(e.getKey()) ? filings : deals).put(e.getKey(), e.getValue());
            }
            String dir = "companies/" + current + "/";
            write(dir + "filings.json", filings);
            write(dir + "deals.json", deals);
            rows.clear();
        }

        private void write(String name, Map<String, List<Row>> byType) throws IOException {
            if (byType.isEmpty()) {
                return;
            }
            Path p = out.resolve(name);
            Files.createDirectories(p.getParent());
            files.add(name);
            try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(p), StandardCharsets.UTF_8), 1 << 16)) {
                w.append("{\n");
                boolean firstType = true;
                for (String type : FactTypes.BY_NAME.keySet()) {
                    List<Row> list = byType.get(type);
                    if (list == null) {
                        continue;
                    }
                    w.append(firstType ? "" : ",\n").append("  \"").append(type).append("\": [\n");
                    firstType = false;
                    for (int i = 0; i < list.size(); i++) {
                        w.append("    ");
                        writeJson(w, list.get(i));
                        w.append(i + 1 < list.size() ? ",\n" : "\n");
                    }
                    w.append("  ]");
                }
                w.append("\n}\n");
            }
        }

        @Override
        public void close() throws IOException {
            flush();
            current = null;
            write("entities.json", market);
        }

        @Override
        public List<String> files() {
            return files;
        }
    }

    static void writeJson(Appendable w, Row row) throws IOException {
        w.append('{');
        boolean first = true;
        List<String> cols = row.columns();
        for (int i = 0; i < cols.size(); i++) {
            String v = row.values[i];
            if (v == null) {
                continue;
            }
            w.append(first ? "" : ", ").append('"').append(cols.get(i)).append("\": ");
            first = false;
            switch (Row.kind(cols.get(i))) {
                case NUMBER, BOOL -> w.append(v);
                case LIST -> {
                    w.append('[');
                    String[] items = v.split(";");
                    for (int k = 0; k < items.length; k++) {
                        w.append(k == 0 ? "" : ", ");
                        jsonString(w, items[k]);
                    }
                    w.append(']');
                }
                default -> jsonString(w, v);
            }
        }
        w.append('}');
    }

    static void jsonString(Appendable w, String s) throws IOException {
        w.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> w.append("\\\"");
                case '\\' -> w.append("\\\\");
                case '\n' -> w.append("\\n");
                case '\r' -> w.append("\\r");
                case '\t' -> w.append("\\t");
                default -> {
                    if (c < 0x20) {
                        w.append(String.format("\\u%04x", (int) c));
                    } else {
                        w.append(c);
                    }
                }
            }
        }
        w.append('"');
    }
}
