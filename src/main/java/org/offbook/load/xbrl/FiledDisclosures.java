package org.offbook.load.xbrl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.offbook.model.Concentration;
import org.offbook.model.Disclosure;
import org.offbook.model.Entity;
import org.offbook.model.Fact;
import org.offbook.model.Money;
import org.offbook.model.UsefulLife;
import org.offbook.model.Problem;
import org.offbook.load.sec.ConceptMap;
import org.offbook.load.sec.FiledStatements;

/**
 * The standard {@link XbrlFactMapper}: turns what the filings tag into offbook facts. Undimensioned
 * amounts feed {@link org.offbook.model.Statement}s through {@code sec-concepts.csv}, exactly as
 * companyfacts values do ({@link FiledStatements}), which also links each filer to the user's
 * entities by CIK or alias. Every other tagged value that a row of {@code xbrl-disclosures.csv}
 * ({@link DisclosureMap}) matches becomes one fact: a {@link Concentration} (a customer's share of
 * revenue or receivables; an unnamed customer such as "Customer A" becomes an entity of its own), a
 * {@link UsefulLife} per asset class (with the change a later figure or a subsequent event shows), or
 * a {@link Disclosure}. Each fact keeps the file and line of the tagged value, and its source names
 * the concept, period, dimensions, decimals and the row that mapped it.
 */
public final class FiledDisclosures implements XbrlFactMapper {

    private final List<java.nio.file.Path> ruleDirs;

    /** Reads the tables of the default search ({@link org.offbook.load.RuleTables}, no rule folders). */
    public FiledDisclosures() {
        this(null);
    }

    /** Reads {@code xbrl-disclosures.csv} and {@code sec-concepts.csv} from the run's rule folders (null: none given). */
    public FiledDisclosures(List<java.nio.file.Path> ruleDirs) {
        this.ruleDirs = ruleDirs == null ? null : List.copyOf(ruleDirs);
    }

    @Override
    public List<Fact> map(List<XbrlDocument> documents, List<Fact> loaded, List<Problem> errors) {
        if (documents.isEmpty()) {
            return List.of();
        }
        DisclosureMap table = DisclosureMap.load(ruleDirs, errors);
        List<FiledStatements.Filing> filings = new ArrayList<>();
        Map<XbrlDocument, String> ciks = new LinkedHashMap<>();
        for (XbrlDocument doc : documents) {
            String cik = cik(doc);
            if (cik == null) {
                errors.add(Problem.of(doc.file(), 0, null, "no CIK in the filing (dei:EntityCentralIndexKey or a context's entity "
                        + "identifier): its facts cannot be linked to a company and are not used"));
                continue;
            }
            ciks.put(doc, cik);
            List<FiledStatements.Value> values = new ArrayList<>();
            for (XbrlFact f : doc.facts()) {
                String currency = currency(f);
                DisclosureMap.Row claimed = f.dimensions().isEmpty() ? table.match(f, cik) : null;
                if (claimed != null && claimed.kind().equals("leases-not-commenced")) {
                    continue; // counted once, as leases not yet commenced: sec-concepts.csv would read its concept as purchase obligations
                }
                if (f.dimensions().isEmpty() && currency != null && f.value() != null) {
                    values.add(new FiledStatements.Value(f.qname(), currency, f.start(), f.end(), f.value(), f.provenance().file(),
                            f.provenance().line(), where(f)));
                }
            }
            filings.add(new FiledStatements.Filing(cik, doc.dei().registrantName(), doc.dei().documentType(), doc.dei().periodEndDate(),
                    doc.file(), nameLine(doc), values));
        }
        FiledStatements.Built built = FiledStatements.build(filings, loaded, ConceptMap.load(ruleDirs, errors), errors);
        List<Fact> out = new ArrayList<>(built.facts());
        Map<String, String> userNames = userNames(loaded);
        Map<String, Entity> customers = new TreeMap<>();
        for (Map.Entry<XbrlDocument, String> e : ciks.entrySet()) {
            XbrlDocument doc = e.getKey();
            String entity = built.entities().get(e.getValue());
            Map<String, List<Mapped>> lives = new TreeMap<>();
            for (XbrlFact f : doc.facts()) {
                if (f.nil()) {
                    continue;
                }
                DisclosureMap.Row row = table.match(f, e.getValue());
                if (row == null) {
                    continue;
                }
                Mapped m = new Mapped(f, row, row.qualifierOf(f));
                DisclosureMap.Value expected = DisclosureMap.KINDS.get(row.kind());
                switch (expected) {
                    case SHARE -> {
                        if (share(f) == null) {
                            continue;
                        }
                        Fact c = concentration(doc, entity, m, userNames, customers);
                        if (c != null) {
                            out.add(c);
                        }
                    }
                    case YEARS -> {
                        if (f.years() == null) {
                            continue;
                        }
                        if (row.kind().equals("useful-life")) {
                            lives.computeIfAbsent(m.qualifier(), k -> new ArrayList<>()).add(m);
                        } else {
                            out.add(disclosure(doc, entity, m, null, null, f.years()));
                        }
                    }
                    case AMOUNT -> {
                        if (currency(f) == null || f.value() == null) {
                            continue;
                        }
                        out.add(disclosure(doc, entity, m, new Money(f.value(), currency(f)), null, null));
                    }
                    case AMOUNT_OR_SHARE -> {
                        if (currency(f) != null && f.value() != null) {
                            out.add(disclosure(doc, entity, m, new Money(f.value(), currency(f)), null, null));
                        } else if (share(f) != null) {
                            out.add(disclosure(doc, entity, m, null, share(f), null));
                        }
                    }
                    default -> throw new IllegalStateException(expected.toString());
                }
            }
            for (Map.Entry<String, List<Mapped>> l : lives.entrySet()) {
                UsefulLife u = usefulLife(doc, entity, l.getKey(), l.getValue());
                if (u != null) {
                    out.add(u);
                }
            }
        }
        out.addAll(customers.values());
        return out;
    }

