package org.offbook.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;
import org.offbook.load.FolderLoader;
import org.offbook.pipeline.Check;

/** The compiled rule base cache: reused when the DRL is the same, never when it changed, harmless when broken. */
class RuleBaseCacheTest {

    @TempDir
    Path tmp;

    private List<String> findings(CompiledRules rules) {
        return Check.evaluate(rules, FolderLoader.load(List.of(TestFiles.project("filings"))).facts(), RuleRunner.Limits.DEFAULT)
                .findings().stream().map(f -> f.fingerprint() + " " + f.explanation()).toList();
    }

    private List<String> findingsBesides(String ruleId, CompiledRules rules) {
        return Check.evaluate(rules, FolderLoader.load(List.of(TestFiles.project("filings"))).facts(), RuleRunner.Limits.DEFAULT)
                .findings().stream().filter(f -> !f.ruleId().equals(ruleId)).map(f -> f.fingerprint() + " " + f.explanation())
                .sorted().toList();
    }

    @Test
    void secondCompileComesFromTheCacheWithTheSameFindings() throws Exception {
        Path rules = tmp.resolve("rules");
        TestFiles.copyTree(TestFiles.project("rules"), rules);
        RuleBaseCache cache = new RuleBaseCache(tmp.resolve("cache"));
        CompiledRules cold = RuleCompiler.compile(List.of(rules), cache);
        CompiledRules warm = RuleCompiler.compile(List.of(rules), cache);
        assertFalse(cold.fromCache());
        assertTrue(warm.fromCache());
        assertEquals(cold.rules(), warm.rules(), "metadata, files and lines survive the cache");
        assertEquals(findings(cold), findings(warm));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("cache"))));
    }

    @Test
    void aChangedRuleIsCompiledAfresh() throws Exception {
        Path rules = tmp.resolve("rules");
        TestFiles.copyTree(TestFiles.project("rules"), rules);
        RuleBaseCache cache = new RuleBaseCache(tmp.resolve("cache"));
        RuleCompiler.compile(List.of(rules), cache);
        Path drl = rules.resolve("spv/SPV-001.drl");
        Files.writeString(drl, Files.readString(drl).replace("@severity(\"high\")", "@severity(\"critical\")"));
        CompiledRules changed = RuleCompiler.compile(List.of(rules), cache);
        assertFalse(changed.fromCache());
        assertEquals("critical", changed.rules().stream().filter(r -> r.id().equals("SPV-001")).findFirst().orElseThrow().severity());
    }

    @Test
    void aRuleEditRecompilesOnlyItsPackage() throws Exception {
        Path rules = tmp.resolve("rules");
        TestFiles.copyTree(TestFiles.project("rules"), rules);
        RuleBaseCache first = new RuleBaseCache(tmp.resolve("cache"));
        CompiledRules before = RuleCompiler.compile(List.of(rules), first);
        int packages = first.misses();
        assertTrue(packages > 10, "one DRL package per rule family, each compiled and cached: " + packages);
        assertEquals(0, first.hits());
        Path drl = rules.resolve("cover/COVER-001.drl");
        Files.writeString(drl, Files.readString(drl).replace("@severity(\"high\")", "@severity(\"medium\")"));
        RuleBaseCache cache = new RuleBaseCache(tmp.resolve("cache"));
        CompiledRules after = RuleCompiler.compile(List.of(rules), cache);
        assertEquals(1, cache.misses(), "only offbook.rules.cover is compiled again");
        assertEquals(packages - 1, cache.hits());
        assertFalse(after.fromCache());
        assertEquals(List.of(), after.errors());
        assertEquals("medium", after.rules().stream().filter(r -> r.id().equals("COVER-001")).findFirst().orElseThrow().severity());
        assertEquals(before.rules().size(), after.rules().size());
        assertEquals(findingsBesides("COVER-001", before), findingsBesides("COVER-001", after));
    }

    @Test
    void aCorruptEntryIsIgnoredAndReplaced() throws Exception {
        Path rules = tmp.resolve("rules");
        TestFiles.copyTree(TestFiles.project("rules"), rules);
        Path dir = tmp.resolve("cache");
        RuleBaseCache cache = new RuleBaseCache(dir);
        CompiledRules cold = RuleCompiler.compile(List.of(rules), cache);
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                Files.write(p, new byte[] {1, 2, 3});
            }
        }
        CompiledRules again = RuleCompiler.compile(List.of(rules), cache);
        assertFalse(again.fromCache());
        assertEquals(List.of(), again.errors());
        assertEquals(findings(cold), findings(again));
        assertTrue(RuleCompiler.compile(List.of(rules), cache).fromCache(), "rebuilt entry is used next time");
    }

    @Test
    void buildsWithErrorsAreNotCached() {
        TestFiles.write(tmp, "rules/bad.drl", "package x;\nrule \"r\" when Foo( then end\n");
        RuleBaseCache cache = new RuleBaseCache(tmp.resolve("cache"));
        RuleCompiler.compile(List.of(tmp.resolve("rules")), cache);
        assertFalse(Files.exists(tmp.resolve("cache")) && tmp.resolve("cache").toFile().list().length > 0);
    }

    /** Issue 13, item 13: one changed byte makes the entry a miss that is rebuilt, never 0 findings. */
    @Test
    void oneChangedByteInAnEntryIsDetectedAndTheEntryRebuilt() throws Exception {
        Path rules = tmp.resolve("rules");
        TestFiles.copyTree(TestFiles.project("rules"), rules);
        Path dir = tmp.resolve("cache");
        RuleBaseCache cache = new RuleBaseCache(dir);
        CompiledRules cold = RuleCompiler.compile(List.of(rules), cache);
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                byte[] b = Files.readAllBytes(p);
                b[b.length / 2] ^= 0x01;
                Files.write(p, b);
            }
        }
        CompiledRules again = RuleCompiler.compile(List.of(rules), cache);
        assertFalse(again.fromCache());
        assertEquals(List.of(), again.errors());
        assertEquals(findings(cold), findings(again));
        assertFalse(findings(again).isEmpty());
        CompiledRules healed = RuleCompiler.compile(List.of(rules), cache);
        assertTrue(healed.fromCache(), "the rebuilt entry is used next time");
        assertEquals(findings(cold), findings(healed));
    }

    /** Issue 13, item 13: entries are private (0600) whatever the umask, and never left under a temporary name. */
    @Test
    void entriesAreWrittenPrivateAndWhole() throws Exception {
        Path rules = tmp.resolve("rules");
        TestFiles.copyTree(TestFiles.project("rules"), rules);
        Path dir = tmp.resolve("cache");
        RuleCompiler.compile(List.of(rules), new RuleBaseCache(dir));
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> all = entries.toList();
            assertFalse(all.isEmpty());
            for (Path p : all) {
                assertTrue(p.getFileName().toString().matches("rules-[0-9a-f]{64}\\.bin"), p.toString());
                assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
            }
        }
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }

    /** Issue 13, item 13: a cache folder others may write is never written into (nor read from). */
    @Test
    void aFolderOthersMayWriteIsNotWritten() throws Exception {
        Path rules = tmp.resolve("rules");
        TestFiles.copyTree(TestFiles.project("rules"), rules);
        Path dir = Files.createDirectories(tmp.resolve("shared"));
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        CompiledRules r = RuleCompiler.compile(List.of(rules), new RuleBaseCache(dir));
        assertEquals(List.of(), r.errors());
        assertEquals(0, dir.toFile().list().length, "nothing written into a world-writable folder");
    }

    /** Issue 13, item 13: the key names the build, so two builds of one version do not share entries. */
    @Test
    void theKeyIncludesTheBuild() {
        assertTrue(BuildId.get().matches("[0-9a-f]{32}"), BuildId.get());
    }
}
