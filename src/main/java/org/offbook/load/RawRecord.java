package org.offbook.load;

import java.util.List;
import java.util.Set;

/**
 * One fact as read, before it is typed: a JSON object or a CSV row. Values are text (scalars)
 * or lists of text; the binder turns them into a fact record.
 */
interface RawRecord {

    String file();

    /** Line where the record starts. */
    int line();

    /** Names of the fields present (including empty ones). */
    Set<String> fieldNames();

    /** The scalar text of a field; null when absent or empty. */
    String text(String field) throws FieldException;

    /** A list field: a JSON array, or a CSV cell of values separated by ';'. Empty list when absent. */
    List<String> list(String field) throws FieldException;

    /** Line of a field, or the record's line when unknown. */
    int lineOf(String field);

    /** A field with a value of the wrong shape (an object where text was expected, say). */
    final class FieldException extends Exception {
        private static final long serialVersionUID = 1L;

        FieldException(String message) {
            super(message, null, false, false);
        }
    }
}
