package org.offbook.prepare.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.offbook.model.Cycle;
import org.offbook.model.Money;
import org.offbook.model.Provenance;
import org.offbook.model.Stake;

class CycleFinderTest {

    private static final Stake ANY = new Stake("a", "b", java.math.BigDecimal.ONE, null, null, null, null, "t", new Provenance("t", 1));

    static Link link(String from, String to, String kind) {
        return new Link(from, to, kind, null, true, kind, ANY);
    }

    static MoneyGraph graph(String... edges) {
        MoneyGraph g = new MoneyGraph();
        for (String e : edges) {
            String[] p = e.split(">");
            g.add(link(p[0], p[1], "purchase"));
        }
        return g;
    }

    @Test
    void aTriangleIsOneCycleStartingAtItsSmallestEntity() {
        CycleFinder.Result r = CycleFinder.find(graph("b>c", "c>a", "a>b"), 6, 100);
        assertEquals(List.of(List.of("a", "b", "c")), r.cycles());
        assertFalse(r.truncated());
    }

    @Test
    void countsEverySimpleCycleOfACompleteDigraphOnce() {
        // complete digraph on 4 nodes: C(4,2)*1! + C(4,3)*2! + C(4,4)*3! = 6 + 8 + 6 = 20 simple cycles
        String[] edges = new String[12];
        int k = 0;
        for (String a : List.of("a", "b", "c", "d")) {
            for (String b : List.of("a", "b", "c", "d")) {
                if (!a.equals(b)) {
                    edges[k++] = a + ">" + b;
                }
            }
        }
        List<List<String>> all = CycleFinder.find(graph(edges), 6, 1000).cycles();
        assertEquals(20, all.size());
        assertEquals(20, new HashSet<>(all).size(), "each cycle once");
        assertEquals(14, CycleFinder.find(graph(edges), 3, 1000).cycles().size(), "length cap: 6 two-cycles and 8 three-cycles");
    }

    @Test
    void noCycleAcrossComponentsOrInADag() {
        assertEquals(List.of(), CycleFinder.find(graph("a>b", "b>c", "a>c", "c>d"), 6, 100).cycles());
        assertEquals(List.of(List.of("x", "y")), CycleFinder.find(graph("a>b", "b>x", "x>y", "y>x", "y>c"), 6, 100).cycles());
    }

    @Test
    void theCapStopsTheSearchAndSaysSo() {
        CycleFinder.Result r = CycleFinder.find(graph("a>b", "b>a", "b>c", "c>b", "c>a", "a>c"), 6, 2);
        assertEquals(2, r.cycles().size());
        assertTrue(r.truncated());
    }

    @Test
    void componentsAreStronglyConnectedOnes() {
        int[] comp = CycleFinder.components(new int[][] {{1}, {2}, {0, 3}, {}});
        assertEquals(comp[0], comp[1]);
        assertEquals(comp[1], comp[2]);
        assertTrue(comp[3] != comp[0]);
    }

    @Test
    void aCycleStartsWithTheEntityThatFundsAndIsPaidBack() {
        MoneyGraph g = new MoneyGraph();
        g.add(new Link("nvidia", "openai", "investment", Money.parse("USD 100B", null), false, "invests USD 100B", ANY));
        g.add(new Link("openai", "oracle", "purchase", Money.parse("USD 300B", null), false, "buys cloud", ANY));
        g.add(new Link("oracle", "nvidia", "purchase", Money.parse("USD 40B", null), true, "buys gpus", ANY));
        List<Cycle> cycles = Cycles.of(g, CycleFinder.find(g, 6, 10), Map.of("nvidia", "NVIDIA"));
        Cycle c = cycles.get(0);
        assertEquals("nvidia", c.origin());
        assertEquals(List.of("nvidia", "openai", "oracle"), c.entities());
        assertFalse(c.binding());
        assertEquals("USD 40B", c.smallestAmount().display());
        assertEquals(Set.of("investment", "purchase"), Set.copyOf(c.kinds()));
        assertTrue(c.path().startsWith("NVIDIA -> openai: invests USD 100B; openai -> oracle: buys cloud"), c.path());
    }
}
