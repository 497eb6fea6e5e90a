package org.offbook.load.xbrl;

import java.util.List;
import org.offbook.model.Problem;

/**
 * What the XBRL reader read from one file.
 *
 * @param file      the file as reported (forward slashes, as the user named it)
 * @param kind      inline XBRL document or XBRL 2.1 instance
 * @param dei       the filing's dei: facts
 * @param facts     the facts, duplicates merged, in document order
 * @param problems  every problem met (capped at {@link Limits#maxErrors()}, the rest counted in a last message)
 * @param tagged    facts tagged in the file (before duplicates were merged, including facts in error)
 * @param complete  false when reading stopped early (not well-formed, truncated, a limit hit): the facts are those before the stop
 */
public record XbrlDocument(String file, Kind kind, Dei dei, List<XbrlFact> facts, List<Problem> problems,
                           int tagged, boolean complete) {

    public enum Kind {
        /** An inline XBRL (iXBRL 1.1) XHTML document. */
        INLINE("ixbrl"),
        /** An XBRL 2.1 instance document. */
        INSTANCE("xbrl");

        private final String format;

        Kind(String format) {
            this.format = format;
        }

        /** The format name in load statistics: ixbrl or xbrl. */
        public String format() {
            return format;
        }
    }
}
