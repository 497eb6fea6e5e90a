package org.offbook.load.xbrl;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What the parts of one read share: the StAX cursor, the element depth (bounded by
 * {@link Limits#maxDepth()}, also inside the subtrees a part consumes itself), the kind of document
 * once its root is seen, and the problems. One instance per read, used by one thread.
 */
final class Cursor {

    final String name;
    final Limits limits;
    final ReadProblems problems;
    /** Null until the parser has started. */
    XMLStreamReader r;
    int depth;
    /** Null until the root element is recognised. */
    XbrlDocument.Kind kind;

    Cursor(String name, Limits limits) {
        this.name = name;
        this.limits = limits;
        this.problems = new ReadProblems(name, limits);
    }

    void problem(int line, int column, String field, String message) {
        problems.problem(line, column, field, message);
    }

    ReadProblems.Stop fatal(int line, int column, String message) {
        return problems.fatal(line, column, message);
    }

    int line() {
        if (r == null) {
            return 0; // the parser could not even start (a broken prolog or encoding)
        }
        Location l = r.getLocation();
        return l == null ? 0 : Math.max(0, l.getLineNumber());
    }

    int column() {
        if (r == null) {
            return 0;
        }
        Location l = r.getLocation();
        return l == null ? 0 : Math.max(0, l.getColumnNumber());
    }

    String attr(String ns, String local) {
        return r.getAttributeValue(ns, local);
    }

    /** Ends the read when an element {@code level} below the current depth would be nested too deep. */
    void checkDepth(int level) {
        if (depth + level > limits.maxDepth()) {
            throw fatal(line(), column(), "elements nested deeper than " + limits.maxDepth() + "; the rest of the file is not read");
        }
    }

    /** Skips the current element's subtree. */
    void skip() throws XMLStreamException {
        int level = 1;
        while (level > 0 && r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                level++;
                checkDepth(level);
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                level--;
            }
        }
        depth--;
    }

    /** The text of the current element (nested markup ignored), bounded; leaves the cursor on its end tag. */
    String elementText() throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int level = 1;
        while (r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                level++;
                checkDepth(level);
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                if (--level == 0) {
                    break;
                }
            } else if ((e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA || e == XMLStreamConstants.SPACE)
                    && sb.length() < 4096) {
                sb.append(r.getTextCharacters(), r.getTextStart(), Math.min(r.getTextLength(), 4096 - sb.length()));
            }
        }
        return sb.toString().strip();
    }
}
