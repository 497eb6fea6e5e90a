package org.offbook.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.offbook.Progress;

/** Progress on a terminal, silence elsewhere, and the benchmark's stage timer. */
class ProgressTest {

    @Test
    void silentWithoutATerminal() {
        // tests run without a console (and the build does not set OFFBOOK_PROGRESS=on)
        if (System.console() == null && System.getenv("OFFBOOK_PROGRESS") == null) {
            assertSame(Progress.NONE, Progress.forEnvironment());
        }
    }

    @Test
    void terminalLineShowsTheStageAndIsClearedAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = Progress.terminal(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        p.stage("load");
        p.files(3);
        p.fileRead("a.csv", 10);
        p.stage("rules");
        p.fired(42);
        p.stage("findings");
        p.done();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("] load"), out);
        assertTrue(out.contains("] rules"), out);
        assertTrue(out.contains("findings: 42 rule firings"), out);
        assertTrue(out.endsWith("\r"), "the line is cleared: " + out);
        assertTrue(!out.contains("\n"), "one line, overwritten: " + out);
    }

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
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("] load"));
    }
}
