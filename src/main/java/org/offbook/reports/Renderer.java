package org.offbook.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/** Writes a {@link Report} in one output format. */
public interface Renderer {

    void render(Report report, Writer out) throws IOException;

    /** True for a format that is bytes, not text (xlsx): it is written with {@link #write}, to a file only. */
    default boolean binary() {
        return false;
    }

    /** The report as bytes; a text format writes its text in UTF-8. */
    default void write(Report report, OutputStream out) throws IOException {
        Writer w = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8);
        render(report, w);
        w.flush();
    }
}
