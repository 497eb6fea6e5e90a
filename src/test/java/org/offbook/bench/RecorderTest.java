package org.offbook.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.offbook.pipeline.Progress;

/** The benchmark's stage timer, which passes progress calls on. */
class RecorderTest {

    @Test
    void recorderTimesStagesAndPassesCallsOn() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Recorder r = new Recorder(Progress.terminal(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        r.start("setup");
        r.stage("load");
        r.fired(7);
        Map<String, Long> ms = r.finish();
        assertEquals(List.of("setup", "load"), List.copyOf(ms.keySet()));
        assertEquals(7, r.firings());
        assertEquals(List.of("setup", "load", "(after)"), r.timeline().stream().map(Profile.Mark::stage).toList());
        r.done();
        assertEquals("", bytes.toString(StandardCharsets.UTF_8), "nothing is drawn in the first second");
    }
}
