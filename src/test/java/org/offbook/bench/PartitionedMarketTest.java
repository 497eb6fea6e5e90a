package org.offbook.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.model.ProgressListener;
import org.offbook.pipeline.Check;
import org.offbook.pipeline.Partitioning;
import org.offbook.reports.JsonReport;
import org.offbook.reports.Report;

/**
 * A generated market checked in one session and in many partitions on several threads gives the
 * same report byte for byte, with every planted finding (the local simulation of docs/scale.md at
 * a small size; the benchmark repeats the comparison at every size it measures).
 */
class PartitionedMarketTest {

    @TempDir
    static Path tmp;

    @Test
    void marketReportIsTheSameInOneSessionAndInManyPartitions() throws IOException {
        Path market = tmp.resolve("market");
        MarketGenerator.Summary s = MarketGenerator.generate(new MarketGenerator.Spec(200, 11, 3, MarketGenerator.Layout.TABLES), market);
        Check.Options o = new Check.Options(List.of(market), List.of(Path.of("rules")));
        String one = json(o, Partitioning.ONE_SESSION);
        String many = json(o, new Partitioning(true, 4, 50));
        String batched = json(o, new Partitioning(true, 2, Partitioning.DEFAULT_TARGET_FACTS));
        assertTrue(s.planted().size() > 0);
        assertEquals(one, many);
        assertEquals(one, batched);
    }

    private static String json(Check.Options o, Partitioning how) throws IOException {
        Report r = Check.run(o, ProgressListener.NONE, how);
        StringWriter out = new StringWriter();
        new JsonReport().render(r, out);
        return out.toString();
    }
}
