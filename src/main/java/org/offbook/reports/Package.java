package org.offbook.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Makes an Office Open XML package reproducible: the same entries in the same order, each with one
 * fixed time (1980-01-01 00:00, the earliest a zip entry holds, set as a local time so that the
 * machine's time zone does not enter), and the core properties ({@code docProps/core.xml}) carrying
 * the run's own creation time, or none, in place of the writer's clock.
 */
final class Package {

    static final String CORE = "docProps/core.xml";
    private static final LocalDateTime FIXED = LocalDateTime.of(1980, 1, 1, 0, 0);

    private Package() {
    }

    /**
     * The package rewritten. The writer's package leaves the sizes out of its local headers, which
     * only a reader of the central directory ({@link ZipFile}, so a temporary file) can follow;
     * the rewritten one gives size, compressed size and checksum before each entry's data, with no
     * data descriptor, as the OPC specification prefers.
     */
    static byte[] normalise(byte[] xlsx, Instant created) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(xlsx.length + 1024);
        Path tmp = Files.createTempFile("offbook-", ".xlsx");
        try {
            Files.write(tmp, xlsx);
            try (ZipFile in = new ZipFile(tmp.toFile()); ZipOutputStream zip = new ZipOutputStream(out)) {
                for (ZipEntry e : Collections.list(in.entries())) {
                    byte[] data;
                    try (InputStream entry = in.getInputStream(e)) {
                        data = entry.readAllBytes();
                    }
                    if (e.getName().equals(CORE)) {
                        data = core(created).getBytes(StandardCharsets.UTF_8);
                    }
                    ZipEntry copy = new ZipEntry(e.getName());
                    copy.setTimeLocal(FIXED);
                    copy.setMethod(ZipEntry.DEFLATED);
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    copy.setCrc(crc.getValue());
                    copy.setSize(data.length);
                    copy.setCompressedSize(deflatedSize(data));
                    zip.putNextEntry(copy);
                    zip.write(data);
                    zip.closeEntry();
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return out.toByteArray();
    }

    /** What {@link ZipOutputStream}'s own deflater (default level, raw) makes of {@code data}. */
    private static long deflatedSize(byte[] data) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            d.setInput(data);
            d.finish();
            byte[] buf = new byte[8192];
            long n = 0;
            while (!d.finished()) {
                n += d.deflate(buf);
            }
            return n;
        } finally {
            d.end();
        }
    }

    static String core(Instant created) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:creator>offbook</dc:creator>");
        if (created != null) {
            sb.append("<dcterms:created xsi:type=\"dcterms:W3CDTF\">").append(created.truncatedTo(ChronoUnit.SECONDS))
                    .append("</dcterms:created>");
        }
        return sb.append("</cp:coreProperties>").toString();
    }
}
