package org.offbook.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.offbook.cli.Main;

/**
 * Every hostile or broken input of {@link BadInputs}, each through the real command line beside a
 * good filing: the user sees one line naming file, line and field; the exit code is the documented
 * one; nothing leaks a stack trace; the good filing is still loaded and its finding reported; the
 * counts reconcile; and the bad file is named in every report format.
 */
class BadInputSuiteTest {

    @TempDir
    Path root;

    static Stream<BadInputs.Case> cases() {
        return BadInputs.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isReportedOnOneLineAndTheRestIsStillChecked(BadInputs.Case c) {
        Hostile.caseFolder(root);
        c.writeInto(root);
        Hostile.Run r = Hostile.check(root, c.args().toArray(String[]::new));
        Hostile.assertNoLeaks(r);
        assertEquals(c.exit(), r.code(), () -> "exit code; standard error:\n" + r.err());
        Hostile.assertErrors(r, c.errors());
        Hostile.assertGoodFindingReported(r);
        JsonNode report = r.json();
        Hostile.assertReconciled(report);
        Hostile.assertEveryRejectionListed(report);
        Hostile.assertNamedEverywhere(r, c.badFile());
        Hostile.assertErrorsInEveryFormat(r);
    }

    @Test
    void thereAreAtLeastThirtyCasesWithDistinctNamesAndFiles() {
        List<BadInputs.Case> all = BadInputs.all();
        assertTrue(all.size() >= 30, "cases: " + all.size());
        assertEquals(all.size(), all.stream().map(BadInputs.Case::name).distinct().count(), "case names are distinct");
        assertEquals(all.size(), all.stream().map(BadInputs.Case::badFile).distinct().count(), "bad files are distinct");
    }

    /**
     * A file the user cannot read. As root, {@code chmod 000} does not stop reads: then the file is
     * simply read (and its fact loaded); otherwise it is reported and the rest is checked.
     */
    @Test
    void anUnreadableFileIsReportedOrWhereThePermissionDoesNotApplyRead() throws Exception {
        Hostile.caseFolder(root);
        Path locked = root.resolve("in/locked.json");
        Hostile.write(root, "in/locked.json", BadInputs.doc("roles", "{\"entity\": \"meta\", \"target\": \"beignet\", \"role\": \"operator\"}"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            boolean readable;
            try (InputStream in = Files.newInputStream(locked)) {
                readable = in.read() >= 0;
            } catch (java.io.IOException e) {
                readable = false;
            }
            Hostile.Run r = Hostile.check(root);
            Hostile.assertNoLeaks(r);
            Hostile.assertGoodFindingReported(r);
            Hostile.assertReconciled(r.json());
            if (readable) {
                // running as root (or with CAP_DAC_OVERRIDE): the permission bits do not apply
                assertEquals(Main.FINDINGS, r.code(), r.err());
                assertEquals(List.of(), r.errorLines());
                assertTrue(r.out().contains("\"file\": \"in/locked.json\",\n        \"format\": \"json\",\n        \"read\": 1,\n        \"loaded\": 1"),
                        r.out());
            } else {
                assertEquals(Main.LOAD_ERRORS, r.code(), r.err());
                Hostile.assertErrors(r, List.of("in/locked.json: cannot read: permission denied"));
                Hostile.assertNamedEverywhere(r, "in/locked.json");
                Hostile.assertErrorsInEveryFormat(r);
            }
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
