package org.offbook.load;

import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.exceptions.CsvMalformedLineException;
import com.opencsv.exceptions.CsvMultilineLimitBrokenException;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.lang.reflect.RecordComponent;
import org.offbook.model.Fact;
import org.offbook.model.FactTypes;
import org.offbook.model.Problem;

/**
 * Reads a CSV table of one fact type (RFC 4180, through opencsv). The first row names the columns,
 * which are matched by name, in any order. Empty cells are absent values; list fields hold values
 * separated by ';'. The table's fact type comes from the file name: {@code leases.csv} or
 * {@code anything.leases.csv}.
 */
final class CsvTableReader {

    /** Longest line read, in characters. */
    static final int MAX_LINE = 1 << 20;
    /** Most lines one row (a quoted cell with line breaks) may run over. */
    static final int MAX_ROW_LINES = 100;

    private CsvTableReader() {
    }

    /** The fact type a CSV file holds, from its name; null when the name does not say. */
    static String typeOf(String fileName) {
        String base = fileName.substring(0, fileName.length() - ".csv".length());
        int dot = base.lastIndexOf('.');
        String type = dot >= 0 ? base.substring(dot + 1) : base;
        return FactTypes.BY_NAME.containsKey(type) ? type : null;
    }

    static int read(String file, String type, Reader in, List<Fact> facts, List<Problem> errors) {
        Class<? extends Fact> factType = FactTypes.BY_NAME.get(type);
        Set<String> known = new TreeSet<>();
        for (RecordComponent c : FactTypes.inputFields(factType)) {
            known.add(c.getName());
        }
        int read = 0;
        long linesBefore = 0;
        List<Fact> found = new ArrayList<>();
        List<Problem> problems = new CappedErrors();
        try (CSVReader csv = new CSVReaderBuilder(new LineLimited(in, MAX_LINE))
                .withCSVParser(new CSVParserBuilder().withStrictQuotes(false).build())
                .withKeepCarriageReturn(false)
                .withMultilineLimit(MAX_ROW_LINES)
                .build()) {
            String[] header = csv.readNext();
            if (header == null) {
                errors.add(Problem.of(file, 1, null, "empty CSV file: expected a header row naming the columns of " + type));
                return 0;
            }
            Map<String, Integer> columns = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                String name = header[i].strip();
                if (i == 0 && name.startsWith("\uFEFF")) {
                    name = name.substring(1);
                }
                if (name.isEmpty()) {
                    continue;
                }
                if (columns.containsKey(name)) {
                    problems.add(Problem.of(file, 1, Binder.shownName(name), "column appears twice in the header"));
                } else if (!known.contains(name) && !Binder.IGNORED.contains(name) && !name.startsWith("x-")) {
                    problems.add(Problem.of(file, 1, Binder.shownName(name), "unknown column for " + type + Binder.suggestion(name, known)
                            + " (custom columns must start with 'x-')"));
                }
                columns.put(name, i);
            }
            if (!problems.isEmpty()) {
                errors.addAll(problems);
                errors.add(Problem.of(file, 1, null, "header not understood; file not loaded"));
                return 0;
            }
            linesBefore = csv.getLinesRead();
            String[] row;
            while ((row = csv.readNext()) != null) {
                int line = (int) linesBefore + 1;
                linesBefore = csv.getLinesRead();
                if (row.length == 1 && row[0].isBlank()) {
                    continue;
                }
                read++;
                if (row.length != header.length) {
                    problems.add(Problem.of(file, line, null, "row has " + row.length + " cells, the header has " + header.length));
                    continue;
                }
                Fact f = Binder.bind(factType, new Row(file, line, columns, row), null, problems);
                if (f != null) {
                    found.add(f);
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            errors.addAll(problems);
            errors.add(Problem.of(file, read + 1, null, "not valid UTF-8 text near this row; save the file as UTF-8; file not loaded"));
            return read;
        } catch (CsvMalformedLineException e) {
            errors.addAll(problems);
            errors.add(Problem.of(file, (int) linesBefore + 1, null,
                    "malformed CSV: a quoted cell in the row starting on this line is never closed; file not loaded"));
            return read;
        } catch (CsvMultilineLimitBrokenException e) {
            errors.addAll(problems);
            errors.add(Problem.of(file, (int) linesBefore + 1, null, "malformed CSV: the row starting on this line runs over more than "
                    + MAX_ROW_LINES + " lines (probably a quote that is never closed); file not loaded"));
            return read;
        } catch (LineLimited.TooLong e) {
            errors.addAll(problems);
            errors.add(Problem.of(file, (int) linesBefore + 1, null, "malformed CSV: a line longer than " + MAX_LINE
                    + " characters near this row; file not loaded"));
            return read;
        } catch (LineLimited.TooLarge e) {
            errors.addAll(problems);
            errors.add(Problem.of(file, 0, null, "file is larger than " + FolderLoader.MAX_FILE_BYTES / (1024 * 1024)
                    + " MiB, the limit; file not loaded"));
            return read;
        } catch (CsvValidationException | IOException | RuntimeException e) {
            errors.addAll(problems);
            errors.add(Problem.of(file, (int) linesBefore + 1, null, "malformed CSV: "
                    + Binder.shown(String.valueOf(e.getMessage()), 200) + "; file not loaded"));
            return read;
        }
        facts.addAll(found);
        errors.addAll(problems);
        return read;
    }

    private record Row(String file, int line, Map<String, Integer> columns, String[] cells) implements RawRecord {

        /** The header's columns: checked once at the header (an unknown column refuses the file), not per row. */
        @Override
        public Set<String> fieldNames() {
            return columns.keySet();
        }

        @Override
        public String text(String field) {
            Integer i = columns.get(field);
            if (i == null) {
                return null;
            }
            String s = cells[i].strip();
            return s.isEmpty() ? null : s;
        }

        @Override
        public List<String> list(String field) {
            String s = text(field);
            if (s == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (String part : s.split(";")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
            return out;
        }

        @Override
        public int lineOf(String field) {
            return line;
        }
    }
}
