package org.offbook.load.xbrl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.offbook.load.LoadError;

/** One read of one file (not yet implemented: the API commit). */
final class StreamReader {

    private final String name;
    private final Limits limits;

    StreamReader(String name, Limits limits) {
        this.name = name;
        this.limits = limits;
    }

    XbrlDocument read(Path file) {
        List<LoadError> problems = new ArrayList<>();
        problems.add(LoadError.of(name, 0, null, "XBRL reading is not implemented yet"));
        return new XbrlDocument(name, Sniffer.byName(name), Dei.NONE, List.of(), problems, 0, false);
    }
}
