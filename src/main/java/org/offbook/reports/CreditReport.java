package org.offbook.reports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.offbook.model.Json;
import org.offbook.model.Money;
import org.offbook.model.Provenance;
import org.offbook.prepare.credit.Credit;
import org.offbook.prepare.credit.Network;

/** The credit view (docs/credit.md) as text, JSON (docs/report-format.md, "The credit view") and CSV. */
public final class CreditReport {

    private CreditReport() {
    }

    static String money(Money m) {
        return m == null ? "not given" : m.display();
    }

    static String x(BigDecimal v) {
        return v == null ? "n/a" : v.toPlainString() + "x";
    }

    private static String ev(List<Provenance> ps) {
        return String.join(", ", ps.stream().map(Provenance::toString).toList());
    }

    public static String text(List<Credit> views, List<Network.Event> timeline) {
        StringBuilder sb = new StringBuilder();
        for (Credit c : views) {
            sb.append("Credit view: ").append(c.name()).append(" (").append(c.entity()).append(")\n");
            line(sb, "Reported debt", c.reportedDebt(), c.reportedBasis(), c.reportedEvidence());
            for (String tier : List.of(Credit.RECOGNISED, Credit.CONSOLIDATE, Credit.PROBABLE, Credit.MEMO)) {
                for (Credit.Adjustment a : c.adjustments()) {
                    if (a.tier().equals(tier)) {
                        line(sb, "[" + tier + "] " + a.kind(), a.amount(), a.description(), a.evidence());
                    }
                }
            }
            sb.append(String.format(Locale.ROOT, "  %-44s %-11s %s%n", "Adjusted debt", money(c.adjustedDebt()),
                    (c.complete() ? "" : "at least: incomplete, see missing; ") + "reported + recognised + consolidate"));
            sb.append(String.format(Locale.ROOT, "  %-44s %-11s %s%n", "Adjusted debt if probable items are called", money(c.adjustedDebtIfCalled()),
                    "adjusted debt + add when probable"));
            if (c.earnings() != null) {
                Credit.Earnings e = c.earnings();
                line(sb, "EBITDA " + e.period(), e.ebitda(), "operating income " + money(e.operatingIncome()) + " + depreciation and amortisation "
                        + money(e.depreciation()), e.evidence());
                sb.append(String.format(Locale.ROOT, "  %-44s %s%n", "Interest expense " + e.period(), money(e.interest())));
            }
            sb.append(String.format(Locale.ROOT, "  %-44s %s%n", "Adjusted debt / EBITDA", x(c.debtToEbitda())));
            sb.append(String.format(Locale.ROOT, "  %-44s %s%n", "EBITDA / interest", x(c.ebitdaToInterest())));
            sb.append(String.format(Locale.ROOT, "  %-44s %s%n", "Operating income / interest", x(c.ebitToInterest())));
            Credit.Obligations o = c.obligations();
            sb.append("  Obligations it owes (binding): ").append(money(o.bindingTotal()))
                    .append(o.revenue() == null ? "; revenue not given" : " against revenue of " + o.revenue().display() + " (" + o.revenuePeriod() + "): "
                            + x(o.bindingToRevenue()))
                    .append(o.committedFunding() == null ? "" : "; committed funding received " + o.committedFunding().display()).append('\n');
            for (Credit.Obligation b : o.binding()) {
                sb.append("    ").append(String.format(Locale.ROOT, "%-11s ", money(b.amount()))).append(b.description())
                        .append(b.firstYear() == null ? "" : ", from " + b.firstYear()).append(b.years() == null ? "" : " over " + b.years() + " years")
                        .append("  [").append(ev(b.evidence())).append("]\n");
            }
            if (!o.apart().isEmpty()) {
                sb.append("  Not binding or press-reported, apart: ").append(money(o.apartTotal())).append('\n');
                for (Credit.Obligation b : o.apart()) {
                    sb.append("    ").append(String.format(Locale.ROOT, "%-11s ", money(b.amount()))).append(b.description()).append(" (")
                            .append(b.status()).append(")  [").append(ev(b.evidence())).append("]\n");
                }
            }
            for (Credit.YearAmount y : o.byYear()) {
                sb.append("    ").append(y.year()).append(": ").append(y.amount().display()).append(" (straight-line over the term: assumed)\n");
            }
            for (Credit.Recycled r : c.recycled()) {
                sb.append("  Recycled revenue: ").append(r.description()).append("  [").append(ev(r.evidence())).append("]\n");
            }
            for (Credit.CycleView cy : c.cycles()) {
                sb.append("  Cycle: ").append(cy.path()).append("; bottleneck ").append(cy.bottleneck() == null ? "not known (a link has no amount)" : cy.bottleneck().display())
                        .append(cy.binding() ? "" : "; not binding throughout").append('\n');
            }
            List<String> missing = new ArrayList<>(c.missing());
            missing.addAll(o.missing());
            if (!missing.isEmpty()) {
                sb.append("  Missing:\n");
                for (String m : missing) {
                    sb.append("    - ").append(m).append('\n');
                }
            }
            sb.append('\n');
        }
        sb.append(timelineText(timeline));
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, Money amount, String text, List<Provenance> evidence) {
        sb.append(String.format(Locale.ROOT, "  %-44s %-11s %s%n", label, money(amount), text));
        if (!evidence.isEmpty()) {
            sb.append("      evidence ").append(ev(evidence)).append('\n');
        }
    }

