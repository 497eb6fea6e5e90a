package org.offbook.load.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.load.FolderLoader;
import org.offbook.model.Problem;
import org.offbook.load.LoadResult;

/** A damaged or hostile data-set zip fails with a message, never by filling memory. */
class DataSetLimitsTest {

    @TempDir
    Path dir;

    @Test
    void aLineLongerThanTheLimitStopsTheDataSetWithAMessage() throws Exception {
        Path zip = dir.resolve("2010q2.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("sub.txt"));
            z.write(("adsh\tcik\tname\tform\tfiled\tfye\n0000000000-10-000001\t1\t").getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "x".repeat(1 << 16).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 32; i++) {
                z.write(chunk); // one line of 2 MiB, twice the limit
            }
            z.write("\n".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("num.txt"));
            z.write("adsh\ttag\tversion\tddate\tqtrs\tuom\tsegments\tcoreg\tvalue\tfootnote\n".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        Files.writeString(dir.resolve("entities.json"),
                "{\"source\": \"s\", \"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"company\"}]}");
        LoadResult r = FolderLoader.load(List.of(dir));
        String all = r.errors().stream().map(Problem::toString).collect(Collectors.joining("\n"));
        assertTrue(all.contains("sub.txt") && all.contains("a line longer than 1048576 characters; data set not loaded"), all);
        assertEquals(1, r.factsLoaded(), "the other file is still loaded");
    }
}
