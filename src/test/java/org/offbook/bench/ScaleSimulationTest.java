package org.offbook.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The local simulation of docs/scale.md: many partitions, each evaluated on its own by one of
 * several worker threads (derivations included), merged by the driver, equal the findings of one
 * session over everything.
 */
class ScaleSimulationTest {

    @Test
    void filingsInOnePartitionPerComponentOnThreeWorkers() throws Exception {
        ScaleSimulation.Result r = ScaleSimulation.run(List.of(Path.of("filings")), List.of(Path.of("rules")), 1, 3);
        assertTrue(r.sizes().size() > 1, "several partitions: " + r.sizes());
        assertTrue(!r.single().isEmpty(), "the sample filings have findings");
        assertEquals(r.single(), r.merged());
    }

    @Test
    void secDataSetOfStatementsOnlyInManyBatchesOnFourWorkers() throws Exception {
        // 522 SEC filers with statements and no links: 522 components, batched
        ScaleSimulation.Result r = ScaleSimulation.run(List.of(Path.of("src/test/resources/sec/fsds-2010q2.zip")),
                List.of(Path.of("rules")), 100, 4);
        assertTrue(r.components() > 100, "one component per filer: " + r.components());
        assertTrue(r.sizes().size() > 10, "many partitions: " + r.sizes().size());
        assertEquals(r.single(), r.merged());
    }
}
