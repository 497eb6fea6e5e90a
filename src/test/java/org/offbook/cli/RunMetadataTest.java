package org.offbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;
import org.offbook.load.RuleDigest;

/** Run metadata (engagement, as-of date, preparer, rule versions) in the reports, and the SARIF fields it feeds. */
class RunMetadataTest {

    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckCommandTest.Run check(String format, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("check", TestFiles.fixture("hyperion").toString(),
                "--rules", TestFiles.project("rules").toString(), "--format", format, "--fail-on", "never"));
        args.addAll(List.of(more));
        return CheckCommandTest.run(args.toArray(String[]::new));
    }

    @Test
    void sarifNamesTheRunAndVersionsEachRuleButInventsNoAddress() throws IOException {
        CheckCommandTest.Run r = check("sarif", "--engagement", "Acme FY2025", "--as-of", "2025-12-31", "--preparer", "A. Auditor");
        assertEquals(0, r.code(), r.err());
        JsonNode run = JSON.readTree(r.out()).path("runs").get(0);
        assertEquals("Acme FY2025/2025-12-31", run.path("automationDetails").path("id").asText());
        assertEquals("A. Auditor", run.path("properties").path("preparer").asText());
        assertEquals("2025-12-31", run.path("properties").path("asOf").asText());
        JsonNode driver = run.path("tool").path("driver");
        assertTrue(driver.path("properties").path("rulePack").asText().matches("sha256:[0-9a-f]{64}"), driver.toString());
        assertFalse(driver.has("informationUri"), "no docs address was given, none is made up");
        assertFalse(driver.path("version").asText().contains("SNAPSHOT"), driver.path("version").asText());
        for (JsonNode rule : driver.path("rules")) {
            assertFalse(rule.has("helpUri"), rule.path("id").asText());
            assertTrue(rule.path("properties").path("ruleVersion").asText().matches("[0-9a-f]{12}"), rule.toString());
        }
    }

    @Test
    void aDocsAddressGivesEveryRuleItsPage() throws IOException {
        CheckCommandTest.Run r = check("sarif", "--docs-url", "https://docs.example.org/offbook/rules");
        assertEquals(0, r.code(), r.err());
        JsonNode run = JSON.readTree(r.out()).path("runs").get(0);
        assertFalse(run.has("automationDetails"), "no title or as-of date: no automation id");
        JsonNode driver = run.path("tool").path("driver");
        assertEquals("https://docs.example.org/offbook/rules", driver.path("informationUri").asText());
        boolean spv = false;
        for (JsonNode rule : driver.path("rules")) {
            String id = rule.path("id").asText();
            assertTrue(rule.path("helpUri").asText().startsWith("https://docs.example.org/offbook/rules/"), id);
            assertTrue(rule.path("helpUri").asText().endsWith("/" + id + ".md"), rule.path("helpUri").asText());
            spv |= rule.path("helpUri").asText().equals("https://docs.example.org/offbook/rules/spv/SPV-001.md");
        }
        assertTrue(spv, "SPV-001's page is spv/SPV-001.md under the address");
    }

    @Test
    void jsonAndCsvCarryTheRunAndTheRuleVersions() throws IOException {
        CheckCommandTest.Run r = check("json", "--title", "Acme FY2025", "--as-of", "2025-12-31");
        assertEquals(0, r.code(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals("Acme FY2025", root.path("run").path("title").asText());
        assertEquals("2025-12-31", root.path("run").path("asOf").asText());
        assertFalse(root.path("run").has("preparer"));
        assertTrue(root.path("run").path("rulePack").asText().startsWith("sha256:"));
        assertEquals(root.path("inputs").path("rules").path("ids").size(), root.path("inputs").path("rules").path("versions").size());

        CheckCommandTest.Run csv = check("csv", "--title", "Acme FY2025", "--as-of", "2025-12-31");
        String[] lines = csv.out().split("\r\n");
        assertTrue(lines[0].endsWith(",ruleVersion,engagement,asOf,preparer,rulePack,offbookVersion"), lines[0]);
        assertTrue(lines[1].contains(",\"Acme FY2025\",\"2025-12-31\",\"\",\"sha256:"), lines[1]);
    }

    @Test
    void aDateThatIsNotOneIsAUsageError() {
        CheckCommandTest.Run r = check("json", "--as-of", "2025-13-01");
        assertEquals(Main.USAGE, r.code());
        assertTrue(r.err().contains("--as-of"), r.err());
        assertEquals(Main.USAGE, check("json", "--docs-url", "docs/rules").code(), "a relative address is not a SARIF informationUri");
    }

    @Test
    void theRulePackHashIgnoresLineEndingsAndCasesAndFollowsEachRule() throws IOException {
        Path lf = dir.resolve("lf");
        Path crlf = dir.resolve("crlf");
        Path src = TestFiles.project("rules");
        try (Stream<Path> all = Files.walk(src)) {
            for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile).sorted()::iterator) {
                String text = Files.readString(p, StandardCharsets.UTF_8).replace("\r\n", "\n");
                Path rel = src.relativize(p);
                Files.createDirectories(lf.resolve(rel).getParent());
                Files.createDirectories(crlf.resolve(rel).getParent());
                Files.writeString(lf.resolve(rel), text);
                Files.writeString(crlf.resolve(rel), text.replace("\n", "\r\n"));
            }
        }
        String pack = RuleDigest.pack(List.of(lf));
        assertEquals(pack, RuleDigest.pack(List.of(crlf)), "a Windows checkout has the same rule pack version");
        Path spv = lf.resolve("spv/SPV-001.drl");
        String before = RuleDigest.file(spv);
        assertEquals(before, RuleDigest.file(crlf.resolve("spv/SPV-001.drl")));

        Path aCase = Files.walk(lf).filter(p -> p.toString().contains(".tests") && Files.isRegularFile(p)).findFirst().orElseThrow();
        Files.writeString(aCase, "{}");
        assertEquals(pack, RuleDigest.pack(List.of(lf)), "rule cases change no finding and no version");

        Files.writeString(spv, Files.readString(spv) + "\n// edited\n");
        assertNotEquals(pack, RuleDigest.pack(List.of(lf)));
        assertNotEquals(before, RuleDigest.file(spv));
        assertEquals(RuleDigest.file(crlf.resolve("spv/SPV-002.drl")), RuleDigest.file(lf.resolve("spv/SPV-002.drl")));
    }

    @Test
    void theRulePackInsideAJarHasTheSameVersionAsTheFolder() throws IOException {
        Path src = TestFiles.project("rules");
        Path jar = dir.resolve("pack.jar");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar));
             Stream<Path> all = Files.walk(src)) {
            for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile).sorted()::iterator) {
                zip.putNextEntry(new java.util.zip.ZipEntry("rules/" + src.relativize(p).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(p));
                zip.closeEntry();
            }
        }
        try (java.nio.file.FileSystem fs = java.nio.file.FileSystems.newFileSystem(jar)) {
            assertEquals(RuleDigest.pack(List.of(src)), RuleDigest.pack(List.of(fs.getPath("/rules"))));
        }
    }
}
