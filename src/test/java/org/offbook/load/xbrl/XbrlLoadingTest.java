package org.offbook.load.xbrl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;
import org.offbook.model.Fact;
import org.offbook.model.FileStats;
import org.offbook.load.FolderLoader;
import org.offbook.model.Problem;
import org.offbook.load.LoadResult;

/** The folder walk hands inline XBRL documents and instances, found by content, to the reader. */
class XbrlLoadingTest {

    @TempDir
    Path dir;

    @Test
    void recognisedByContentAnywhereInTheFolderOthersSkipped() throws IOException {
        Path deep = dir.resolve("filings/meta/2024");
        Files.createDirectories(deep);
        Files.copy(TestFiles.project("src/test/resources/sec/ixbrl/meta-10-k-2025-01-30.html.gz"), deep.resolve("meta-10-k.html.gz"));
        Files.copy(TestFiles.project("src/test/resources/sec/ixbrl/tsla-20240630_htm.xml.gz"), dir.resolve("filings/tsla-q2.xml.gz"));
        TestFiles.write(dir, "filings/old-10-k.htm", "<html><body><p>An HTML 10-K of 2005<br></body></html>");
        TestFiles.write(dir, "filings/pom.xml", "<?xml version=\"1.0\"?><project/>");
        TestFiles.write(dir, "filings/broken-ix.htm", XbrlBadInputTest.ix("<p><b>bold</p>\n"));

        LoadResult r = FolderLoader.load(List.of(dir.resolve("filings")), XbrlFactMapper.NONE); // recognition only: the facts mapped are FiledDisclosuresTest's

        String base = FolderLoader.displayName(dir.resolve("filings"));
        assertEquals(List.of(base + "/broken-ix.htm", base + "/meta/2024/meta-10-k.html.gz", base + "/tsla-q2.xml.gz"),
                r.xbrl().stream().map(XbrlDocument::file).collect(Collectors.toList()));
        assertEquals(List.of(base + "/old-10-k.htm", base + "/pom.xml"), r.skipped());
        List<Problem> errors = r.errors();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(base + "/broken-ix.htm", errors.get(0).file());
        assertEquals(XbrlBadInputTest.BODY_LINE, errors.get(0).line());
        assertTrue(errors.get(0).message().startsWith("not well-formed XML"));
        // each XBRL file is listed with its format; the default mapper derives no offbook facts from it
        List<FileStats> xbrlStats = r.files().stream().filter(s -> s.format().equals("ixbrl") || s.format().equals("xbrl")).toList();
        assertEquals(List.of(new FileStats(base + "/broken-ix.htm", "ixbrl", 0, 0),
                new FileStats(base + "/meta/2024/meta-10-k.html.gz", "ixbrl", 0, 0),
                new FileStats(base + "/tsla-q2.xml.gz", "xbrl", 0, 0)), xbrlStats);
        assertEquals(1154, r.xbrl().get(1).facts().size());
    }

    @Test
    void theMapperSeesEveryDocumentOnceAfterTheOtherFilesAndItsFactsAreCounted() throws IOException {
        Files.createDirectories(dir.resolve("in"));
        Files.copy(TestFiles.project("src/test/resources/sec/ixbrl/tsla-20240630_htm.xml.gz"), dir.resolve("in/tsla.xml.gz"));
        TestFiles.write(dir, "in/entities.csv", "id,name,kind,aliases,source\ntsla,Tesla Inc.,company,TSLA,test\n");
        int[] calls = {0};
        XbrlFactMapper mapper = (docs, loaded, errors) -> {
            calls[0]++;
            assertEquals(1, docs.size());
            assertTrue(loaded.stream().anyMatch(f -> f instanceof org.offbook.model.Entity), "deal-term entities are read first");
            return List.of();
        };
        LoadResult r = FolderLoader.load(List.of(dir.resolve("in")), mapper);
        assertEquals(1, calls[0]);
        assertEquals("", r.errors().stream().map(Problem::toString).collect(Collectors.joining("\n")));
        assertTrue(r.facts().stream().map(Fact::provenance).noneMatch(p -> p.file().endsWith(".xml.gz")));
    }
}
