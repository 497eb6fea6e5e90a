package org.offbook.load.xbrl;

import java.util.List;
import org.offbook.model.Fact;
import org.offbook.model.Problem;

/**
 * The seam between the XBRL reader and offbook's facts: turns the XBRL documents of a load into
 * offbook facts. The folder loader calls it once, after every other file is read (so that filers
 * link to the entities of the deal-term files, by CIK or alias), with the documents in file-name
 * order. Facts returned carry the provenance of their document (file name as in
 * {@link XbrlDocument#file()}), which is how they are counted per file.
 */
@FunctionalInterface
public interface XbrlFactMapper {

    /** Maps nothing: the documents are still read, listed and their problems reported. */
    XbrlFactMapper NONE = (documents, loaded, errors) -> List.of();

    /**
     * @param documents the XBRL documents read, in file-name order
     * @param loaded    the facts read from the other files so far (do not modify)
     * @param errors    where to add problems
     * @return the offbook facts derived from the documents
     */
    List<Fact> map(List<XbrlDocument> documents, List<Fact> loaded, List<Problem> errors);

    /** The mapper the folder loader uses by default. */
    static XbrlFactMapper standard() {
        return new FiledDisclosures();
    }

    /** The standard mapper for a run on the rule folders {@code ruleDirs}: its tables are read from there (null: none given). */
    static XbrlFactMapper standard(java.util.List<java.nio.file.Path> ruleDirs) {
        return new FiledDisclosures(ruleDirs);
    }
}