    /** A tagged value and the row that mapped it. */
    record Mapped(XbrlFact fact, DisclosureMap.Row row, String qualifier) {
    }

    static String cik(XbrlDocument doc) {
        String cik = doc.dei().cikNumber();
        if (cik != null) {
            return cik;
        }
        for (XbrlFact f : doc.facts()) {
            if (f.entity() != null) {
                String s = f.entity().strip().replaceFirst("^0+(?=\\d)", "");
                if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
                    return s;
                }
            }
        }
        return null;
    }

    /** The currency of a monetary fact (iso4217:USD -> USD), null for any other unit. */
    static String currency(XbrlFact f) {
        if (f.unit() == null || !f.unit().startsWith("iso4217:") || !f.denominators().isEmpty() || f.numerators().size() != 1) {
            return null;
        }
        return f.unit().substring("iso4217:".length());
    }

    /** A pure fact's value (a percentage is tagged with scale -2, so it already is a fraction), null otherwise. */
    static BigDecimal share(XbrlFact f) {
        if (f.value() == null || f.unit() == null || !f.unit().equals("xbrli:pure")) {
            return null;
        }
        return f.value();
    }

    private static int nameLine(XbrlDocument doc) {
        for (XbrlFact f : doc.facts()) {
            if (f.qname().equals("dei:EntityRegistrantName")) {
                return f.provenance().line();
            }
        }
        return 1;
    }

    /** Where in the line the value is, for people: the column, the fact's id, its context. */
    static String where(XbrlFact f) {
        return "column " + f.column() + (f.id() == null ? "" : ", id " + f.id()) + ", context " + f.contextId();
    }

    /** The tagged value described in full, for a fact's source. */
    static String describe(XbrlDocument doc, Mapped m) {
        XbrlFact f = m.fact();
        String value = f.value() != null ? f.value().toPlainString() + (f.unit() == null ? "" : " " + f.unit()) : String.valueOf(f.text());
        return "SEC " + (doc.dei().documentType() == null ? "filing" : doc.dei().documentType()) + " " + doc.file()
                + (doc.dei().registrantName() == null ? "" : " (" + doc.dei().registrantName() + ")") + ": " + f.qname() + " = " + value
                + ", period " + f.period() + ", " + (f.dimensions().isEmpty() ? "no dimensions" : "dimensions " + f.dimensionsText())
                + ", decimals " + decimals(f) + (f.hidden() ? ", hidden (ix:hidden)" : "") + "; line " + f.provenance().line() + " " + where(f)
                + "; mapped by " + m.row().where();
    }

    static String decimals(XbrlFact f) {
        return f.infinite() ? "INF" : f.decimals() == null ? "n/a" : f.decimals().toString();
    }

    private static Disclosure disclosure(XbrlDocument doc, String entity, Mapped m, Money amount, BigDecimal share, BigDecimal years) {
        XbrlFact f = m.fact();
        return new Disclosure(entity, m.row().kind(), m.qualifier().isEmpty() ? null : m.qualifier(), amount, share, years, f.start(),
                f.end(), f.qname(), f.dimensionsText(), decimals(f), m.row().id(), amount == null ? null : amount.currency(),
                describe(doc, m), f.provenance());
    }

    /** Entities of the user's files by their id, name and aliases in a loose form, to link a named customer member. */
    private static Map<String, String> userNames(List<Fact> loaded) {
        Map<String, String> out = new HashMap<>();
        for (Fact f : loaded) {
            if (f instanceof Entity e) {
                out.putIfAbsent(norm(e.id()), e.id());
                out.putIfAbsent(norm(e.name()), e.id());
                for (String a : e.aliases() == null ? List.<String>of() : e.aliases()) {
                    out.putIfAbsent(norm(a), e.id());
                }
            }
        }
        return out;
    }

    static String norm(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static Fact concentration(XbrlDocument doc, String entity, Mapped m, Map<String, String> userNames, Map<String, Entity> customers) {
        XbrlFact f = m.fact();
        String name = m.qualifier();
        if (name.isEmpty() || f.end() == null) {
            return null;
        }
        String customer = userNames.get(norm(name));
        if (customer == null) {
            customer = entity + "." + norm(name).replace(' ', '-');
            String filer = doc.dei().registrantName() == null ? entity : doc.dei().registrantName();
            customers.putIfAbsent(customer, new Entity(customer, name + " (a customer " + filer + " does not name)", "other", List.of(), null, null, null, null,
                    "customer member " + f.member("srt:MajorCustomersAxis") + " of " + doc.file() + " (" + filer + ")", f.provenance()));
        }
        String basis = m.row().kind().equals("concentration-receivables") ? "receivables" : "revenue";
        return new Concentration(entity, customer, basis, share(f), label(f.start(), f.end()), f.start(), f.end(), describe(doc, m), f.provenance());
    }

    /** "FY2025" for a period of about a year (named by the year it ends in), else the dates. */
    static String label(LocalDate start, LocalDate end) {
        if (start != null) {
            long days = end.toEpochDay() - start.toEpochDay() + 1;
            if (days >= 350 && days <= 380) {
                return "FY" + end.getYear();
            }
            return start + ".." + end;
        }
        return end.toString();
    }

    /**
     * One useful life per asset class: the longest life of the latest balance-sheet date (the top of a
     * range), changed to a later figure when a subsequent event (us-gaap:SubsequentEventTypeAxis) or a
     * later date gives one; the life before the change is the previous life.
     */
    private static UsefulLife usefulLife(XbrlDocument doc, String entity, String assetClass, List<Mapped> values) {
        Map<LocalDate, List<Mapped>> ordinary = new TreeMap<>();
        List<Mapped> subsequent = new ArrayList<>();
        for (Mapped m : values) {
            if (m.fact().end() == null) {
                continue;
            }
            if (m.fact().member("us-gaap:SubsequentEventTypeAxis") != null) {
                subsequent.add(m);
            } else {
                ordinary.computeIfAbsent(m.fact().end(), k -> new ArrayList<>()).add(m);
            }
        }
        if (ordinary.isEmpty() && subsequent.isEmpty()) {
            return null;
        }
        List<LocalDate> dates = new ArrayList<>(ordinary.keySet());
        Mapped current = dates.isEmpty() ? null : longest(ordinary.get(dates.get(dates.size() - 1)));
        Mapped before = dates.size() < 2 ? null : longest(ordinary.get(dates.get(dates.size() - 2)));
        Mapped later = subsequent.isEmpty() ? null : longest(subsequent);
        Mapped now;
        Mapped previous;
        LocalDate effective = null;
        if (later != null && (current == null || later.fact().years().compareTo(current.fact().years()) != 0)) {
            now = later;
            previous = current;
            effective = later.fact().end();
        } else if (current != null && before != null && current.fact().years().compareTo(before.fact().years()) != 0) {
            now = current;
            previous = before;
        } else {
            now = current != null ? current : later;
            previous = null;
        }
        StringBuilder source = new StringBuilder(describe(doc, now));
        if (previous != null) {
            source.append("; before: ").append(range(ordinary.getOrDefault(previous.fact().end(), List.of(previous))))
                    .append(" at ").append(previous.fact().end()).append(" (line ").append(previous.fact().provenance().line()).append(")");
        }
        if (now == later && later != null) {
            source.append("; a subsequent event");
        } else if (now != null && ordinary.containsKey(now.fact().end())) {
            source.append("; range at ").append(now.fact().end()).append(": ").append(range(ordinary.get(now.fact().end())));
        }
        return new UsefulLife(entity, assetClass, now.fact().years(), previous == null ? null : previous.fact().years(), effective, null, null,
                source.toString(), now.fact().provenance());
    }

    private static Mapped longest(List<Mapped> values) {
        Mapped best = null;
        for (Mapped m : values) {
            if (best == null || m.fact().years().compareTo(best.fact().years()) > 0) {
                best = m;
            }
        }
        return best;
    }

    private static String range(List<Mapped> values) {
        BigDecimal min = null;
        BigDecimal max = null;
        for (Mapped m : values) {
            BigDecimal y = m.fact().years();
            min = min == null || y.compareTo(min) < 0 ? y : min;
            max = max == null || y.compareTo(max) > 0 ? y : max;
        }
        return min.compareTo(max) == 0 ? plain(min) + " years" : plain(min) + " to " + plain(max) + " years";
    }

    private static String plain(BigDecimal b) {
        return b.stripTrailingZeros().toPlainString();
    }
}
