package org.offbook.bench;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One generated fact, as the text it is written with: a fact type (the name used in input files)
 * and one value per column of that type, null where the fact leaves the field out. The same row
 * is written as a CSV line or a JSON object, so both layouts hold the same facts.
 */
final class Row {

    /** How a column is written in JSON: text, number, boolean or list of text (CSV writes all as text). */
    enum Kind { TEXT, NUMBER, BOOL, LIST }

    /** The columns generated for each fact type, in the order they are written. */
    static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();
    private static final Map<String, Map<String, Integer>> INDEX = new HashMap<>();
    private static final Map<String, Kind> KINDS = new HashMap<>();

    static {
        columns("entities", "id", "name", "kind", "aliases", "cik", "source");
        columns("statements", "entity", "period", "start", "end", "currency", "revenue", "operatingIncome", "interestExpense",
                "netIncome", "totalDebt", "equity", "operatingLeaseLiabilities", "capex", "rpo", "vieMaximumExposure", "source");
        columns("usefulLives", "entity", "assetClass", "years", "previousYears", "effective", "source");
        columns("stakes", "holder", "entity", "share", "booking", "asOf", "currency", "carryingValue", "source");
        columns("financings", "id", "borrower", "lenders", "kind", "currency", "amount", "rate", "start", "maturity", "termYears",
                "collateral", "collateralLifeYears", "source");
        columns("leases", "id", "lessee", "lessor", "asset", "assetKind", "currency", "assetCost", "assetLifeYears", "termYears",
                "residualValueGuarantee", "rvgYears", "purchaseOption", "booking", "start", "source");
        columns("guarantees", "id", "guarantor", "obligor", "kind", "currency", "maxExposure", "termYears", "start", "source");
        columns("investments", "id", "investor", "investee", "currency", "amount", "form", "share", "status", "date", "source");
        columns("contracts", "id", "buyer", "seller", "what", "currency", "amount", "termYears", "start", "status", "source");
        columns("backstops", "id", "backer", "provider", "what", "currency", "amount", "end", "source");
        columns("roles", "entity", "target", "role", "source");
        columns("concentrations", "entity", "customer", "basis", "share", "period", "start", "end", "source");
        columns("warrants", "grantor", "holder", "shares", "share", "purchaseLinked", "vesting", "source");
        for (String c : List.of("share", "termYears", "assetLifeYears", "rvgYears", "collateralLifeYears", "years", "previousYears", "shares")) {
            KINDS.put(c, Kind.NUMBER);
        }
        for (String c : List.of("residualValueGuarantee", "purchaseOption", "purchaseLinked")) {
            KINDS.put(c, Kind.BOOL);
        }
        KINDS.put("aliases", Kind.LIST);
        KINDS.put("lenders", Kind.LIST);
    }

    private static void columns(String type, String... names) {
        COLUMNS.put(type, List.of(names));
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            idx.put(names[i], i);
        }
        INDEX.put(type, idx);
    }

    static Kind kind(String column) {
        return KINDS.getOrDefault(column, Kind.TEXT);
    }

    final String type;
    final String[] values;

    Row(String type) {
        this.type = type;
        this.values = new String[COLUMNS.get(type).size()];
    }

    static Row of(String type) {
        return new Row(type);
    }

    /** Sets a column; a null value leaves the field out. List values are separated by ';'. */
    Row set(String column, Object value) {
        Integer i = INDEX.get(type).get(column);
        if (i == null) {
            throw new IllegalArgumentException("no column " + column + " for " + type);
        }
        values[i] = value == null ? null : value.toString();
        return this;
    }

    String get(String column) {
        return values[INDEX.get(type).get(column)];
    }

    List<String> columns() {
        return COLUMNS.get(type);
    }
}
