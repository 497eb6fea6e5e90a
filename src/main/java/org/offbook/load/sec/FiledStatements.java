package org.offbook.load.sec;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.offbook.model.Fact;
import org.offbook.model.Problem;

/**
 * Statement figures read from the filings themselves (inline XBRL 10-K/10-Q documents and XBRL
 * instances), made into {@link org.offbook.model.Statement}s exactly as companyfacts values are:
 * through {@code sec-concepts.csv}, one statement per period, quarters derived from year-to-date
 * figures, the filer linked to the user's entities by CIK or alias. A filing has no accession number
 * inside it, so the document stands for the filing, and its period end orders filings (a later
 * report's figure for the same period is the one used; an earlier, different one is a restatement).
 */
public final class FiledStatements {

    /** The origin of values read from filings, as {@link Observation#origin()} says it. */
    static final String ORIGIN = "filing";

    private FiledStatements() {
    }

    /** One undimensioned value of a filing, for a concept of any namespace (only those sec-concepts.csv maps are used). */
    public record Value(String concept, String currency, LocalDate start, LocalDate end, BigDecimal value, String file, int line, String where) {
    }

    /**
     * One filing: its filer, its form ({@code dei:DocumentType}), its period end ({@code dei:DocumentPeriodEndDate}),
     * where the filer's name was read, and its values.
     */
    public record Filing(String cik, String name, String form, LocalDate periodEnd, String file, int line, List<Value> values) {
    }

    /** The facts built (statements, restatements, entities of filers that link to none) and each filer's entity id by CIK. */
    public record Built(List<Fact> facts, Map<String, String> entities) {
    }

    /**
     * Builds the statements of the filings; every filer gets an entity id (its own, {@code cik-<CIK>}, or the
     * user's entity it links to) even when no value of its filing is mapped.
     */
    public static Built build(List<Filing> filings, List<Fact> others, List<Problem> errors) {
        return build(filings, others, ConceptMap.load(errors), errors);
    }

    /** As {@link #build(List, List, List)} with the concept table of the run. */
    public static Built build(List<Filing> filings, List<Fact> others, ConceptMap concepts, List<Problem> errors) {
        SecStore store = new SecStore();
        for (Filing f : filings) {
            SecStore.Filer filer = store.filer(f.cik());
            filer.keep = true;
            filer.name(f.name(), false, f.periodEnd(), f.file(), Math.max(f.line(), 1), "SEC filing " + f.file() + ", CIK" + CompanyFacts.padded(f.cik()));
            if (filer.file == null) { // no registrant name tagged: the entity is still where the filing is
                filer.file = f.file();
                filer.line = Math.max(f.line(), 1);
                filer.source = "SEC filing " + f.file() + ", CIK" + CompanyFacts.padded(f.cik());
            }
            for (Value v : f.values()) {
                if (!concepts.mapped(v.concept()) || v.value() == null || v.end() == null || v.currency() == null) {
                    continue;
                }
                LocalDate filed = f.periodEnd() != null ? f.periodEnd() : v.end();
                store.add(new Observation(f.cik(), v.concept(), v.currency(), v.start(), v.end(), v.value(), f.file(), f.form(), filed, null,
                        v.file(), v.line(), v.where(), ORIGIN));
            }
        }
        Map<String, String> links = new HashMap<>();
        List<Fact> facts = new ArrayList<>(SecFacts.build(store, concepts, others, links));
        return new Built(facts, links);
    }
}
