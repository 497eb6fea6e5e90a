package org.offbook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.offbook.engine.RuleRunner;
import org.offbook.load.FolderLoader;
import org.offbook.model.Fact;
import org.offbook.model.ProgressListener;
import org.offbook.prepare.Derivations;
import org.offbook.prepare.Partitions;
import org.offbook.reports.JsonReport;
import org.offbook.reports.Report;

/**
 * Partitioned evaluation gives the report a single session gives, byte for byte, on the sample
 * filings: with the default batching, and with every component a partition of its own evaluated
 * on several threads (the local simulation of docs/scale.md). The generated market is checked the
 * same way in {@code org.offbook.bench.PartitionedMarketTest}.
 */
class PartitionedEvaluationTest {

    private static final Check.Options FILINGS = new Check.Options(List.of(Path.of("filings")), List.of(Path.of("rules")));

    static String json(Partitioning how) throws IOException {
        Report r = Check.run(FILINGS, ProgressListener.NONE, how);
        StringWriter out = new StringWriter();
        new JsonReport().render(r, out);
        return out.toString();
    }

    @Test
    void filingsReportIsTheSameInOneSessionAndInPartitions() throws IOException {
        String one = json(Partitioning.ONE_SESSION);
        assertTrue(one.contains("\"ruleId\""), "the sample filings have findings");
        assertEquals(one, json(new Partitioning(true, 2, Partitioning.DEFAULT_TARGET_FACTS)));
        // every component a partition, four sessions at a time
        assertEquals(one, json(new Partitioning(true, 4, 1)));
    }

    @Test
    void partitionsAreWholeComponentsAndKeepEveryFactOnce() {
        List<Fact> facts = FolderLoader.load(List.of(Path.of("filings"))).facts();
        List<Object> derived = Derivations.derive(facts);
        Partitions.Plan plan = Partitions.of(facts, derived, 1);
        assertTrue(plan.partitions().size() > 1, "the sample filings hold more than one component: " + plan.components());
        assertEquals(plan.components(), plan.partitions().size(), "with a target of one fact, one partition per component");
        List<Object> all = new ArrayList<>();
        plan.partitions().forEach(all::addAll);
        assertEquals(facts.size() + derived.size(), all.size());
        java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        seen.addAll(all);
        assertEquals(all.size(), seen.size(), "no fact in two partitions");
        // an entity's facts are all in the partition that holds the entity
        for (List<Object> p : plan.partitions()) {
            java.util.Set<String> ids = new java.util.HashSet<>();
            p.stream().filter(o -> o instanceof org.offbook.model.Entity).forEach(o -> ids.add(((org.offbook.model.Entity) o).id()));
            for (Object o : p) {
                if (o instanceof org.offbook.model.Statement s) {
                    assertTrue(ids.contains(s.entity()), s.entity() + " is in the partition of its statements");
                }
            }
        }
        assertEquals(1, Partitions.of(facts, derived, Integer.MAX_VALUE).partitions().size(), "one batch when the target is the whole");
    }

    @Test
    void defaultRunUsesTheSystemProperties() {
        Partitioning d = Partitioning.fromSystemProperties();
        assertTrue(d.threads() >= 1);
        assertEquals(RuleRunner.Limits.DEFAULT.maxFirings(), FILINGS.limits().maxFirings());
    }
}
