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

    static void render(StringBuilder sb, List<Credit> views) {
        if (views == null || views.isEmpty()) {
            return;
        }
        sb.append("<section id=\"credit\" aria-labelledby=\"credit-h\">\n<h2 id=\"credit-h\">Credit view</h2>\n");
        for (Credit c : views) {
            sb.append("<h3>").append(Html.text(c.name())).append(" (").append(Html.text(c.entity())).append(")</h3>\n");
            sb.append("<table class=\"credit\">\n<thead><tr><th scope=\"col\">Tier</th><th scope=\"col\">Item</th>")
                    .append("<th scope=\"col\">Amount</th><th scope=\"col\">Why</th><th scope=\"col\">Evidence</th></tr></thead>\n<tbody>\n");
            row(sb, "reported", "reported debt", c.reportedDebt(), c.reportedBasis(), c.reportedEvidence());
            for (Credit.Adjustment a : c.adjustments()) {
                row(sb, a.tier(), a.kind(), a.amount(), a.description(), a.evidence());
            }
            row(sb, "", "adjusted debt", c.adjustedDebt(), c.complete() ? "reported + recognised + consolidate" : "at least: incomplete, see missing", List.of());
            row(sb, "", "adjusted debt if probable items are called", c.adjustedDebtIfCalled(), "+ add when probable", List.of());
            sb.append("</tbody>\n</table>\n<p>Adjusted debt / EBITDA ").append(Html.text(CreditReport.x(c.debtToEbitda())))
                    .append("; EBITDA / interest ").append(Html.text(CreditReport.x(c.ebitdaToInterest())))
                    .append("; operating income / interest ").append(Html.text(CreditReport.x(c.ebitToInterest()))).append("</p>\n");
            if (!c.missing().isEmpty() || !c.obligations().missing().isEmpty()) {
                sb.append("<p>Missing:</p>\n<ul>\n");
                for (String m : c.missing()) {
                    sb.append("<li>").append(Html.text(m)).append("</li>\n");
                }
                for (String m : c.obligations().missing()) {
                    sb.append("<li>").append(Html.text(m)).append("</li>\n");
                }
                sb.append("</ul>\n");
            }
        }
        sb.append("</section>\n");
    }

    private static void row(StringBuilder sb, String tier, String kind, Money amount, String text, List<Provenance> evidence) {
        sb.append("<tr><td>").append(Html.text(tier)).append("</td><td>").append(Html.text(kind)).append("</td><td>")
                .append(Html.text(CreditReport.money(amount))).append("</td><td>").append(Html.text(text)).append("</td><td>")
                .append(Html.text(String.join(", ", evidence.stream().map(Provenance::toString).toList()))).append("</td></tr>\n");
    }
}
