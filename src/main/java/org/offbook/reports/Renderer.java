package org.offbook.reports;

import java.io.IOException;
import java.io.Writer;

/** Writes a {@link Report} in one output format. */
public interface Renderer {

    void render(Report report, Writer out) throws IOException;
}
