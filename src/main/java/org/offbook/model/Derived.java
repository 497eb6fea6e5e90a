package org.offbook.model;

import java.util.List;

/**
 * A fact computed by offbook from input facts (a total, a classification), so rules can match on
 * it. Its evidence is the input facts it was computed from.
 */
public interface Derived {

    List<Fact> basis();
}
