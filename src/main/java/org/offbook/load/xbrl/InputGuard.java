package org.offbook.load.xbrl;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntSupplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The input side of one read: the hardened StAX factory (no DTDs, no external entities, nothing
 * fetched), the byte limit counted on the uncompressed stream, the gzip header check, and the
 * translation of parser and stream failures into one clear fatal problem.
 */
final class InputGuard {

    private static final XMLInputFactory FACTORY = factory();

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory(); // the JDK's own, whatever else is on the class path
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external reference '" + systemId + "' not fetched");
        });
        trySet(f, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        trySet(f, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }

    private static void trySet(XMLInputFactory f, String property, Object value) {
        try {
            f.setProperty(property, value);
        } catch (IllegalArgumentException e) {
            // a StAX implementation without the property: external access is refused by the resolver above
        }
    }

    /** The uncompressed byte limit, hit while reading. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("file too large");
        }
    }

    private final Limits limits;
    private final ReadProblems problems;
    /** Set when the input has been read to its end: an XML error then means the file ends too early. */
    private boolean inputEnded;
    /** An error of the input stream itself (damaged gzip data), which the XML parser may report as a mere end of file. */
    private IOException inputError;

    InputGuard(Limits limits, ReadProblems problems) {
        this.limits = limits;
        this.problems = problems;
    }

    static XMLStreamReader parser(InputStream in) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(in);
    }

    InputStream open(Path file) throws IOException {
        boolean gz = Sniffer.gzName(file.getFileName().toString());
        if (!gz) {
            long size = Files.size(file);
            if (size > limits.maxFileBytes()) {
                throw problems.fatal(0, 0, "file is " + mib(size) + "; the limit is " + mib(limits.maxFileBytes()) + "; file not read");
            }
        }
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (gz) {
            in.mark(2);
            int b1 = in.read();
            int b2 = in.read();
            in.reset();
            if (b1 != 0x1f || b2 != 0x8b) {
                in.close();
                throw problems.fatal(0, 0, "named .gz but is not gzip-compressed (no gzip header); file not read");
            }
            in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        long max = limits.maxFileBytes();
        return new FilterInputStream(in) {
            long count;

            @Override
            public int read() throws IOException {
                int b = guarded(() -> super.read());
                if (b < 0) {
                    inputEnded = true;
                }
                if (b >= 0 && ++count > max) {
                    throw new TooLarge();
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = guarded(() -> super.read(b, off, len));
                if (n < 0) {
                    inputEnded = true;
                }
                if (n > 0) {
                    count += n;
                    if (count > max) {
                        throw new TooLarge();
                    }
                }
                return n;
            }
        };
    }

    private interface Read {
        int read() throws IOException;
    }

    private int guarded(Read read) throws IOException {
        try {
            return read.read();
        } catch (TooLarge e) {
            throw e;
        } catch (IOException e) {
            inputError = e;
            throw e;
        }
    }

    private static String mib(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
    }

    /** The byte limit was hit at {@code line}. */
    ReadProblems.Stop tooLarge(int line) {
        return problems.fatal(line, 0, "file is larger than " + mib(limits.maxFileBytes()) + " uncompressed; the rest is not read");
    }

    /** The stream failed at {@code line}. */
    ReadProblems.Stop failed(IOException e, int line) {
        return problems.fatal(line, 0, ioMessage(e));
    }

    /**
     * The parser failed; {@code line} gives the cursor's line, asked for only when the failure came
     * from the stream (a parse error carries its own location).
     */
    ReadProblems.Stop broken(XMLStreamException e, IntSupplier line) {
        Throwable cause = e.getNestedException() != null ? e.getNestedException() : e.getCause();
        if (cause instanceof TooLarge) {
            return tooLarge(line.getAsInt());
        }
        if (cause instanceof IOException io) {
            return failed(io, line.getAsInt());
        }
        if (inputError != null) {
            return failed(inputError, line.getAsInt());
        }
        Location l = e.getLocation();
        int at = l == null ? 0 : Math.max(0, l.getLineNumber());
        int col = l == null ? 0 : Math.max(0, l.getColumnNumber());
        String msg = e.getMessage() == null ? "not well-formed" : e.getMessage();
        // the JDK prefixes "ParseError at [row,col]:[l,c]\nMessage: "
        int m = msg.indexOf("Message: ");
        if (m >= 0) {
            msg = msg.substring(m + "Message: ".length());
        }
        msg = msg.strip();
        String lower = msg.toLowerCase(java.util.Locale.ROOT);
        String what = lower.contains("xml document structures must start and end") || lower.contains("premature end")
                || lower.contains("unexpected end") || inputEnded ? "truncated or not well-formed XML (the file ends inside an element): "
                : lower.contains("entity") ? "entity references are not expanded (no DOCTYPE entities are read): "
                : "not well-formed XML: ";
        return problems.fatal(at, col, what + msg + "; the rest of the file is not read");
    }

    private static String ioMessage(IOException e) {
        if (e instanceof EOFException) {
            return "truncated file (the compressed data ends early); the rest is not read";
        }
        if (e instanceof ZipException) {
            return "damaged gzip data (" + e.getMessage() + "); the rest is not read";
        }
        return "cannot read: " + e.getMessage();
    }
}
