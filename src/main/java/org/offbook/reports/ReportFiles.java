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

    /** Renders into memory, then writes a temporary file beside the target and moves it into place. */
    public static void write(Renderer renderer, Report report, Path file) throws IOException {
        StringWriter buffer = new StringWriter();
        renderer.render(report, buffer);
        writeText(buffer.toString(), file);
    }

    public static void writeText(String text, Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        // a fresh name beside the target (created with the user's umask, unlike createTempFile's 0600)
        Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
        try {
            // getBytes replaces what UTF-8 cannot encode (an unpaired surrogate) where writeString would throw
            Files.write(tmp, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
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
