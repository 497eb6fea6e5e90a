package org.offbook.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;

/**
 * The limits every JSON reader holds (docs/security.md): nesting 32, a text value of 100,000
 * characters, a number of 60 digits, a name of 1,000 characters, and no duplicate keys. Offbook's
 * own documents, SEC companyfacts and the triage files (configuration, baseline) all read through
 * a factory made here, so the limits are stated once.
 */
public final class JsonLimits {

    public static final int MAX_DEPTH = 32;
    public static final int MAX_STRING = 100_000;
    public static final int MAX_NUMBER = 60;
    public static final int MAX_NAME = 1_000;

    private JsonLimits() {
    }

    /** A new factory with the limits (one per reader: an ObjectMapper takes its factory over as codec). */
    public static JsonFactory factory() {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_STRING)
                        .maxNumberLength(MAX_NUMBER)
                        .maxNameLength(MAX_NAME)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }
}
