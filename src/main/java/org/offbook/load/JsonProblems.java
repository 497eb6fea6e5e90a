package org.offbook.load;

import com.fasterxml.jackson.core.JsonProcessingException;

/** A JSON parse problem in words, as the input loaders give it (limits named in offbook's terms, no library internals). */
public final class JsonProblems {

    private JsonProblems() {
    }

    public static String describe(JsonProcessingException e) {
        return JsonDocumentReader.describe(e);
    }
}
