package org.offbook.model;

import java.math.BigDecimal;
import java.time.LocalDate;

@Doc("One figure a filing discloses in its notes about commitments and exposures kept off the balance sheet (or beside it), "
        + "as filed: read from an inline XBRL 10-K/10-Q through rules/xbrl-disclosures.csv, or written by hand.")
public record Disclosure(
        @Required @Ref @Key @Doc("The reporting entity.") String entity,
        @Required @Key @OneOf({"leases-not-commenced", "leases-not-commenced-term", "purchase-obligations", "vie-maximum-exposure",
                "guarantee-maximum-exposure", "lease-remaining-term", "equity-method-investee", "related-party-transaction",
                "debt"})
        @Doc("What the figure is: leases signed but not yet commenced (amount; -term: their lease term in years), unrecorded "
                + "purchase obligations, maximum exposure to loss from VIEs or under guarantees, weighted-average remaining "
                + "lease term, an equity-method investee's ownership or carrying amount, a related-party transaction, debt.") String kind,
        @Key @Doc("Which part of the kind: e.g. \"not-primary-beneficiary\" or \"primary-beneficiary\" for VIEs, the nature of a "
                + "guarantee, \"operating\" or \"finance\" for lease terms, \"minimum\"/\"maximum\" of a range, the investee or "
                + "related party, \"recourse\"/\"non-recourse\" for debt.") String qualifier,
        @Doc("The amount disclosed.") Money amount,
        @Share @Doc("The share disclosed (ownership), 0 to 1.") BigDecimal share,
        @NonNegative @Doc("The number of years disclosed (a lease term).") BigDecimal years,
        @Doc("First day of the period, for a figure that covers one (a transaction amount).") LocalDate start,
        @Required @Key @Doc("The balance-sheet date the figure is as of, or the last day of its period.") LocalDate end,
        @Key @Doc("The XBRL concept tagged, e.g. \"us-gaap:UnrecordedUnconditionalPurchaseObligationBalanceSheetAmount\".") String concept,
        @Doc("The XBRL dimensions of the tagged value, \"axis=member;axis=member\", empty when none.") String dimensions,
        @Doc("The decimals attribute of the tagged value (\"INF\" for exact), e.g. \"-6\": the figure is accurate to millions.") String decimals,
        @Doc("The id of the row of rules/xbrl-disclosures.csv that mapped the tagged value to this kind, when read from XBRL.") String mapping,
        @Doc("Currency of amounts written without a currency code.") String currency,
        String source,
        Provenance provenance) implements Fact {
}
