package org.offbook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.offbook.model.RuleInfo;
import org.offbook.model.RuleMessages;
import org.offbook.model.Standing;

/** `rules verify` refuses a rule whose text cites no standard of the framework of the entity it reports on (issue 16). */
class CitationCheckTest {

    private static RuleInfo rule(String standards, String ifrs, String explain) {
        return new RuleInfo("X-001", "X", "high", "t", List.of(standards.split(";\\s*")), "X-001 t", "rules/x/X-001.drl", 1, "doc",
                "k", new RuleMessages(explain, null, null, List.of()), ifrs == null ? List.of() : List.of(ifrs.split(";\\s*")));
    }

    @Test
    void aRuleCitingItsFrameworksPasses() {
        assertEquals(List.of(), RuleVerifier.citationProblems(rule("ASC 440-10-50-1", null, "Pledged (ASC 440-10-50-1).")));
        assertEquals(List.of(), RuleVerifier.citationProblems(rule("ASC 440-10-50-1", "IFRS 7.14",
                "Pledged{!ifrs} (ASC 440-10-50-1){/ifrs}{?ifrs} (IFRS 7.14){/ifrs}.")));
    }

    @Test
    void anExplanationWithoutAnyAscParagraphFails() {
        List<String> p = RuleVerifier.citationProblems(rule("ASC 205-40-50-12", null, "Interest exceeds operating income."));
        assertEquals(List.of("its explanation cites no US GAAP paragraph (ASC ...) for a US GAAP reporter"), p);
    }

    @Test
    void anAscCitationOnlyInsideTheIfrsWordingDoesNotCountForUsGaap() {
        List<String> p = RuleVerifier.citationProblems(rule("ASC 440-10-50-1", "IFRS 7.14", "Pledged{?ifrs} (IFRS 7.14; see ASC 440-10-50-1){/ifrs}."));
        assertEquals(List.of("its explanation cites no US GAAP paragraph (ASC ...) for a US GAAP reporter"), p);
    }

    @Test
    void aRuleDeclaringIfrsMustCiteIfrsForAnIfrsReporter() {
        List<String> p = RuleVerifier.citationProblems(rule("ASC 440-10-50-1", "IFRS 7.14", "Pledged (ASC 440-10-50-1)."));
        assertEquals(List.of("it declares @ifrs but its explanation cites no IFRS or IAS paragraph for an IFRS reporter (use {?ifrs}...{/ifrs})"), p);
        assertTrue(RuleVerifier.citationProblems(rule("ASC 440-10-50-1", "ASC 860-30-25-5", "Pledged (ASC 440-10-50-1){?ifrs} (IFRS 7.14){/ifrs}."))
                .contains("@ifrs cites no IFRS or IAS paragraph"));
        assertTrue(RuleVerifier.citationProblems(rule("ASC 440-10-50-1", null, "Pledged (ASC 440-10-50-1){?ifrs} (IFRS 7.14){/ifrs}."))
                .contains("its explanation has {?ifrs} wording but the rule declares no @ifrs standards"));
    }

    @Test
    void legalStatusAndSourceQualityReadAsTwoThings() {
        assertEquals("agreed and binding, as reported in the press, not confirmed by a filing", Standing.of("definitive", "press-reported", "-"));
        assertEquals("a non-binding letter of intent, as filed", Standing.of("letter-of-intent", "filed", "-"));
        assertEquals("no status given", Standing.of(null, null, "no status given"));
        assertEquals("GPUs", Standing.what("gpus"));
        assertEquals("cloud capacity", Standing.what("cloud-capacity"));
    }
}
