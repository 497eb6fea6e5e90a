package org.offbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;
import org.offbook.model.Version;

/**
 * The release a user downloads ({@code target/offbook-<version>-bin.zip}, src/assembly/bin.xml) and
 * the thin library jar: the zip is laid out like PMD's (bin/, lib/, rules/, docs/), and unpacked
 * into a fresh folder its {@code bin/offbook} runs {@code offbook check filings} with only a Java
 * runtime, from another folder, found on the PATH through a chain of symbolic links.
 */
class ReleaseIT {

    @TempDir
    Path tmp;

    private static Path zip() {
        return Path.of(System.getProperty("offbook.zip", "target/offbook-" + Version.get() + "-bin.zip")).toAbsolutePath();
    }

    /** Unpacks the zip keeping the permissions it records (the launcher must be executable as shipped). */
    private static void unpack(Path zip, Path to) throws IOException {
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("enablePosixFileAttributes", "true"));
             Stream<Path> walk = Files.walk(fs.getPath("/"))) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(p.toString().substring(1));
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                    Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(p));
                }
            }
        }
    }

    @Test
    void theZipIsLaidOutLikeABinaryDistribution() throws IOException {
        String base = "/offbook-" + Version.get() + "/";
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip().toUri()), Map.of("enablePosixFileAttributes", "true"))) {
            Path launcher = fs.getPath(base + "bin/offbook");
            assertTrue(Files.getPosixFilePermissions(launcher).contains(PosixFilePermission.OTHERS_EXECUTE), "bin/offbook is executable");
            String cmd = Files.readString(fs.getPath(base + "bin/offbook.cmd"), StandardCharsets.UTF_8);
            assertTrue(cmd.contains("\r\n") && !cmd.replace("\r\n", "").contains("\n"), "bin/offbook.cmd has Windows line ends");
            assertTrue(Files.isRegularFile(fs.getPath(base + "lib/offbook-" + Version.get() + ".jar")), "the thin jar is in lib/");
            assertTrue(Files.isRegularFile(fs.getPath(base + "lib/picocli-4.7.6.jar")), "its dependencies are in lib/");
            assertTrue(Files.isRegularFile(fs.getPath(base + "lib/slf4j-simple-2.0.16.jar")), "the command line's logging binding is in lib/");
            try (Stream<Path> lib = Files.list(fs.getPath(base + "lib"))) {
                assertFalse(lib.anyMatch(p -> p.getFileName().toString().endsWith("-all.jar")), "no shaded jar repeating every class in lib/");
            }
            for (String f : List.of("rules/thresholds.csv", "rules/spv/SPV-001.drl", "docs/rules.md", "README.md", "filings/entities.json")) {
                assertTrue(Files.isRegularFile(fs.getPath(base + f)), f);
            }
        }
    }

    @Test
    void unpackedItRunsFromASymbolicLinkOnThePathInAnotherFolder() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "bin/offbook is the POSIX launcher");
        Path home = tmp.resolve("unpacked");
        unpack(zip(), home);
        Path release = home.resolve("offbook-" + Version.get());
        // a link on the PATH to a relative link to the launcher, as package managers and users make them
        Path links = Files.createDirectories(tmp.resolve("links"));
        Files.createSymbolicLink(links.resolve("offbook-launcher"), release.resolve("bin/offbook"));
        Path path = Files.createDirectories(tmp.resolve("path"));
        Files.createSymbolicLink(path.resolve("offbook"), Path.of("../links/offbook-launcher"));
        Path work = Files.createDirectories(tmp.resolve("work"));
        TestFiles.copyTree(release.resolve("filings"), work.resolve("filings"));

        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", "offbook check filings --fail-on never"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
        Path javaBin = Path.of(System.getProperty("java.home"), "bin");
        pb.environment().remove("OFFBOOK_HOME");
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("PATH", path + ":" + javaBin + ":/usr/bin:/bin");
        pb.environment().put("OFFBOOK_CACHE_DIR", tmp.resolve("cache").toString());
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "offbook finished");
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text + Files.readString(err, StandardCharsets.UTF_8));
        // the rules of the release (bin/../rules), found through both links
        assertTrue(text.contains(release.toRealPath().resolve("rules/thresholds.csv") + ":"), text);
        assertTrue(text.contains("findings (") && text.contains("; 0 errors."), text);
    }

    @Test
    void theThinJarHoldsOffbookAndTheDefaultRulePackOnly() throws IOException {
        Path thin = Path.of(System.getProperty("offbook.jar", "target/offbook-all.jar")).toAbsolutePath().resolveSibling("offbook.jar");
        try (JarFile jar = new JarFile(thin.toFile())) {
            assertTrue(jar.getEntry("org/offbook/pipeline/Check.class") != null, "offbook's classes");
            assertTrue(jar.getEntry("rules/thresholds.csv") != null && jar.getEntry("rules/spv/SPV-001.drl") != null,
                    "the default rule pack is on the classpath");
            assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("org/drools/") || e.getName().startsWith("picocli/")
                    || e.getName().startsWith("org/slf4j/")), "no dependency's classes: they come from the POM");
        }
    }
}
