package org.offbook.load.xbrl;

/**
 * Hard limits of the XBRL reader; each one, when hit, ends in a clear message with file and line
 * (exit 5), the rest of the folder still checked.
 *
 * @param maxFileBytes   largest file read (uncompressed bytes for a .gz); larger files are refused
 * @param maxTextChars   longest text kept for one nonNumeric fact (continuations included); longer text is cut and reported
 * @param maxErrors      problems reported per file; beyond it they are counted in one closing message
 * @param maxDepth       deepest element nesting accepted
 * @param maxFacts       most facts read from one file
 */
public record Limits(long maxFileBytes, int maxTextChars, int maxErrors, int maxDepth, int maxFacts) {

    public static final Limits DEFAULT = new Limits(256L * 1024 * 1024, 1_000_000, 100, 512, 500_000);

    public Limits {
        if (maxFileBytes <= 0 || maxTextChars <= 0 || maxErrors <= 0 || maxDepth <= 0 || maxFacts <= 0) {
            throw new IllegalArgumentException("XBRL limits must be positive");
        }
    }

    public Limits withMaxFileBytes(long v) {
        return new Limits(v, maxTextChars, maxErrors, maxDepth, maxFacts);
    }

    public Limits withMaxTextChars(int v) {
        return new Limits(maxFileBytes, v, maxErrors, maxDepth, maxFacts);
    }

    public Limits withMaxErrors(int v) {
        return new Limits(maxFileBytes, maxTextChars, v, maxDepth, maxFacts);
    }

    public Limits withMaxDepth(int v) {
        return new Limits(maxFileBytes, maxTextChars, maxErrors, v, maxFacts);
    }

    public Limits withMaxFacts(int v) {
        return new Limits(maxFileBytes, maxTextChars, maxErrors, maxDepth, v);
    }
}
