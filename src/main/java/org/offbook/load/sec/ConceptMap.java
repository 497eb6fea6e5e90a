package org.offbook.load.sec;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.offbook.model.FactTypes;
import org.offbook.model.Money;
import org.offbook.model.NonNegative;
import org.offbook.model.Statement;
import org.offbook.model.Problem;
import org.offbook.load.RuleTables;

/**
 * Which XBRL concepts feed which {@link Statement} field, in order of precedence: the table
 * {@code sec-concepts.csv} (columns {@code field, precedence, concept, note}). Found as every rule
 * table is ({@link RuleTables}): the file named by the system property {@code offbook.sec.concepts}
 * or the environment variable {@code OFFBOOK_SEC_CONCEPTS}; the table in the run's rule folders
 * ({@code --rules}); the copy built into offbook. It is read at run time, so editing it needs no rebuild. See
 * {@code docs/sec-data.md}.
 */
public final class ConceptMap {

    public static final String FILE = "sec-concepts.csv";
    public static final String PROPERTY = "offbook.sec.concepts";
    public static final String ENV = "OFFBOOK_SEC_CONCEPTS";
    static final String BUILT_IN = "/org/offbook/load/sec/sec-concepts.csv";
    static final RuleTables.Table TABLE = new RuleTables.Table(FILE, "SEC concept table", PROPERTY, ENV, BUILT_IN);

    /** Statement fields read from balance-sheet (instant) facts; the other money fields are read from duration facts. */
    static final Set<String> INSTANT_FIELDS = Set.of("totalDebt", "equity", "operatingLeaseLiabilities", "financeLeaseLiabilities",
            "leasesNotCommenced", "rpo", "purchaseObligations", "vieMaximumExposure", "cash");

    private static final Pattern CONCEPT = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*:[A-Za-z_][A-Za-z0-9_.-]*");

    /** One row: a concept feeding a field, with its rank (1 = first choice). */
    record Mapping(String field, int precedence, String concept, boolean instant) {
        String namespace() {
            return concept.substring(0, concept.indexOf(':'));
        }

        String localName() {
            return concept.substring(concept.indexOf(':') + 1);
        }
    }

    private final String file;
    private final Map<String, List<Mapping>> byConcept;
    private final Map<String, List<Mapping>> byField;
    private final Set<String> nonNegative;

    private ConceptMap(String file, List<Mapping> rows) {
        this.file = file;
        Map<String, List<Mapping>> c = new HashMap<>();
        Map<String, List<Mapping>> f = new LinkedHashMap<>();
        for (Mapping m : rows) {
            c.computeIfAbsent(m.concept(), k -> new ArrayList<>()).add(m);
        }
        for (String field : moneyFields()) {
            List<Mapping> list = new ArrayList<>();
            for (Mapping m : rows) {
                if (m.field().equals(field)) {
                    list.add(m);
                }
            }
            list.sort((a, b) -> Integer.compare(a.precedence(), b.precedence()));
            if (!list.isEmpty()) {
                f.put(field, List.copyOf(list));
            }
        }
        this.byConcept = c;
        this.byField = f;
        Set<String> nn = new HashSet<>();
        for (RecordComponent rc : Statement.class.getRecordComponents()) {
            if (rc.isAnnotationPresent(NonNegative.class)) {
                nn.add(rc.getName());
            }
        }
        this.nonNegative = nn;
    }

    /** The table's name as reported (a path, or "built-in sec-concepts.csv"). */
    public String file() {
        return file;
    }

    /** True when the concept (namespace:Name) feeds some field. */
    boolean mapped(String concept) {
        return byConcept.containsKey(concept);
    }

    List<Mapping> of(String concept) {
        return byConcept.getOrDefault(concept, List.of());
    }

    /** The fields with at least one concept, in the order of Statement's components, each with its concepts by precedence. */
    Map<String, List<Mapping>> fields() {
        return byField;
    }

    Set<String> concepts() {
        return byConcept.keySet();
    }

    boolean nonNegative(String field) {
        return nonNegative.contains(field);
    }

    /** The Money components of Statement: the fields a concept may feed. */
    static List<String> moneyFields() {
        List<String> out = new ArrayList<>();
        for (RecordComponent rc : FactTypes.inputFields(Statement.class)) {
            if (rc.getType() == Money.class) {
                out.add(rc.getName());
            }
        }
        return out;
    }

    /** Finds and reads the table (see the class comment); problems go to {@code errors}, the valid rows are used. */
    public static ConceptMap load(List<Problem> errors) {
        return load(null, errors);
    }

    /**
     * As {@link #load(List)}, for a run on the rule folders {@code ruleDirs} (null when none were
     * given): after an explicit table, the table of the first of those folders that has one, else
     * the built-in table; without rule folders, {@code rules/} in the working folder, then
     * {@code $OFFBOOK_HOME/rules}, then the built-in table.
     */
    public static ConceptMap load(List<Path> ruleDirs, List<Problem> errors) {
        return RuleTables.load(TABLE, ruleDirs, ConceptMap::read, errors);
    }

    static ConceptMap builtIn(List<Problem> errors) {
        return RuleTables.builtIn(TABLE, ConceptMap::read, errors);
    }

    static ConceptMap read(Path p, List<Problem> errors) {
        return RuleTables.read(TABLE, p, ConceptMap::read, errors);
    }

    static ConceptMap read(String name, Reader in, List<Problem> errors) {
        List<String> fields = moneyFields();
        List<Mapping> rows = new ArrayList<>();
        Map<String, Integer> ranks = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        try (CSVReader csv = new CSVReaderBuilder(in).build()) {
            RuleTables.Rows table = RuleTables.rows(csv, name, "SEC concept table", "field,precedence,concept,note",
                    List.of("field", "precedence", "concept"), "concept", errors);
            if (table == null) {
                return new ConceptMap(name, List.of());
            }
            Map<String, Integer> col = table.columns();
            for (RuleTables.Row tr : table.rows()) {
                int line = tr.line();
                String[] row = tr.cells();
                String field = row[col.get("field")].strip();
                String rank = row[col.get("precedence")].strip();
                String concept = row[col.get("concept")].strip();
                if (!fields.contains(field)) {
                    errors.add(Problem.of(name, line, "field", "'" + field + "' is not an amount field of statements ("
                            + String.join(", ", fields) + "); row ignored"));
                    continue;
                }
                int p;
                try {
                    p = Integer.parseInt(rank);
                    if (p < 1) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    errors.add(Problem.of(name, line, "precedence", "expected a whole number from 1 (first choice), found '" + rank + "'; row ignored"));
                    continue;
                }
                if (!CONCEPT.matcher(concept).matches()) {
                    errors.add(Problem.of(name, line, "concept", "expected namespace:Name, e.g. us-gaap:Revenues, found '" + concept + "'; row ignored"));
                    continue;
                }
                if (!seen.add(field + "|" + concept)) {
                    errors.add(Problem.of(name, line, "concept", concept + " is already mapped to " + field + "; row ignored"));
                    continue;
                }
                Integer prior = ranks.putIfAbsent(field + "|" + p, line);
                if (prior != null) {
                    errors.add(Problem.of(name, line, "precedence", field + " already has a concept of precedence " + p + " (line " + prior
                            + "); row ignored"));
                    continue;
                }
                rows.add(new Mapping(field, p, concept, INSTANT_FIELDS.contains(field)));
            }
        } catch (CsvValidationException | IOException | RuntimeException e) {
            errors.add(Problem.of(name, 0, null, "malformed SEC concept table: " + e.getMessage()));
        }
        return new ConceptMap(name, Collections.unmodifiableList(rows));
    }
}
