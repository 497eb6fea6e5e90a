package org.offbook.model;

/**
 * Every fact read from a filing or deal-terms file. Implementations are records whose components
 * describe the input fields (see {@code docs/filing-format.md}); the last two components are always
 * {@code source} (where the figure comes from, in words) and {@code provenance} (file and line).
 */
public interface Fact {

    /** Where the figure comes from: a filing, a press report, a deal document. */
    String source();

    /** The file and line this fact was read from. */
    Provenance provenance();
}
