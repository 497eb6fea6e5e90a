package org.offbook.reports;

import org.offbook.model.Finding;

/**
 * The parts of the HTML report that frame findings (issue 16): the amount with its kind, whether it
 * is counted here or in another finding on the same money, its weight against the subject's size and
 * the assumptions behind it; and the section of not-assessed findings, kept apart from the risks.
 */
final class HtmlGaps {

    private HtmlGaps() {
    }

    /** The definition-list entries for a finding's amount and framing. */
    static String amount(Finding f) {
        StringBuilder sb = new StringBuilder();
        Finding.Framing fr = f.framing();
        sb.append("<dt>Amount</dt><dd>");
        if (f.amount() == null) {
            sb.append("none stated");
        } else {
            sb.append(Html.text(f.amount().display()));
            if (fr.amountKind() != null) {
                sb.append(" <span class=\"muted\">(").append(Html.text(fr.amountKind())).append(")</span>");
            }
            if (!fr.counted()) {
                sb.append("; the same money as finding <code>").append(Html.text(String.join(", ", fr.sameMoneyAs())))
                        .append("</code>, counted once there");
            } else if (!fr.sameMoneyAs().isEmpty()) {
                sb.append("; counted here once for the findings <code>").append(Html.text(String.join(", ", fr.sameMoneyAs())))
                        .append("</code> on the same money");
            }
        }
        sb.append("</dd>\n");
        if (fr.materiality() != null) {
            sb.append("<dt>Size</dt><dd>").append(Html.isolate(fr.materiality())).append("</dd>\n");
        }
        if (!fr.assumed().isEmpty()) {
            sb.append("<dt>Assumed</dt><dd>").append(Html.isolate(String.join("; ", fr.assumed()))).append("</dd>\n");
        }
        if (fr.structure() != null) {
            sb.append("<dt>Structure</dt><dd><code>").append(Html.isolate(fr.structure())).append("</code></dd>\n");
        }
        return sb.toString();
    }

    /** The not-assessed findings, apart from the risks; empty when there are none. */
    static String section(Report r) {
        if (r.gaps().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("<section id=\"not-assessed\" aria-labelledby=\"gaps-h\">\n<h2 id=\"gaps-h\">Not assessed (")
                .append(r.gaps().size()).append(")</h2>\n<p>Questions the inputs given cannot settle: gaps to fill, not risks. ")
                .append("They are outside the counts above and outside --fail-on")
                .append(r.failOnGaps() ? " (except that --fail-on-gaps counts them)" : "").append(".</p>\n")
                .append("<table class=\"gaps\">\n<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Company</th>")
                .append("<th scope=\"col\">What is open</th><th scope=\"col\">Would be settled by</th></tr></thead>\n<tbody>\n");
        for (Finding f : r.gaps()) {
            sb.append("<tr><td class=\"mono\">").append(Html.isolate(f.ruleId())).append("</td><td>").append(Html.isolate(f.subjectName()))
                    .append("</td><td>").append(Html.isolate(f.explanation() == null ? f.title() : f.explanation()))
                    .append("<br/><span class=\"muted\">").append(Html.text(f.fingerprint())).append("</span></td><td>")
                    .append(Html.isolate(f.framing().missing())).append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n</section>\n");
        return sb.toString();
    }
}
