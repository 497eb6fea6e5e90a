package org.offbook.engine;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.offbook.model.Provenance;
import org.offbook.model.Threshold;
import org.offbook.model.Problem;

/**
 * Reads {@code thresholds.csv} from a rule folder: columns {@code name,value,unit,reason}, one
 * threshold a row. These are the numbers rules compare against; users edit them here.
 */
public final class Thresholds {

    public static final String FILE = "thresholds.csv";

    private Thresholds() {
    }

    static void read(Path file, String display, Map<String, Threshold> out, List<Problem> errors) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(r)) {
            String[] header = csv.readNext();
            if (header == null) {
                errors.add(Problem.of(display, 1, null, "empty thresholds file: expected a header name,value,unit,reason"));
                return;
            }
            Map<String, Integer> col = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                col.put(header[i].strip().replace("\uFEFF", ""), i);
            }
            for (String need : List.of("name", "value", "unit", "reason")) {
                if (!col.containsKey(need)) {
                    errors.add(Problem.of(display, 1, need, "missing column; thresholds.csv needs name,value,unit,reason"));
                    return;
                }
            }
            long before = csv.getLinesRead();
            String[] row;
            while ((row = csv.readNext()) != null) {
                int line = (int) before + 1;
                before = csv.getLinesRead();
                if (row.length == 1 && row[0].isBlank()) {
                    continue;
                }
                if (row.length != header.length) {
                    errors.add(Problem.of(display, line, null, "row has " + row.length + " cells, the header has " + header.length));
                    continue;
                }
                String name = row[col.get("name")].strip();
                String value = row[col.get("value")].strip();
                BigDecimal v;
                try {
                    v = new BigDecimal(value);
                } catch (NumberFormatException e) {
                    errors.add(Problem.of(display, line, "value", "expected a number for '" + name + "', found '" + value + "'"));
                    continue;
                }
                Threshold t = new Threshold(name, v, row[col.get("unit")].strip(), row[col.get("reason")].strip(), new Provenance(display, line));
                Threshold prior = out.putIfAbsent(name, t);
                if (prior != null) {
                    errors.add(Problem.of(display, line, "name", "threshold '" + name + "' is already defined at " + prior.provenance()));
                }
            }
        } catch (IOException | CsvValidationException e) {
            errors.add(Problem.of(display, 0, null, "cannot read thresholds: " + e.getMessage()));
        }
    }

    static List<Threshold> sorted(Map<String, Threshold> all) {
        List<Threshold> list = new ArrayList<>(all.values());
        list.sort((a, b) -> a.name().compareTo(b.name()));
        return list;
    }
}