    /** The timeline by year: events, their amounts per currency, and the years where they cluster. */
    public static String timelineText(List<Network.Event> timeline) {
        StringBuilder sb = new StringBuilder("Timeline (maturities, lease and contract ends, backstop and guarantee expiries, assumed asset lives)\n");
        if (timeline.isEmpty()) {
            return sb.append("  no dated event in the files checked\n").toString();
        }
        Map<Integer, List<Network.Event>> byYear = new TreeMap<>();
        timeline.forEach(e -> byYear.computeIfAbsent(e.year(), k -> new ArrayList<>()).add(e));
        int most = byYear.values().stream().mapToInt(List::size).max().orElse(0);
        sb.append(String.format(Locale.ROOT, "  %-6s %-7s %-12s %s%n", "year", "events", "amount", "what"));
        for (Map.Entry<Integer, List<Network.Event>> y : byYear.entrySet()) {
            Money total = null;
            for (Network.Event e : y.getValue()) {
                if (e.amount() != null) {
                    total = total == null ? e.amount() : total.sameCurrency(e.amount()) ? total.plus(e.amount()) : total;
                }
            }
            sb.append(String.format(Locale.ROOT, "  %-6d %-7d %-12s %s%s%n", y.getKey(), y.getValue().size(), total == null ? "-" : total.display(),
                    String.join("; ", y.getValue().stream().map(e -> e.kind() + ": " + e.description() + " (" + e.evidence() + ")").toList()),
                    y.getValue().size() == most && most > 1 ? "  <- cluster" : ""));
        }
        return sb.toString();
    }

