package org.offbook.model;

import java.util.List;

@Doc("A company, vehicle (SPV, joint venture), fund or bank that other facts refer to by id.")
public record Entity(
        @Required @Key @Doc("Short identifier other facts use, e.g. \"meta\"; letters, digits, '-', '_' and '.'.") String id,
        @Required @Doc("Legal or common name, e.g. \"Meta Platforms, Inc.\"") String name,
        @Required @OneOf({"company", "spv", "jv", "vehicle", "fund", "bank", "other"})
        @Doc("company; spv, jv or vehicle for special-purpose and project entities; fund; bank; other.") String kind,
        @Doc("Other names the entity is known by; other facts may refer to it by any of them.") List<String> aliases,
        @Doc("SEC Central Index Key, if it files with the SEC.") String cik,
        @Doc("Legal Entity Identifier (ISO 17442), if known.") String lei,
        @Doc("SEC standard industrial classification (SIC) code, e.g. \"6798\" for a real-estate investment trust; read from "
            + "an SEC data set's sub.txt for filers offbook creates. Statement rules use it to tell banks, insurers, finance "
            + "companies and lessors (6000-6499) from others.") String sic,
        @OneOf({"us-gaap", "ifrs"})
        @Doc("Reporting framework: us-gaap (the default when absent) or ifrs; findings about the entity cite that framework's standards.") String framework,
        String source,
        Provenance provenance) implements Fact {

    /** True when the entity reports under IFRS (its findings cite IFRS); US GAAP otherwise. */
    public boolean reportsIfrs() {
        return "ifrs".equals(framework);
    }

    /** True for special-purpose vehicles, joint ventures and other project vehicles. */
    public boolean isVehicle() {
        return kind.equals("spv") || kind.equals("jv") || kind.equals("vehicle");
    }

    /**
     * True for SIC codes 6000 to 6499 (banks, credit institutions, brokers, insurers, finance and
     * leasing companies), whose operating income is already after interest; 6798 (real-estate
     * investment trusts) and other 65xx-67xx codes are not included.
     */
    public boolean isFinancial() {
        if (sic == null || !sic.matches("\\d{4}")) {
            return false;
        }
        int code = Integer.parseInt(sic);
        return code >= 6000 && code <= 6499;
    }
}
