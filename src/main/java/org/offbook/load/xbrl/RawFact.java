package org.offbook.load.xbrl;

/** A fact as tagged, before its context, unit and continuations are resolved ({@link FactResolver}). */
final class RawFact {
    int seq;
    String ns;
    String local;
    String prefix;
    String contextRef;
    String unitRef;
    String decimals;
    String precision;
    String scale;
    boolean negative;
    String formatNs;
    String formatLocal;
    String format;
    boolean nil;
    boolean hidden;
    boolean numeric;
    String text;
    boolean truncated;
    String continuedAt;
    String id;
    int line;
    int column;

    String qname() {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }
}
