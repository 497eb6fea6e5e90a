package org.offbook.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.offbook.TestFiles;
import org.offbook.model.Fact;
import org.offbook.load.FolderLoader;

class ExposureTest {

    private static List<Fact> filings() {
        return FolderLoader.load(List.of(TestFiles.project("filings"))).facts();
    }

    @Test
    void openAisCounterpartiesAndWhatTheyLose() {
        Exposure.Result r = Exposure.analyse(filings(), "openai", 3, new BigDecimal("0.10"));
        Set<String> first = r.items().stream().filter(i -> i.order() == 1).map(Exposure.Item::party).collect(Collectors.toSet());
        assertTrue(first.containsAll(Set.of("oracle", "microsoft", "nvidia", "amd", "amazon", "softbank")), first.toString());
        Exposure.Item oracle = r.items().stream().filter(i -> i.party().equals("oracle") && i.kind().equals("revenue and backlog"))
                .findFirst().orElseThrow();
        assertEquals("USD 300B", oracle.amount().display());
        assertTrue(oracle.description().contains("not binding"), oracle.description());
        assertTrue(oracle.facts().get(0).provenance().file().endsWith("oracle/openai-cloud-contract.json"));
        assertEquals("USD 250B", r.items().stream().filter(i -> i.party().equals("microsoft") && i.amount() != null)
                .findFirst().orElseThrow().amount().display());
    }

    @Test
    void lossesTravelOnwardThroughVehiclesToTheirLenders() {
        Exposure.Result r = Exposure.analyse(filings(), "openai", 3, new BigDecimal("0.10"));
        assertEquals(List.of("oracle", "vantage-stargate-texas", "vantage-stargate-wisconsin"), r.failing());
        Exposure.Item lender = r.items().stream().filter(i -> i.order() == 3 && i.party().equals("jpmorgan")).findFirst().orElseThrow();
        assertEquals(List.of("openai", "oracle", "vantage-stargate-texas", "jpmorgan"), lender.chain());
        assertEquals("USD 23.25B", lender.amount().display());
    }

    @Test
    void aCompanyWhoseLossIsSmallAgainstItsRevenueStopsThePropagation() {
        // Oracle loses USD 300B against USD 57.4B of revenue: it fails at any share up to 5.2
        assertTrue(Exposure.analyse(filings(), "openai", 3, new BigDecimal("5")).failing().contains("oracle"));
        assertTrue(!Exposure.analyse(filings(), "openai", 3, new BigDecimal("6")).failing().contains("oracle"));
        assertTrue(Exposure.analyse(filings(), "openai", 1, new BigDecimal("0.10")).items().stream().allMatch(i -> i.order() == 1));
    }
}
