package org.offbook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.offbook.TestFiles;
import org.offbook.model.ProgressListener;

/** Progress on a terminal for long runs; silence for short runs and without a terminal. */
class ProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String written() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void silentWithoutATerminal() {
        // the build runs tests without a console and without OFFBOOK_PROGRESS
        if (System.console() == null && System.getenv("OFFBOOK_PROGRESS") == null) {
            assertSame(Progress.NONE, Progress.forEnvironment());
        }
    }

    @Test
    void aCheckReportsItsStagesToTheListenerItIsGivenAndLeavesFinishingToTheCaller() {
        List<String> calls = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public synchronized void stage(String name) {
                calls.add(name);
            }

            @Override
            public synchronized void done() {
                calls.add("done");
            }
        };
        Check.run(new Check.Options(List.of(TestFiles.project("filings")), List.of(TestFiles.project("rules"))), listener);
        assertEquals(List.of("load", "resolve", "compile", "prepare", "insert", "rules", "findings", "report"), calls);
    }

    @Test
    void lineShowsStageCountsAndTimeThenIsCleared() {
        Progress.Terminal p = new Progress.Terminal(err, 0);
        p.stage("load");
        p.files(3);
        p.fileRead("a.csv", 1_200);
        p.fileRead("b.csv", 34_567);
        p.paint();
        assertTrue(written().startsWith("\roffbook: ["), written());
        assertTrue(written().contains("] load: 2/3 files, 34,567 facts read"), written());
        p.stage("insert");
        p.inserted(10_000, 34_567);
        assertTrue(p.line(12_300_000_000L).equals("offbook: [ 12.3 s] insert: 10,000/34,567 facts"), p.line(12_300_000_000L));
        p.stage("rules");
        p.fired(4_213);
        assertEquals("offbook: [  2.0 s] rules: 4,213 rule firings", p.line(2_000_000_000L));
        p.paint();
        p.done();
        String out = written();
        assertTrue(out.endsWith("\r"), "the line is cleared at the end: " + out);
        assertFalse(out.contains("\n"), "one line, overwritten in place: " + out);
    }

    @Test
    void aShortRunPrintsNothing() {
        Progress.Terminal p = new Progress.Terminal(err, Progress.Terminal.QUIET_NANOS);
        p.stage("load");
        p.fileRead("a.json", 88);
        p.paint(); // well within the first second
        p.stage("rules");
        p.fired(35);
        p.done();
        assertEquals("", written());
    }

    @Test
    void aLongRunRepaintsOnItsOwnAndStopsAtDone() throws InterruptedException {
        Progress p = Progress.terminal(err, 0);
        p.stage("rules");
        p.fired(7);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!written().contains("rules: 7 rule firings") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(written().contains("rules: 7 rule firings"), "the painter thread draws the line: " + written());
        p.done();
        String atDone = written();
        Thread.sleep(600);
        assertEquals(atDone, written(), "nothing is drawn after done()");
        assertTrue(atDone.endsWith("\r"));
    }
}
