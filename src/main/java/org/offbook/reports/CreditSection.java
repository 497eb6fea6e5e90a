package org.offbook.reports;

import java.util.List;
import org.offbook.model.Money;
import org.offbook.model.Provenance;
import org.offbook.prepare.credit.Credit;

/**
 * The credit views of a report (docs/credit.md) as one self-contained HTML section: a table per
 * company with reported debt, each adjustment with its tier and evidence, the totals, the ratios
 * and the figures missing. Nothing when the report carries no credit view. Every value from the
 * input is escaped and isolated ({@link Html}).
 */
final class CreditSection {

    private CreditSection() {
    }

    static void render(Markup m, List<Credit> views) {
        if (views == null || views.isEmpty()) {
            return;
        }
        m.open("section", "id", "credit", "aria-labelledby", "credit-h").nl().el("h2", "Credit view", "id", "credit-h").nl();
        for (Credit c : views) {
            m.open("h3").input(c.name()).text(" (").input(c.entity()).text(")").close("h3").nl();
            m.open("table", "class", "credit").nl().open("thead").open("tr");
            for (String h : List.of("Tier", "Item", "Amount", "Why", "Evidence")) {
                m.el("th", h, "scope", "col");
            }
            m.close("tr").close("thead").nl().open("tbody").nl();
            row(m, "reported", "reported debt", c.reportedDebt(), c.reportedBasis(), c.reportedEvidence());
            for (Credit.Adjustment a : c.adjustments()) {
                row(m, a.tier(), a.kind(), a.amount(), a.description(), a.evidence());
            }
            row(m, "", "adjusted debt", c.adjustedDebt(), c.complete() ? "reported + recognised + consolidate" : "at least: incomplete, see missing", List.of());
            row(m, "", "adjusted debt if probable items are called", c.adjustedDebtIfCalled(), "+ add when probable", List.of());
            m.close("tbody").nl().close("table").nl();
            m.el("p", "Adjusted debt / EBITDA " + CreditReport.x(c.debtToEbitda()) + "; EBITDA / interest " + CreditReport.x(c.ebitdaToInterest())
                    + "; operating income / interest " + CreditReport.x(c.ebitToInterest())).nl();
            if (!c.missing().isEmpty() || !c.obligations().missing().isEmpty()) {
                m.el("p", "Missing:").nl().open("ul").nl();
                for (String s : c.missing()) {
                    m.elInput("li", s).nl();
                }
                for (String s : c.obligations().missing()) {
                    m.elInput("li", s).nl();
                }
                m.close("ul").nl();
            }
        }
        m.close("section").nl();
    }

    private static void row(Markup m, String tier, String kind, Money amount, String text, List<Provenance> evidence) {
        m.open("tr").el("td", tier).el("td", kind).el("td", CreditReport.money(amount)).elInput("td", text)
                .elInput("td", String.join(", ", evidence.stream().map(Provenance::toString).toList())).close("tr").nl();
    }
}
