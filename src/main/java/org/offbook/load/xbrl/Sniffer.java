package org.offbook.load.xbrl;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** Tells inline XBRL documents and XBRL instances from other HTML and XML by their first bytes. */
final class Sniffer {

    static final String IX_2013 = "http://www.xbrl.org/2013/inlineXBRL";
    static final String IX_2008 = "http://www.xbrl.org/2008/inlineXBRL";
    static final String XBRLI = "http://www.xbrl.org/2003/instance";
    /** How much of the (uncompressed) start of a file is looked at. */
    static final int PEEK = 64 * 1024;

    private Sniffer() {
    }

    static boolean candidateName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        return n.endsWith(".htm") || n.endsWith(".html") || n.endsWith(".xhtml") || n.endsWith(".xml");
    }

    static boolean gzName(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    static XbrlDocument.Kind byName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".xml") || n.endsWith(".xml.gz") ? XbrlDocument.Kind.INSTANCE : XbrlDocument.Kind.INLINE;
    }

    static XbrlDocument.Kind recognise(Path file) {
        String name = file.getFileName().toString();
        if (!candidateName(name)) {
            return null;
        }
        byte[] head;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            if (gzName(name)) {
                raw.mark(2);
                int b1 = raw.read();
                int b2 = raw.read();
                raw.reset();
                if (b1 != 0x1f || b2 != 0x8b) {
                    // named as gzip but is not: handed to the reader, which reports it
                    return byName(name);
                }
                try (InputStream in = new GZIPInputStream(raw)) {
                    head = readUpTo(in, PEEK);
                } catch (IOException e) {
                    return byName(name); // a damaged gzip stream: the reader reports it
                }
            } else {
                head = readUpTo(raw, PEEK);
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return classify(new String(head, StandardCharsets.ISO_8859_1));
    }

    private static byte[] readUpTo(InputStream in, int max) throws IOException {
        byte[] buf = new byte[max];
        int n = 0;
        while (n < max) {
            int r;
            try {
                r = in.read(buf, n, max - n);
            } catch (java.io.EOFException e) {
                break; // a truncated .gz: what was read is enough to tell
            }
            if (r < 0) {
                break;
            }
            n += r;
        }
        return java.util.Arrays.copyOf(buf, n);
    }

    /** The kind by the root element: {@code html} declaring the inline XBRL namespace, or {@code xbrl} in the instance namespace. */
    static XbrlDocument.Kind classify(String head) {
        int i = 0;
        int n = head.length();
        while (i < n) {
            int lt = head.indexOf('<', i);
            if (lt < 0 || lt + 1 >= n) {
                return null;
            }
            char c = head.charAt(lt + 1);
            if (c == '?') {
                i = skipTo(head, lt, "?>");
            } else if (head.startsWith("<!--", lt)) {
                i = skipTo(head, lt, "-->");
            } else if (c == '!') {
                i = skipTo(head, lt, ">"); // DOCTYPE: the reader refuses internal subsets
            } else {
                int end = head.indexOf('>', lt);
                String tag = end < 0 ? head.substring(lt) : head.substring(lt, end);
                String local = localName(tag);
                if (local.equalsIgnoreCase("html")) {
                    return tag.contains(IX_2013) || tag.contains(IX_2008) ? XbrlDocument.Kind.INLINE : null;
                }
                if (local.equals("xbrl")) {
                    return tag.contains(XBRLI) ? XbrlDocument.Kind.INSTANCE : null;
                }
                return null;
            }
            if (i < 0) {
                return null;
            }
        }
        return null;
    }

    private static int skipTo(String s, int from, String end) {
        int j = s.indexOf(end, from + 1);
        return j < 0 ? -1 : j + end.length();
    }

    private static String localName(String tag) {
        int i = 1;
        while (i < tag.length() && !Character.isWhitespace(tag.charAt(i)) && tag.charAt(i) != '/' && tag.charAt(i) != '>') {
            i++;
        }
        String q = tag.substring(1, i);
        int colon = q.indexOf(':');
        return colon < 0 ? q : q.substring(colon + 1);
    }
}
