package org.offbook.engine;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What identifies this build of offbook for the rule cache: compiled rules refer to offbook's own
 * classes (the facts, the derived facts), so an entry compiled by one build must not be used by
 * another build of the same version. From a jar it is the SHA-256 of the names, sizes and CRCs of
 * its {@code org/offbook/} entries (read from the jar's directory, without decompressing); from a
 * folder of classes, of their names and contents. Computed once per run.
 */
final class BuildId {

    private static volatile String id;

    private BuildId() {
    }

    static String get() {
        String v = id;
        if (v == null) {
            v = compute();
            id = v;
        }
        return v;
    }

    private static String compute() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            CodeSource cs = BuildId.class.getProtectionDomain().getCodeSource();
            if (cs == null || cs.getLocation() == null) {
                return "unknown";
            }
            Path where = Path.of(cs.getLocation().toURI());
            if (Files.isDirectory(where)) {
                Path root = where.resolve("org/offbook");
                List<Path> files = new ArrayList<>();
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(p -> p.toString().endsWith(".class")).forEach(files::add);
                }
                files.sort(null);
                for (Path p : files) {
                    sha.update(root.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                    sha.update(Files.readAllBytes(p));
                }
            } else {
                try (ZipFile jar = new ZipFile(where.toFile())) {
                    List<String> lines = new ArrayList<>();
                    for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        ZipEntry z = e.nextElement();
                        if (z.getName().startsWith("org/offbook/")) {
                            lines.add(z.getName() + " " + z.getSize() + " " + Long.toHexString(z.getCrc()));
                        }
                    }
                    lines.sort(null);
                    for (String l : lines) {
                        sha.update(l.getBytes(StandardCharsets.UTF_8));
                        sha.update((byte) '\n');
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (IOException | URISyntaxException | RuntimeException | NoSuchAlgorithmException e) {
            // no way to tell builds apart: a value no other build shares, so this run's entries are its own
            return "unknown-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        }
    }
}