    public static ObjectNode json(Credit c) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("entity", c.entity());
        n.put("name", c.name());
        ObjectNode rep = n.putObject("reportedDebt");
        putMoney(rep, "amount", c.reportedDebt());
        rep.put("asOf", c.asOf() == null ? null : c.asOf().toString());
        rep.put("basis", c.reportedBasis());
        evidence(rep, c.reportedEvidence());
        ArrayNode adj = n.putArray("adjustments");
        for (Credit.Adjustment a : c.adjustments()) {
            ObjectNode x = adj.addObject();
            x.put("tier", a.tier());
            x.put("kind", a.kind());
            putMoney(x, "amount", a.amount());
            x.put("description", a.description());
            evidence(x, a.evidence());
        }
        putMoney(n, "adjustedDebt", c.adjustedDebt());
        putMoney(n, "adjustedDebtIfCalled", c.adjustedDebtIfCalled());
        n.put("complete", c.complete());
        ObjectNode e = n.putObject("earnings");
        if (c.earnings() != null) {
            e.put("period", c.earnings().period());
            putMoney(e, "operatingIncome", c.earnings().operatingIncome());
            putMoney(e, "depreciationAmortization", c.earnings().depreciation());
            putMoney(e, "ebitda", c.earnings().ebitda());
            putMoney(e, "interestExpense", c.earnings().interest());
            evidence(e, c.earnings().evidence());
        }
        ObjectNode ratios = n.putObject("ratios");
        ratios.put("adjustedDebtToEbitda", c.debtToEbitda() == null ? null : c.debtToEbitda().toPlainString());
        ratios.put("ebitdaToInterest", c.ebitdaToInterest() == null ? null : c.ebitdaToInterest().toPlainString());
        ratios.put("operatingIncomeToInterest", c.ebitToInterest() == null ? null : c.ebitToInterest().toPlainString());
        Credit.Obligations o = c.obligations();
        ObjectNode ob = n.putObject("obligations");
        putMoney(ob, "bindingTotal", o.bindingTotal());
        putMoney(ob, "apartTotal", o.apartTotal());
        putMoney(ob, "revenue", o.revenue());
        ob.put("bindingToRevenue", o.bindingToRevenue() == null ? null : o.bindingToRevenue().toPlainString());
        putMoney(ob, "committedFunding", o.committedFunding());
        ArrayNode items = ob.putArray("items");
        for (Credit.Obligation b : concat(o.binding(), o.apart())) {
            ObjectNode x = items.addObject();
            x.put("kind", b.kind());
            x.put("counterparty", b.counterparty());
            x.put("status", b.status());
            putMoney(x, "amount", b.amount());
            x.put("firstYear", b.firstYear());
            x.put("years", b.years());
            x.put("description", b.description());
            evidence(x, b.evidence());
        }
        ArrayNode years = ob.putArray("byYear");
        o.byYear().forEach(y -> {
            ObjectNode x = years.addObject();
            x.put("year", y.year());
            putMoney(x, "amount", y.amount());
        });
        ArrayNode rec = n.putArray("recycledRevenue");
        for (Credit.Recycled r : c.recycled()) {
            ObjectNode x = rec.addObject();
            x.put("supplier", r.supplier());
            x.put("customer", r.customer());
            putMoney(x, "funding", r.funding());
            putMoney(x, "fundingNotBinding", r.fundingNotBinding());
            putMoney(x, "purchases", r.purchases());
            x.put("share", r.share() == null ? null : r.share().toPlainString());
            x.put("description", r.description());
            evidence(x, r.evidence());
        }
        ArrayNode cycles = n.putArray("cycles");
        for (Credit.CycleView cy : c.cycles()) {
            ObjectNode x = cycles.addObject();
            ArrayNode ents = x.putArray("entities");
            cy.entities().forEach(ents::add);
            x.put("path", cy.path());
            putMoney(x, "bottleneck", cy.bottleneck());
            x.put("binding", cy.binding());
            evidence(x, cy.evidence());
        }
        ArrayNode missing = n.putArray("missing");
        c.missing().forEach(missing::add);
        o.missing().forEach(missing::add);
        return n;
    }

    public static ArrayNode timelineJson(List<Network.Event> timeline) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (Network.Event e : timeline) {
            ObjectNode x = out.addObject();
            x.put("year", e.year());
            x.put("date", e.date().toString());
            x.put("kind", e.kind());
            x.put("entity", e.entity());
            putMoney(x, "amount", e.amount());
            x.put("description", e.description());
            evidence(x, List.of(e.evidence()));
        }
        return out;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static void putMoney(ObjectNode n, String field, Money m) {
        if (m == null) {
            n.putNull(field);
        } else {
            n.set(field, Json.money(m));
        }
    }

    private static void evidence(ObjectNode n, List<Provenance> ps) {
        ArrayNode a = n.putArray("evidence");
        for (Provenance p : ps) {
            a.addObject().put("file", p.file()).put("line", p.line());
        }
    }

    /** One row per figure: entity, section, tier, kind, amount, currency, description, evidence. */
    public static String csv(List<Credit> views) throws IOException {
        StringWriter w = new StringWriter();
        try (CSVWriter csv = new CSVWriter(w, ICSVWriter.DEFAULT_SEPARATOR, ICSVWriter.DEFAULT_QUOTE_CHARACTER, ICSVWriter.DEFAULT_QUOTE_CHARACTER, "\r\n")) {
            csv.writeNext(new String[] {"entity", "section", "tier", "kind", "amount", "currency", "description", "evidence"}, false);
            for (Credit c : views) {
                row(csv, c.entity(), "reported", "", "reported debt", c.reportedDebt(), c.reportedBasis(), c.reportedEvidence());
                for (Credit.Adjustment a : c.adjustments()) {
                    row(csv, c.entity(), "adjustment", a.tier(), a.kind(), a.amount(), a.description(), a.evidence());
                }
                row(csv, c.entity(), "total", "", "adjusted debt", c.adjustedDebt(), c.complete() ? "complete" : "incomplete: at least", List.of());
                row(csv, c.entity(), "total", "", "adjusted debt if called", c.adjustedDebtIfCalled(), "adjusted debt + add when probable", List.of());
                if (c.earnings() != null) {
                    row(csv, c.entity(), "earnings", "", "EBITDA " + c.earnings().period(), c.earnings().ebitda(), "operating income + D&A", c.earnings().evidence());
                    row(csv, c.entity(), "earnings", "", "interest expense " + c.earnings().period(), c.earnings().interest(), "", c.earnings().evidence());
                }
                ratio(csv, c.entity(), "adjusted debt / EBITDA", c.debtToEbitda());
                ratio(csv, c.entity(), "EBITDA / interest", c.ebitdaToInterest());
                ratio(csv, c.entity(), "operating income / interest", c.ebitToInterest());
                for (Credit.Obligation b : concat(c.obligations().binding(), c.obligations().apart())) {
                    row(csv, c.entity(), "obligation", b.status(), b.kind(), b.amount(), b.description(), b.evidence());
                }
                for (String m : concat(c.missing(), c.obligations().missing())) {
                    csv.writeNext(new String[] {c.entity(), "missing", "", "", "", "", CsvReport.neutralise(m), ""}, true);
                }
            }
        }
        return w.toString();
    }

    private static void ratio(CSVWriter csv, String entity, String kind, BigDecimal v) {
        csv.writeNext(new String[] {entity, "ratio", "", kind, v == null ? "" : v.toPlainString(), "", v == null ? "not computed (see missing)" : "", ""}, true);
    }

    private static void row(CSVWriter csv, String entity, String section, String tier, String kind, Money amount, String text, List<Provenance> evidence) {
        csv.writeNext(new String[] {CsvReport.neutralise(entity), section, tier, CsvReport.neutralise(kind),
            amount == null ? "" : amount.amount().toPlainString(), amount == null ? "" : amount.currency(), CsvReport.neutralise(text),
            CsvReport.neutralise(ev(evidence))}, true);
    }
}
