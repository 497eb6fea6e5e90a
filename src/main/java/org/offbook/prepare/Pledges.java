package org.offbook.prepare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.offbook.model.Investment;
import org.offbook.model.Money;
import org.offbook.model.Standing;
import org.offbook.model.Pledge;
import org.offbook.model.Stake;

/**
 * The arithmetic behind PLEDGE-001 (a loan secured on listed shares), typed and tested here
 * rather than written in the rule: loan-to-value, the price fall the loan can bear, the share of
 * the issuer's equity pledged, and what the proceeds fund. The rule's declared message words it.
 */
public final class Pledges {

    private Pledges() {
    }

    /** True when the pledge's stated purpose names the investee (by id, or by id with '-' read as a space). */
    public static boolean funds(Pledge p, Investment i) {
        if (p.purpose() == null) {
            return false;
        }
        String text = p.purpose().toLowerCase(Locale.ROOT);
        String id = i.investee().toLowerCase(Locale.ROOT);
        return text.contains(id) || text.contains(id.replace('-', ' '));
    }

    /**
     * One investment the loan pays for: the investee (an entity id), its terms in words
     * ("(equity, completed; USD 2B)"), and whether another comes before it.
     */
    public record Use(String investee, String terms, boolean gap) {
    }

    /**
     * A pledge assessed: {@code outstanding} is the drawn amount, else the facility;
     * {@code utilisation} drawn / facility; {@code stake} the pledgor's latest stake in the issuer;
     * {@code equityPledged} the share of the issuer's equity pledged; {@code ltv} outstanding /
     * collateral value, {@code ltvFull} facility / collateral value when drawn is given;
     * {@code cushion} the price fall that leaves the loan unsecured (null at or above 100% LTV);
     * {@code uses} the investments the proceeds fund; {@code related} the issuer, lender and
     * investees (not the pledgor). Each is null when a figure it needs is not given.
     */
    public record Assessment(Money outstanding, BigDecimal utilisation, String sharesPledged, Stake stake, BigDecimal equityPledged,
                             BigDecimal ltv, BigDecimal ltvFull, BigDecimal cushion, List<Use> uses, List<String> related) {
    }

    public static Assessment assess(Pledge p, List<Stake> stakes, List<Investment> funded) {
        BigDecimal utilisation = p.facility() != null && p.drawn() != null ? p.drawn().ratio(p.facility()) : null;
        Stake stake = null;
        for (Stake s : stakes) {
            if (stake == null || (s.asOf() != null && (stake.asOf() == null || s.asOf().isAfter(stake.asOf())))) {
                stake = s;
            }
        }
        BigDecimal equityPledged = p.shareOfHolding() != null && stake != null ? stake.share().multiply(p.shareOfHolding()) : null;
        Money outstanding = p.drawn() != null ? p.drawn() : p.facility();
        BigDecimal ltv = p.collateralValue() == null ? null : outstanding.ratio(p.collateralValue());
        BigDecimal ltvFull = p.collateralValue() == null || p.facility() == null || p.drawn() == null ? null
                : p.facility().ratio(p.collateralValue());
        BigDecimal cushion = ltv == null || ltv.compareTo(BigDecimal.ONE) >= 0 ? null : BigDecimal.ONE.subtract(ltv);
        List<String> related = new ArrayList<>();
        related.add(p.sharesOf());
        if (p.lender() != null) {
            related.add(p.lender());
        }
        List<Investment> sorted = new ArrayList<>(funded);
        sorted.sort((a, b) -> a.provenance().compareTo(b.provenance()));
        List<Use> uses = new ArrayList<>();
        for (Investment i : sorted) {
            String form = i.form() == null ? "" : i.form() + ", ";
            String status = Standing.of(i.status(), i.sourceQuality(), "status not given");
            String amount = i.amount() == null ? "amount not given" : i.amount().display();
            uses.add(new Use(i.investee(), "(" + form + status + "; " + amount + ")", !uses.isEmpty()));
            if (!related.contains(i.investee())) {
                related.add(i.investee());
            }
        }
        related.remove(p.pledgor());
        String shares = p.sharesPledged() == null ? null : String.format(Locale.ROOT, "%,d", p.sharesPledged().longValue());
        return new Assessment(outstanding, utilisation, shares, stake, equityPledged, ltv, ltvFull, cushion, uses, related);
    }
}
