package org.offbook.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Versions of rules by content. The rule pack's version is a SHA-256 over every file of the rule
 * folders that a check reads (DRL, thresholds and tables, rule pages), sorted by path relative to its
 * folder with '/' separators; rule cases ({@code *.tests} folders) and hidden files are left out, as
 * they change no finding. Line endings are read as LF, so that a checkout with CRLF (Windows,
 * {@code core.autocrlf}) gives the same hash as one with LF.
 */
public final class RuleDigest {

    private RuleDigest() {
    }

    /** {@code sha256:<64 hex>} of the rule folders, in the order given (a missing folder adds nothing). */
    public static String pack(List<Path> dirs) {
        MessageDigest md = sha256();
        for (int i = 0; i < dirs.size(); i++) {
            Path given = dirs.get(i);
            Path dir = given.getFileSystem() == java.nio.file.FileSystems.getDefault() ? RulePack.path(given.toString()) : given;
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<String> rels = new ArrayList<>();
            try (Stream<Path> all = Files.walk(dir)) {
                all.filter(Files::isRegularFile).forEach(p -> {
                    String rel = dir.relativize(p).toString().replace('\\', '/');
                    if (!excluded(rel)) {
                        rels.add(rel);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rels.sort(null);
            for (String rel : rels) {
                byte[] bytes = normalized(dir.resolve(rel));
                md.update((i + ":" + rel + "\0" + bytes.length + "\0").getBytes(StandardCharsets.UTF_8));
                md.update(bytes);
            }
        }
        return "sha256:" + HexFormat.of().formatHex(md.digest());
    }

    /** The first 12 hex digits of the SHA-256 of one file's bytes (LF line endings), or null when it cannot be read. */
    public static String file(Path file) {
        try {
            return HexFormat.of().formatHex(sha256().digest(normalized(file))).substring(0, 12);
        } catch (UncheckedIOException e) {
            return null;
        }
    }

    private static boolean excluded(String rel) {
        for (String part : rel.split("/")) {
            if (part.startsWith(".") || part.endsWith(".tests")) {
                return true;
            }
        }
        return false;
    }

    /** The file's bytes with CR LF read as LF. */
    static byte[] normalized(Path p) {
        byte[] b;
        try {
            b = Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int n = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\r' && i + 1 < b.length && b[i + 1] == '\n') {
                continue;
            }
            b[n++] = b[i];
        }
        return n == b.length ? b : java.util.Arrays.copyOf(b, n);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
