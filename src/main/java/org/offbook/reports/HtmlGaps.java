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
    static void amount(Markup m, Finding f) {
        Finding.Framing fr = f.framing();
        m.el("dt", "Amount").open("dd");
        if (f.amount() == null) {
            m.text("none stated");
        } else {
            m.text(f.amount().display());
            if (fr.amountKind() != null) {
                m.text(" ").el("span", "(" + fr.amountKind() + ")", "class", "muted");
            }
            if (!fr.counted()) {
                m.text("; the same money as finding ").el("code", String.join(", ", fr.sameMoneyAs())).text(", counted once there");
            } else if (!fr.sameMoneyAs().isEmpty()) {
                m.text("; counted here once for the findings ").el("code", String.join(", ", fr.sameMoneyAs())).text(" on the same money");
            }
        }
        m.close("dd").nl();
        if (fr.materiality() != null) {
            m.el("dt", "Size").elInput("dd", fr.materiality()).nl();
        }
        if (!fr.assumed().isEmpty()) {
            m.el("dt", "Assumed").elInput("dd", String.join("; ", fr.assumed())).nl();
        }
        if (fr.structure() != null) {
            m.el("dt", "Structure").open("dd").elInput("code", fr.structure()).close("dd").nl();
        }
    }

    /** The not-assessed findings, apart from the risks; nothing when there are none. */
    static void section(Markup m, Report r) {
        if (r.gaps().isEmpty()) {
            return;
        }
        m.open("section", "id", "not-assessed", "aria-labelledby", "gaps-h").nl()
                .el("h2", "Not assessed (" + r.gaps().size() + ")", "id", "gaps-h").nl()
                .el("p", "Questions the inputs given cannot settle: gaps to fill, not risks. They are outside the counts above and outside --fail-on"
                        + (r.failOnGaps() ? " (except that --fail-on-gaps counts them)" : "") + ".").nl();
        m.open("table", "class", "gaps").nl().open("thead").open("tr");
        for (String h : java.util.List.of("Rule", "Company", "What is open", "Would be settled by")) {
            m.el("th", h, "scope", "col");
        }
        m.close("tr").close("thead").nl().open("tbody").nl();
        for (Finding f : r.gaps()) {
            m.open("tr").elInput("td", f.ruleId(), "class", "mono").elInput("td", f.subjectName())
                    .open("td").input(f.explanation() == null ? f.title() : f.explanation()).empty("br")
                    .el("span", f.fingerprint(), "class", "muted").close("td")
                    .elInput("td", f.framing().missing()).close("tr").nl();
        }
        m.close("tbody").nl().close("table").nl().close("section").nl();
    }
}
