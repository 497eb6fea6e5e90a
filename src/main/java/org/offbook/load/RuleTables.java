package org.offbook.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.offbook.model.Problem;

/**
 * Where a table users edit beside their rules (the SEC concept table, the XBRL disclosure table) is
 * read from: one lookup for all of them. First match wins:
 * <ol>
 *   <li>the file named by a system property or environment variable (each table has its own);</li>
 *   <li>when the run has rule folders ({@code --rules}, or the default pack the command line chose):
 *       the table of the first of those folders that has one, else the copy built into offbook;</li>
 *   <li>without rule folders (library callers): {@code rules/} in the working folder, then
 *       {@code $OFFBOOK_HOME/rules}, then the built-in copy.</li>
 * </ol>
 */
public final class RuleTables {

    private RuleTables() {
    }

    /**
     * One table: its file name in a rule folder, what to call it in messages, the property and
     * environment variable that name a file explicitly, and the class-path resource of the built-in copy.
     */
    public record Table(String file, String what, String property, String env, String builtIn) {
    }

    /** Opens a table for reading, with the name to report its problems under. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String name, Reader in, List<Problem> errors);
    }

    /** Finds {@code table} (see the class comment) and parses it; problems go to {@code errors}. */
    public static <T> T load(Table table, List<Path> ruleDirs, Parser<T> parser, List<Problem> errors) {
        String explicit = System.getProperty(table.property());
        if (explicit == null || explicit.isBlank()) {
            explicit = System.getenv(table.env());
        }
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit.strip());
            if (!Files.isRegularFile(p)) {
                errors.add(Problem.of(display(p), 0, null, table.what() + " not found (named by " + table.property() + " or "
                        + table.env() + "); the built-in table is used"));
                return builtIn(table, parser, errors);
            }
            return read(table, p, parser, errors);
        }
        if (ruleDirs != null) {
            for (Path dir : ruleDirs) {
                Path p = dir.resolve(table.file());
                if (Files.isRegularFile(p)) {
                    return read(table, p, parser, errors);
                }
            }
            return builtIn(table, parser, errors);
        }
        Path local = Path.of("rules", table.file());
        if (Files.isRegularFile(local)) {
            return read(table, local, parser, errors);
        }
        String home = System.getenv("OFFBOOK_HOME");
        if (home != null && !home.isBlank() && Files.isRegularFile(Path.of(home, "rules", table.file()))) {
            return read(table, Path.of(home, "rules", table.file()), parser, errors);
        }
        return builtIn(table, parser, errors);
    }

    /** Reads the built-in copy, reported as {@code built-in <file>}. */
    public static <T> T builtIn(Table table, Parser<T> parser, List<Problem> errors) {
        InputStream in = RuleTables.class.getResourceAsStream(table.builtIn());
        if (in == null) {
            throw new IllegalStateException("built-in " + table.file() + " missing from the jar");
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parser.parse("built-in " + table.file(), r, errors);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the table at {@code p}; a file that cannot be read is reported and parsed as empty. */
    public static <T> T read(Table table, Path p, Parser<T> parser, List<Problem> errors) {
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            return parser.parse(display(p), r, errors);
        } catch (IOException | java.io.UncheckedIOException e) {
            errors.add(Problem.of(display(p), 0, null, "cannot read the " + table.what() + ": " + e.getMessage()));
            return parser.parse(display(p), Reader.nullReader(), new java.util.ArrayList<>());
        }
    }

    /**
     * How a file of a rule folder is named to the user: its path as given, with {@code /}; a file of
     * the default pack inside the offbook jar as {@code jar:rules/...}.
     */
    public static String display(Path p) {
        if (p.getFileSystem() != FileSystems.getDefault()) {
            String s = p.normalize().toString();
            return "jar:" + (s.startsWith("/") ? s.substring(1) : s);
        }
        return p.normalize().toString().replace('\\', '/');
    }

    /** One row of a table, with its 1-based line. */
    public record Row(int line, String[] cells) {
    }

    /**
     * A table's columns (lower-cased header name to index) and its rows, read as they are iterated
     * (so that a row's problems come in line order with those the caller finds in it). A CSV
     * that cannot be read further ends the iteration with an {@link IllegalStateException} carrying
     * the reader's message.
     */
    public record Rows(Map<String, Integer> columns, Iterable<Row> rows) {
    }

    /**
     * The rows of a rule-folder table after its header: header names lower-cased (a byte-order mark
     * dropped), blank rows skipped, a row of another width than the header an error and skipped.
     * Null, with an error at line 1, when the header is missing or lacks a {@code required} column.
     *
     * @param what   the table as messages name it, e.g. "SEC concept table"
     * @param header the expected header, for messages
     * @param noun   what the table maps, for the message when nothing is mapped ("concept")
     */
    public static Rows rows(CSVReader csv, String name, String what, String header, List<String> required, String noun,
                            List<Problem> errors) throws IOException, CsvValidationException {
        String[] head = csv.readNext();
        if (head == null) {
            errors.add(Problem.of(name, 1, null, "empty " + what + ": expected the header " + header));
            return null;
        }
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < head.length; i++) {
            String h = head[i].strip().toLowerCase(Locale.ROOT);
            if (i == 0 && h.startsWith("\uFEFF")) {
                h = h.substring(1);
            }
            col.put(h, i);
        }
        for (String need : required) {
            if (!col.containsKey(need)) {
                errors.add(Problem.of(name, 1, need, what + ": missing column (expected " + header + "); no " + noun + " is mapped"));
                return null;
            }
        }
        Iterable<Row> rows = () -> new java.util.Iterator<>() {
            private long before = csv.getLinesRead();
            private Row next;
            private boolean done;

            @Override
            public boolean hasNext() {
                while (next == null && !done) {
                    String[] row;
                    try {
                        row = csv.readNext();
                    } catch (IOException | CsvValidationException e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                    if (row == null) {
                        done = true;
                        break;
                    }
                    int line = (int) before + 1;
                    before = csv.getLinesRead();
                    if (row.length == 1 && row[0].isBlank()) {
                        continue;
                    }
                    if (row.length != head.length) {
                        errors.add(Problem.of(name, line, null, "row has " + row.length + " cells, the header has " + head.length + "; row ignored"));
                        continue;
                    }
                    next = new Row(line, row);
                }
                return next != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                Row r = next;
                next = null;
                return r;
            }
        };
        return new Rows(col, rows);
    }
}
