package org.offbook.reports;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writing reports to files: checked before the run, written whole or not at all. */
public final class ReportFiles {

    private ReportFiles() {
    }

    /** Why {@code file} cannot take a report, or null when it can. */
    public static String problem(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return "folder does not exist: " + parent;
        }
        if (Files.isDirectory(abs)) {
            return "is a folder: " + file;
        }
        if (!Files.isWritable(parent) || (Files.exists(abs) && !Files.isWritable(abs))) {
            return "not writable: " + file;
        }
        return null;
    }

    /** A report written over an existing file keeps that file's permissions (a 0600 report stays 0600). */
    private static void keepPermissions(Path target, Path tmp) {
        try {
            if (Files.isRegularFile(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target, java.nio.file.LinkOption.NOFOLLOW_LINKS));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system, or not ours to read: the new file keeps the umask's mode
        }
    }

    /** Renders into memory, then writes a temporary file beside the target and moves it into place. */
    public static void write(Renderer renderer, Report report, Path file) throws IOException {
        if (renderer.binary()) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            renderer.write(report, bytes);
            writeBytes(bytes.toByteArray(), file);
            return;
        }
        StringWriter buffer = new StringWriter();
        renderer.render(report, buffer);
        writeText(buffer.toString(), file);
    }

    /**
     * What a path names once links are followed: the real file when it exists, else the real folder
     * and the name. Two paths with one identity are one file.
     */
    public static Path identity(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            if (Files.exists(abs)) {
                return abs.toRealPath();
            }
            Path parent = abs.getParent();
            return parent == null ? abs : parent.toRealPath().resolve(abs.getFileName().toString());
        } catch (IOException e) {
            return abs;
        }
    }

    /**
     * True for a path that exists and is neither a regular file nor a folder (a device, a pipe), and
     * for any name under {@code /dev} or {@code /proc} ({@code /dev/stdout} is a link to whatever
     * standard output is, possibly a regular file): such a name is written into, never replaced.
     */
    public static boolean isSpecial(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (Files.exists(abs) && (abs.startsWith("/dev/") || abs.startsWith("/proc/"))) {
            return true;
        }
        return Files.exists(abs) && !Files.isRegularFile(abs) && !Files.isDirectory(abs);
    }

    public static void writeText(String text, Path file) throws IOException {
        // getBytes replaces what UTF-8 cannot encode (an unpaired surrogate) where writeString would throw
        writeBytes(text.getBytes(StandardCharsets.UTF_8), file);
    }

    /** Bytes written whole or not at all, as {@link #writeText}. */
    public static void writeBytes(byte[] bytes, Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        if (isSpecial(abs)) {
            // a device or pipe (-o /dev/null, /dev/stdout, a FIFO) is written into, as users expect, never replaced
            try (var out = new java.io.FileOutputStream(abs.toFile())) {
                out.write(bytes);
            }
            return;
        }
        // a fresh name beside the target (created with the user's umask, unlike createTempFile's 0600)
        Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
        try {
            Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            keepPermissions(abs, tmp);
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
