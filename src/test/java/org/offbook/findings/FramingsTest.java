package org.offbook.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.offbook.model.Finding;
import org.offbook.model.Money;
import org.offbook.model.Provenance;
import org.offbook.model.Severity;
import org.offbook.model.Statement;
import org.offbook.model.Threshold;

/** Issue 16, items 6 and 7: the same money counted once; severity scaled by the subject's size, or said to be unscaled. */
class FramingsTest {

    static final List<Threshold> T = List.of(
            new Threshold("materiality.minor.max", new BigDecimal("0.01"), "share", "", new Provenance("t", 1)),
            new Threshold("materiality.moderate.max", new BigDecimal("0.05"), "share", "", new Provenance("t", 2)),
            new Threshold("materiality.major.min", new BigDecimal("0.25"), "share", "", new Provenance("t", 3)));

    static Finding finding(String print, String rule, Severity s, String subject, Money amount, String kind, String partOf,
                           String... entities) {
        Finding.Framing fr = new Finding.Framing(Finding.RISK, null, kind, null, null, List.of(), true, List.of(), partOf, false);
        return new Finding(print, rule, rule.substring(0, rule.indexOf('-')), s, "t", subject, subject + " Inc.", List.of(entities),
                amount, "x", null, null, List.of("ASC 1"), List.of(), rule, "r.drl", Finding.Triage.NEW, fr);
    }

    static Statement equity(String entity, String amount) {
        return new Statement(entity, "FY2025", null, LocalDate.of(2025, 12, 31), null, null, null, null, null, null,
                Money.parse(amount, "USD"), null, null, null, null, null, null, null, null, null, "test", new Provenance("s.json", 1));
    }

    static Statement revenue(String entity, String amount) {
        return new Statement(entity, "FY2025", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), null, Money.parse(amount, "USD"),
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, "test", new Provenance("s.json", 2));
    }

    @Test
    void fiveFindingsOnOneVehicleDebtCountItOnce() {
        Money debt = Money.parse("USD 27.3B", "USD");
        List<Finding> in = List.of(
                finding("a1", "SPV-001", Severity.HIGH, "meta", debt, "debt-like", null, "meta", "beignet"),
                finding("a2", "SPV-002", Severity.MEDIUM, "meta", debt, "debt-like", null, "meta", "beignet"),
                finding("a3", "LEASE-001", Severity.MEDIUM, "meta", debt, "debt-like", null, "meta", "beignet"),
                finding("b1", "LEASE-007", Severity.INFO, "meta", Money.parse("USD 34.12B", "USD"), "debt-like", null, "meta"));
        List<Finding> out = Framings.apply(in, List.of(), T);
        List<Finding> counted = out.stream().filter(f -> f.framing().counted()).toList();
        assertEquals(List.of("a1", "b1"), counted.stream().map(Finding::fingerprint).toList(), "USD 27.3B counted once, in the first");
        Finding a3 = out.stream().filter(f -> f.fingerprint().equals("a3")).findFirst().orElseThrow();
        assertEquals(List.of("a1", "a2"), a3.framing().sameMoneyAs());
        assertEquals("beignet+meta", a3.framing().structure());
        assertTrue(a3.framing().materiality().contains("The size of meta Inc. is not known here"), a3.framing().materiality());
        assertEquals(Severity.MEDIUM, a3.severity(), "size unknown: the rule's own severity");
    }

    @Test
    void declaredPartIsLinkedToTheWholeAndNotCountedAgain() {
        List<Finding> in = List.of(
                finding("c1", "COVER-001", Severity.HIGH, "coreweave", Money.parse("USD 1.148B", "USD"), "debt-service", null, "coreweave"),
                finding("c2", "COVER-002", Severity.HIGH, "coreweave", Money.parse("USD 577.6M", "USD"), "debt-service", "COVER-001",
                        "coreweave"));
        List<Finding> out = Framings.apply(in, List.of(), T);
        assertTrue(out.get(0).framing().counted());
        assertFalse(out.get(1).framing().counted());
        assertEquals(List.of("c1"), out.get(1).framing().sameMoneyAs());
    }

    @Test
    void severityFollowsTheAmountAgainstTheSubjectsSize() {
        Money guarantees = Money.parse("USD 4.6B", "USD");
        Money vehicleDebt = Money.parse("USD 38B", "USD");
        List<Finding> in = List.of(
                finding("g", "GUAR-001", Severity.HIGH, "google", guarantees, "contingent-maximum", null, "google", "fluidstack"),
                finding("o", "SPV-003", Severity.MEDIUM, "oracle", vehicleDebt, "debt-like", null, "oracle", "vantage"),
                finding("n", "LOI-001", Severity.MEDIUM, "oracle", Money.parse("USD 300B", "USD"), "non-binding", null, "oracle", "openai"));
        List<Finding> out = Framings.apply(in, List.of(equity("google", "USD 386B"), revenue("oracle", "USD 57.4B")), T);
        Finding g = out.stream().filter(f -> f.fingerprint().equals("g")).findFirst().orElseThrow();
        assertEquals(Severity.MEDIUM, g.severity(), "1.2% of equity: capped at medium");
        assertTrue(g.framing().materiality().startsWith("USD 4.6B is 1.2% of google Inc.'s equity of USD 386B (FY2025): severity lowered"),
                g.framing().materiality());
        Finding o = out.stream().filter(f -> f.fingerprint().equals("o")).findFirst().orElseThrow();
        assertEquals(Severity.HIGH, o.severity(), "66% of revenue (no equity given): at least high");
        assertTrue(o.framing().materiality().contains("of oracle Inc.'s revenue of USD 57.4B"), o.framing().materiality());
        Finding n = out.stream().filter(f -> f.fingerprint().equals("n")).findFirst().orElseThrow();
        assertEquals(Severity.MEDIUM, n.severity(), "a non-binding amount is never raised by its size");
    }
}
