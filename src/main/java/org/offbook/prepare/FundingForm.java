package org.offbook.prepare;

/**
 * The form of a supplier's funding of its customer ({@code Investment.form}), in the words the
 * VENDOR rules' declared messages choose between: one flag per form for their sections, and the
 * nouns they print. {@code form} is "equity", "preferred", "convertible", "loan" or anything else.
 */
public record FundingForm(String form) {

    /** The form of an investment; a form not given reads as "other". */
    public static FundingForm of(String form) {
        return new FundingForm(form == null ? "other" : form);
    }

    /** Equity or preferred equity. */
    public boolean equityLike() {
        return form.equals("equity") || form.equals("preferred");
    }

    public boolean convertible() {
        return form.equals("convertible");
    }

    public boolean loan() {
        return form.equals("loan");
    }

    /** None of equity, preferred equity, convertible notes or a loan. */
    public boolean other() {
        return !equityLike() && !convertible() && !loan();
    }

    /** Loans and notes are financing receivables: true for a loan or convertible notes. */
    public boolean lending() {
        return loan() || convertible();
    }

    /** What is given: "equity", "preferred equity", "convertible notes", "loans" or "funding". */
    public String word() {
        return switch (form) {
            case "equity" -> "equity";
            case "preferred" -> "preferred equity";
            case "convertible" -> "convertible notes";
            case "loan" -> "loans";
            default -> "funding";
        };
    }

    /** What a unit of it is called in a ratio: "equity", "lending", "convertible notes" or "investment". */
    public String unit() {
        return switch (form) {
            case "equity", "preferred" -> "equity";
            case "loan" -> "lending";
            case "convertible" -> "convertible notes";
            default -> "investment";
        };
    }
}
