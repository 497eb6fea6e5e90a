package org.offbook.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;

/** {@code check --format xlsx}: a file format only, written whole, the same bytes each run. */
class XlsxCommandTest {

    @TempDir
    Path dir;

    @Test
    void xlsxIsWrittenToAFileOnlyAndTheSameEachRun() throws Exception {
        String rules = TestFiles.project("rules").toString();
        String hyperion = TestFiles.fixture("hyperion").toString();

        CheckCommandTest.Run none = CheckCommandTest.run("check", hyperion, "--rules", rules, "--format", "xlsx");
        assertEquals(Main.USAGE, none.code(), none.err());
        assertTrue(none.err().contains("--format xlsx is a binary file format: name the file with -o FILE"), none.err());
        assertEquals("", none.out());

        Path a = dir.resolve("a.xlsx");
        Path b = dir.resolve("b.xlsx");
        CheckCommandTest.Run first = CheckCommandTest.run("check", hyperion, "--rules", rules, "--format", "xlsx", "-o", a.toString());
        assertEquals(Main.FINDINGS, first.code(), first.err());
        assertEquals("", first.out());
        CheckCommandTest.Run second = CheckCommandTest.run("check", hyperion, "--rules", rules, "--report", "xlsx=" + b);
        assertEquals(Main.FINDINGS, second.code(), second.err());
        byte[] bytes = Files.readAllBytes(a);
        assertArrayEquals(new byte[] {'P', 'K', 3, 4}, Arrays.copyOf(bytes, 4), "a zip package");
        assertArrayEquals(bytes, Files.readAllBytes(b));
        assertFalse(second.out().isEmpty(), "the text report still goes to standard output");
    }
}
