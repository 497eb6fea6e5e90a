package org.offbook.load;

import java.io.CharConversionException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through while checking that they are well-formed UTF-8 (RFC 3629): no overlong
 * forms ({@code C1 A5} is not 'e'), no encoded surrogates, nothing above U+10FFFF, and no NUL byte
 * (which only UTF-16 or UTF-32 text would hold; the docs promise UTF-8 only). The JSON parser's own
 * decoder is lenient about overlong forms and guesses UTF-16 from the first bytes; this check runs
 * beneath it, so neither reaches the facts.
 */
final class Utf8Check extends FilterInputStream {

    /** Invalid UTF-8 at a line and column (1-based; the column counts bytes). */
    static final class Invalid extends CharConversionException {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        Invalid(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    private int need;      // continuation bytes still expected
    private int lo = 0x80; // allowed range of the next continuation byte
    private int hi = 0xBF;
    private int line = 1;
    private int column;
    private long offset;

    Utf8Check(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            check(b);
        } else {
            end();
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n < 0) {
            end();
        }
        for (int i = 0; i < n; i++) {
            check(buf[off + i] & 0xFF);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(n, 8192)];
        int r = read(buf, 0, buf.length);
        return Math.max(r, 0);
    }

    private void end() throws Invalid {
        if (need > 0) {
            throw new Invalid("Invalid UTF-8: the file ends inside a character", line, column);
        }
    }

    private void check(int b) throws Invalid {
        offset++;
        column++;
        if (need > 0) {
            if (b < lo || b > hi) {
                throw new Invalid(String.format("Invalid UTF-8 byte 0x%02X at byte %d (an overlong, surrogate or broken sequence)", b, offset),
                        line, column);
            }
            need--;
            lo = 0x80;
            hi = 0xBF;
            return;
        }
        if (b == '\n') {
            line++;
            column = 0;
        } else if (b == 0) {
            throw new Invalid("a NUL byte at byte " + offset + ": UTF-16 or UTF-32 text? save the file as UTF-8", line, column);
        } else if (b < 0x80) {
            return;
        } else if (b >= 0xC2 && b <= 0xDF) {
            need = 1;
        } else if (b == 0xE0) {
            need = 2;
            lo = 0xA0;
        } else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) {
            need = 2;
        } else if (b == 0xED) {
            need = 2;
            hi = 0x9F;
        } else if (b == 0xF0) {
            need = 3;
            lo = 0x90;
        } else if (b >= 0xF1 && b <= 0xF3) {
            need = 3;
        } else if (b == 0xF4) {
            need = 3;
            hi = 0x8F;
        } else {
            throw new Invalid(String.format("Invalid UTF-8 start byte 0x%02X at byte %d", b, offset), line, column);
        }
    }
}
