package org.offbook.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one JSON configuration of offbook ({@link #MAPPER}) and the one style of its outputs
 * ({@link #writer()}: two-space indent, {@code "key": value}, one item per line). Only the input
 * reader (load.JsonDocumentReader) builds its own, for the limits it enforces on untrusted input.
 */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).build();

    private Json() {
    }

    public static ObjectWriter writer() {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        return MAPPER.writer(pp);
    }

    /** A money value as {@code {"value": "27300000000", "currency": "USD", "display": "USD 27.3B"}}. */
    public static ObjectNode money(Money m) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("value", m.amount().toPlainString());
        n.put("currency", m.currency());
        n.put("display", m.display());
        return n;
    }
}
