package org.offbook.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a synthetic market in offbook's own input format: N companies with quarterly and annual
 * statements over several years, their debt, leases, supply contracts, stakes, guarantees and
 * customer concentrations, the vehicles they sponsor, and the funds and banks on the other side;
 * plus planted structures, one rule scenario each, at known companies, listed with the findings
 * they must produce in {@code planted-findings.tsv}.
 *
 * <p>Proportions (per company, on average): 4 statements a year (Q1-Q3 and the fiscal year, as
 * 10-Q and 10-K filers report), 1.8 financings, 2.5 supply contracts as seller, 0.7 leases,
 * 0.12 sponsored vehicles, 8% hold a portfolio stake, 15% disclose major customers, 7% do not earn
 * their interest in the latest year and 12% had a year or two of operating losses before; the others
 * earn their interest at least twice over. One company in 20 carries a planted scenario (at least one
 * of each scenario at any size).
 *
 * <p>Deterministic: the same spec gives a byte-identical folder. Every company draws from its own
 * random stream (seed, company index), so one company's facts do not depend on another's.
 */
public final class MarketGenerator {

    /** How the market is written. */
    public enum Layout {
        /** Large CSV tables: entities, statements per fiscal year, one table per link type. */
        TABLES,
        /** One folder of JSON documents per company. */
        FOLDERS
    }

    /** What to generate. */
    public record Spec(int companies, long seed, int years, Layout layout) {
        public Spec {
            if (companies < 20) {
                throw new IllegalArgumentException("--companies must be at least 20 (one company per planted scenario), found " + companies);
            }
            if (years < 1 || years > 60) {
                throw new IllegalArgumentException("--years must be between 1 and 60, found " + years);
            }
        }

        /** The text of market.txt: a folder generated from the same spec is the same folder. */
        String describe() {
            return "offbook synthetic market\ncompanies=" + companies + "\nseed=" + seed + "\nyears=" + years
                    + "\nlayout=" + layout.name().toLowerCase(Locale.ROOT) + "\nlast-fiscal-year=" + LAST_YEAR + "\n";
        }
    }

    /** What was written. */
    public record Summary(Spec spec, int entities, long facts, Map<String, Long> factsByType, int files, long bytes,
                          List<Planted> planted) {
    }

    public static final String DESCRIPTION = "market.txt";
    static final int LAST_YEAR = 2025;
    private static final String CCY = "USD";

    /** The planted scenarios, in the order they are assigned to companies. */
    static final List<String> SCENARIOS = List.of(
            "SPV-001", "LEASE-003", "VENDOR-001", "CONC-001", "COVER-001",
            "SPV-002", "LEASE-001", "VENDOR-002", "CONC-002",
            "SPV-003", "LEASE-002", "VENDOR-003", "CONC-003",
            "SPV-004", "LEASE-004", "VENDOR-004",
            "LEASE-005", "VENDOR-005", "LEASE-006", "VENDOR-006");

    private static final String[] NAME_A = {"Nor", "Vel", "Astra", "Cor", "Lum", "Tera", "Quan", "Hel", "Ori", "Zen", "Kal",
        "Pyra", "Sol", "Arc", "Vant", "Cel", "Dyna", "Ever", "Gal", "Ion", "Mar", "Nexa", "Opti", "Rho", "Sig", "Ultra", "Vox"};
    private static final String[] NAME_B = {"vex", "tis", "lon", "ica", "ara", "dyne", "tron", "ium", "gen", "ora", "sys",
        "net", "path", "core", "ward", "mont", "ridge", "field", "scale", "grid"};
    private static final String[] NAME_C = {"Systems, Inc.", "Holdings, Inc.", "Corporation", "Technologies, Inc.", "Group plc",
        "Industries, Inc.", "Networks, Inc.", "Energy Corp.", "Semiconductor, Inc.", "Cloud, Inc.", "Materials, Inc."};
    private static final String[] CITIES = {"Abilene", "Reno", "Columbus", "Ashburn", "Phoenix", "Dallas", "Atlanta", "Quincy",
        "Mesa", "Lancaster", "Richland", "Council Bluffs", "New Albany", "Temple", "Cheyenne", "Denton"};
    private static final String[] WHAT = {"gpus", "cloud-capacity", "components", "software", "services", "power",
        "network-equipment", "memory", "data-centre-construction"};

    private final Spec spec;
    private final Sinks.Sink sink;
    private final int width;
    private final int funds;
    private final int banks;
    private final int[] plantedAt;
    private final List<Planted> planted = new ArrayList<>();
    private final Map<String, Long> counts = new TreeMap<>();
    private int vehicles;
    private int entities;

    private MarketGenerator(Spec spec, Sinks.Sink sink) {
        this.spec = spec;
        this.sink = sink;
        this.width = Math.max(5, Integer.toString(spec.companies()).length());
        this.funds = Math.max(5, spec.companies() / 40);
        this.banks = Math.max(5, spec.companies() / 80);
        int p = Math.min(Math.max(SCENARIOS.size(), spec.companies() / 20), spec.companies() / 2);
        this.plantedAt = new int[spec.companies()];
        java.util.Arrays.fill(plantedAt, -1);
        for (int k = 0; k < p; k++) {
            plantedAt[(int) ((long) k * spec.companies() / p)] = k % SCENARIOS.size();
        }
    }

    /** Generates the market into {@code out}, which must not exist or be an empty folder. */
    public static Summary generate(Spec spec, Path out) throws IOException {
        if (Files.exists(out)) {
            try (var list = Files.list(out)) {
                if (list.findAny().isPresent()) {
                    throw new IOException(out + " exists and is not empty; give a new folder");
                }
            }
        }
        Files.createDirectories(out);
        Sinks.Sink sink = spec.layout() == Layout.TABLES ? new Sinks.Tables(out) : new Sinks.Folders(out);
        MarketGenerator g = new MarketGenerator(spec, sink);
        try (sink) {
            g.run();
        }
        Files.writeString(out.resolve(DESCRIPTION), spec.describe() + g.describeCounts(), StandardCharsets.UTF_8);
        Planted.write(out, g.planted);
        long bytes = 0;
        for (String f : sink.files()) {
            bytes += Files.size(out.resolve(f));
        }
        long facts = g.counts.values().stream().mapToLong(Long::longValue).sum();
        return new Summary(spec, g.entities, facts, Map.copyOf(g.counts), sink.files().size(), bytes, List.copyOf(g.planted));
    }

    private String describeCounts() {
        StringBuilder sb = new StringBuilder();
        long total = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            sb.append("facts.").append(e.getKey()).append('=').append(e.getValue()).append('\n');
            total += e.getValue();
        }
        return sb.append("facts=").append(total).append('\n').append("planted=").append(planted.size()).append('\n').toString();
    }

    // ---------------------------------------------------------------- ids and names

    String company(int i) {
        return "c" + pad(i + 1, width);
    }

    private String fund(int k) {
        return "f" + pad(k + 1, 4);
    }

    private String bank(int k) {
        return "b" + pad(k + 1, 4);
    }

    private static String pad(int n, int w) {
        String s = Integer.toString(n);
        return s.length() >= w ? s : "0".repeat(w - s.length()) + s;
    }

    /** A ticker-like alias, unique per company: letters only, so never an id. */
    static String ticker(int i) {
        StringBuilder sb = new StringBuilder();
        int n = i + 26 * 26;
        while (n > 0) {
            sb.append((char) ('A' + n % 26));
            n /= 26;
        }
        return sb.reverse().toString();
    }

    private static String companyName(Rng r) {
        return r.pick(NAME_A) + r.pick(NAME_B) + " " + r.pick(NAME_C);
    }

    // ---------------------------------------------------------------- values

    /** An amount in USD written in millions, e.g. {@code 1234.567M}; the row's currency column says USD. */
    static String money(double usd) {
        long thousands = Math.round(usd / 1000.0);
        String sign = thousands < 0 ? "-" : "";
        long a = Math.abs(thousands);
        long whole = a / 1000;
        long frac = a % 1000;
        if (frac == 0) {
            return sign + whole + "M";
        }
        String f = pad((int) frac, 3);
        while (f.endsWith("0")) {
            f = f.substring(0, f.length() - 1);
        }
        return sign + whole + "." + f + "M";
    }

    /** A share with up to 4 decimals, e.g. 0.1234. */
    static String share(double s) {
        long bp = Math.round(s * 10_000);
        if (bp >= 10_000) {
            return "1";
        }
        String f = pad((int) bp, 4);
        while (f.endsWith("0")) {
            f = f.substring(0, f.length() - 1);
        }
        return f.isEmpty() ? "0" : "0." + f;
    }

    private static LocalDate yearEnd(int year) {
        return LocalDate.of(year, 12, 31);
    }

    private static LocalDate someDay(Rng r, int fromYear, int toYear) {
        return LocalDate.of(r.between(fromYear, toYear), r.between(1, 12), r.between(1, 28));
    }

    private int firstYear() {
        return LAST_YEAR - spec.years() + 1;
    }

    // ---------------------------------------------------------------- output

    private void emit(int owner, Row row) throws IOException {
        if (row.get("source") == null) {
            throw new IllegalStateException("generated " + row.type + " without a source");
        }
        sink.add(owner, owner < 0 ? null : company(owner), row);
        counts.merge(row.type, 1L, Long::sum);
        if (row.type.equals("entities")) {
            entities++;
        }
    }

    private void plant(String rule, String subject, List<String> related, String scenario, String where) {
        planted.add(new Planted(rule, subject, related, scenario, where));
    }

    // ---------------------------------------------------------------- the market

    private void run() throws IOException {
        for (int k = 0; k < funds; k++) {
            emit(-1, Row.of("entities").set("id", fund(k)).set("name", "Fund " + pad(k + 1, 4) + " Infrastructure Partners")
                    .set("kind", "fund").set("source", "Fund register"));
        }
        for (int k = 0; k < banks; k++) {
            emit(-1, Row.of("entities").set("id", bank(k)).set("name", "Bank " + pad(k + 1, 4) + " N.A.")
                    .set("kind", "bank").set("source", "Bank register"));
        }
        for (int i = 0; i < spec.companies(); i++) {
            generateCompany(i, Rng.of(spec.seed(), i));
        }
    }

    /** Per-company flags a planted scenario sets on the company's own statements. */
    private static final class Flags {
        boolean coverBreach;
        double rpoMultiple;
        double vieExposure;
    }

    private void generateCompany(int i, Rng r) throws IOException {
        String id = company(i);
        int scenario = plantedAt[i];
        boolean isPlanted = scenario >= 0;
        emit(i, Row.of("entities").set("id", id).set("name", companyName(r)).set("kind", "company").set("aliases", ticker(i))
                .set("cik", pad(1_000_000 + (int) ((i * 7919L) % 8_999_999), 10)).set("source", "SEC EDGAR company facts"));

        // the company's economics: revenue in the first year, growth, margin, leverage
        double revenue0 = Math.min(300e9, Math.max(5e6, r.logNormal(400e6, 1.4)));
        double growth = 0.05 + 0.08 * r.gaussian();
        double margin = 0.12 + 0.08 * r.gaussian();
        double debtRatio = r.uniform(0.1, 1.2);
        double rate = r.uniform(0.03, 0.08);
        double equityRatio = r.uniform(0.3, 1.5);
        boolean zombie = r.chance(0.07);
        // some companies went through a bad patch: one or two years that did not earn their interest
        int distressFrom = Integer.MAX_VALUE;
        int distressTo = Integer.MIN_VALUE;
        if (spec.years() > 2 && r.chance(0.12)) {
            distressFrom = r.between(firstYear(), LAST_YEAR - 2);
            distressTo = Math.min(LAST_YEAR - 1, distressFrom + r.between(0, 1));
        }
        boolean rpoReporter = r.chance(0.10);
        double rpoMultiple = r.uniform(0.3, 2.5);
        double leaseLiabilities = r.chance(0.5) ? r.uniform(0.02, 0.3) : 0;
        double lastRevenue = revenue0 * StrictMath.pow(1 + growth, spec.years() - 1);
        double lastDebt = lastRevenue * debtRatio;

        // planted scenarios decide before the statements are written (some live in the statements)
        Flags flags = new Flags();
        Rng pr = Rng.of(spec.seed(), 10_000_000L + i);
        if (isPlanted) {
            plantScenario(i, SCENARIOS.get(scenario), pr, flags, lastRevenue);
        }

        statements(i, r, revenue0, growth, margin, debtRatio, rate, equityRatio, zombie || flags.coverBreach, distressFrom, distressTo,
                rpoReporter && flags.rpoMultiple == 0, rpoMultiple, flags.rpoMultiple, flags.vieExposure, leaseLiabilities);

        // debt
        int nFin = r.between(1, 3);
        for (int k = 0; k < nFin; k++) {
            LocalDate start = someDay(r, Math.max(2005, LAST_YEAR - 12), LAST_YEAR);
            String kind = r.pick("bond", "term-loan", "credit-facility", "bond", "term-loan");
            int lenders = r.between(1, 2);
            StringBuilder ls = new StringBuilder();
            for (int l = 0; l < lenders; l++) {
                ls.append(l == 0 ? "" : ";").append(bank(r.nextInt(banks)));
            }
            Row f = Row.of("financings").set("id", "F-" + id + "-" + (k + 1)).set("borrower", id).set("lenders", ls)
                    .set("kind", kind).set("currency", CCY).set("amount", money(lastDebt / nFin * r.uniform(0.6, 1.4)))
                    .set("rate", String.format(Locale.ROOT, "%.2f%%", rate * 100 + r.uniform(-0.5, 0.5)))
                    .set("start", start).set("maturity", start.plusYears(r.between(3, 30)))
                    .set("source", "10-K " + LAST_YEAR + ", debt note");
            if (r.chance(0.03)) {
                f.set("collateral", "gpu").set("collateralLifeYears", 5).set("termYears", r.between(2, 4)).set("maturity", null);
            }
            emit(i, f);
        }

        // supply contracts, the company selling
        int nContracts = r.between(0, 5);
        List<String> buyers = new ArrayList<>();
        for (int k = 0; k < nContracts; k++) {
            String buyer = company(other(r, i));
            buyers.add(buyer);
            String status = r.chance(0.8) ? "definitive" : r.chance(0.5) ? "completed" : r.chance(0.5) ? "letter-of-intent" : "reported";
            emit(i, Row.of("contracts").set("id", "K-" + id + "-" + (k + 1))
                    .set("buyer", r.chance(0.05) ? ticker(Integer.parseInt(buyer.substring(1)) - 1) : buyer)
                    .set("seller", id).set("what", r.pick(WHAT)).set("currency", CCY)
                    .set("amount", money(lastRevenue * r.uniform(0.01, 0.3))).set("termYears", r.between(1, 7))
                    .set("start", someDay(r, LAST_YEAR - 3, LAST_YEAR)).set("status", status)
                    .set("source", "8-K, material definitive agreement"));
        }

        // major customers (ASC 280 asks for any customer at 10% of revenue or more), three years of history
        if (!isPlanted && !buyers.isEmpty() && r.chance(0.15)) {
            int n = Math.min(buyers.size(), r.between(1, 2));
            List<String> seen = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                String customer = buyers.get(k);
                if (seen.contains(customer) || customer.equals(id)) {
                    continue;
                }
                seen.add(customer);
                double s = r.uniform(0.10, 0.40);
                for (int y = Math.max(firstYear(), LAST_YEAR - 2); y <= LAST_YEAR; y++) {
                    double sy = y == LAST_YEAR ? s : Math.max(0.05, s + r.uniform(-0.05, 0.05));
                    emit(i, Row.of("concentrations").set("entity", id).set("customer", customer).set("basis", "revenue")
                            .set("share", share(sy)).set("period", "FY" + y).set("start", LocalDate.of(y, 1, 1)).set("end", yearEnd(y))
                            .set("source", "10-K " + y + ", segment note"));
                }
            }
        }

        // leases: offices and data halls from funds, some GPUs
        if (r.chance(0.6)) {
            int life = r.between(35, 50);
            emit(i, Row.of("leases").set("id", "L-" + id + "-1").set("lessee", id).set("lessor", fund(r.nextInt(funds)))
                    .set("asset", r.pick(CITIES) + " headquarters").set("assetKind", "building").set("assetLifeYears", life)
                    .set("termYears", r.between(5, 15)).set("booking", "operating").set("start", someDay(r, LAST_YEAR - 10, LAST_YEAR))
                    .set("source", "10-K " + LAST_YEAR + ", lease note"));
        }
        if (r.chance(0.1)) {
            emit(i, Row.of("leases").set("id", "L-" + id + "-2").set("lessee", id).set("lessor", fund(r.nextInt(funds)))
                    .set("asset", "GPU cluster").set("assetKind", "gpu").set("currency", CCY)
                    .set("assetCost", money(lastRevenue * r.uniform(0.02, 0.2))).set("assetLifeYears", 5)
                    .set("termYears", r.between(2, 3)).set("booking", "operating").set("start", someDay(r, LAST_YEAR - 2, LAST_YEAR))
                    .set("source", "10-K " + LAST_YEAR + ", lease note"));
        }

        // portfolio stakes, strategic investments, useful lives
        if (r.chance(0.08)) {
            String target = company(other(r, i));
            emit(i, Row.of("stakes").set("holder", id).set("entity", target).set("share", share(r.uniform(0.01, 0.15)))
                    .set("booking", r.pick("fair-value", "equity-method", "non-marketable")).set("asOf", yearEnd(LAST_YEAR))
                    .set("source", "10-K " + LAST_YEAR + ", investments note"));
        }
        if (r.chance(0.01)) {
            emit(i, Row.of("investments").set("id", "I-" + id + "-1").set("investor", id).set("investee", company(other(r, i)))
                    .set("currency", CCY).set("amount", money(lastRevenue * r.uniform(0.01, 0.1))).set("form", "equity")
                    .set("status", "completed").set("date", someDay(r, LAST_YEAR - 2, LAST_YEAR)).set("source", "Press release"));
        }
        if (r.chance(0.1)) {
            emit(i, Row.of("usefulLives").set("entity", id).set("assetClass", "servers").set("years", r.between(5, 6))
                    .set("previousYears", 4).set("effective", LocalDate.of(r.between(2021, 2024), 1, 1))
                    .set("source", "10-K, property and equipment note"));
        }
        if (r.chance(0.003)) {
            emit(i, Row.of("backstops").set("id", "B-" + id + "-1").set("backer", id).set("provider", company(other(r, i)))
                    .set("what", "cloud-capacity").set("currency", CCY).set("amount", money(lastRevenue * 0.05))
                    .set("end", yearEnd(LAST_YEAR + 5)).set("source", "8-K"));
        }
        if (r.chance(0.003)) {
            emit(i, Row.of("warrants").set("grantor", id).set("holder", company(other(r, i))).set("shares", r.between(1, 50) * 1_000_000)
                    .set("purchaseLinked", false).set("vesting", "time-based").set("source", "8-K"));
        }

        // sponsored vehicles
        if (r.chance(0.12)) {
            vehicle(i, r, lastRevenue);
        }
    }

    /** A company index other than i. */
    private int other(Rng r, int i) {
        return (i + 1 + r.nextInt(spec.companies() - 1)) % spec.companies();
    }

    /**
     * Q1-Q3 and fiscal-year statements for every year. A healthy year earns its interest at least twice
     * over, in every quarter; a year of distress (and the latest year of a company that no longer earns
     * its interest) has an operating loss.
     */
    private void statements(int i, Rng r, double revenue0, double growth, double margin, double debtRatio, double rate,
                            double equityRatio, boolean breachLastYear, int distressFrom, int distressTo, boolean rpoReporter,
                            double rpoMultiple, double plantedRpoMultiple, double vieExposure, double leaseLiabilities) throws IOException {
        String id = company(i);
        for (int y = firstYear(); y <= LAST_YEAR; y++) {
            boolean last = y == LAST_YEAR;
            double rev = revenue0 * StrictMath.pow(1 + growth, y - firstYear()) * (1 + 0.05 * r.gaussian());
            double m = margin + 0.03 * r.gaussian();
            double debt = rev * debtRatio;
            double interest = debt * rate;
            if (last && breachLastYear || y >= distressFrom && y <= distressTo) {
                m = -r.uniform(0.01, 0.15);
            } else {
                m = Math.max(m, 2 * interest / rev + 0.01);
            }
            double equity = rev * equityRatio;
            for (int q = 1; q <= 3; q++) {
                double qrev = rev / 4 * (1 + 0.04 * r.gaussian());
                double qop = qrev * m * (1 + 0.15 * r.gaussian());
                double qint = interest / 4;
                LocalDate start = LocalDate.of(y, 3 * q - 2, 1);
                emit(i, Row.of("statements").set("entity", id).set("period", "Q" + q + " " + y).set("start", start)
                        .set("end", start.plusMonths(3).minusDays(1)).set("currency", CCY)
                        .set("revenue", money(qrev)).set("operatingIncome", money(qop)).set("interestExpense", money(qint))
                        .set("netIncome", money((qop - qint) * 0.79)).set("totalDebt", money(debt)).set("equity", money(equity))
                        .set("source", "10-Q Q" + q + " " + y));
            }
            double op = rev * m;
            Row fy = Row.of("statements").set("entity", id).set("period", "FY" + y).set("start", LocalDate.of(y, 1, 1))
                    .set("end", yearEnd(y)).set("currency", CCY).set("revenue", money(rev)).set("operatingIncome", money(op))
                    .set("interestExpense", money(interest)).set("netIncome", money((op - interest) * 0.79))
                    .set("totalDebt", money(debt)).set("equity", money(equity)).set("capex", money(rev * 0.08))
                    .set("source", "10-K " + y);
            if (leaseLiabilities > 0) {
                fy.set("operatingLeaseLiabilities", money(rev * leaseLiabilities));
            }
            if (rpoReporter) {
                fy.set("rpo", money(rev * rpoMultiple));
            }
            if (last && plantedRpoMultiple > 0) {
                fy.set("rpo", money(rev * plantedRpoMultiple));
            }
            if (last && vieExposure > 0) {
                fy.set("vieMaximumExposure", money(vieExposure));
            }
            emit(i, fy);
        }
    }

    /**
     * A vehicle a company sponsors, structured so that no rule should fire on it: either a
     * consolidated subsidiary the sponsor leases from on finance-lease terms, or a fund-owned
     * vehicle with several tenants on leases that run as long as its debt.
     */
    private void vehicle(int i, Rng r, double lastRevenue) throws IOException {
        String sponsor = company(i);
        String v = newVehicle(i, r.chance(0.5) ? "spv" : "vehicle", r.pick(CITIES) + " Property Funding LLC");
        LocalDate start = LocalDate.of(r.between(LAST_YEAR - 9, LAST_YEAR - 1), r.between(1, 12), 1);
        int tenor = r.between(15, 25);
        double amount = Math.max(200e6, Math.min(3e9, lastRevenue * r.uniform(0.05, 0.5)));
        emit(i, Row.of("financings").set("id", "F-" + v + "-1").set("borrower", v).set("lenders", bank(r.nextInt(banks)))
                .set("kind", "project-loan").set("currency", CCY).set("amount", money(amount)).set("rate", "6.10%")
                .set("start", start).set("maturity", start.plusYears(tenor)).set("source", "Vehicle offering memorandum"));
        int life = r.between((int) Math.ceil(tenor * 1.4), tenor * 2);
        if (r.chance(0.5)) {
            emit(i, Row.of("stakes").set("holder", sponsor).set("entity", v).set("share", "1").set("booking", "consolidated")
                    .set("asOf", yearEnd(LAST_YEAR)).set("source", "10-K " + LAST_YEAR + ", subsidiaries"));
            emit(i, Row.of("leases").set("id", "L-" + v + "-1").set("lessee", sponsor).set("lessor", v).set("asset", v + " campus")
                    .set("assetKind", "data-centre").set("assetLifeYears", life).set("termYears", r.between((int) Math.ceil(tenor * 0.7), tenor))
                    .set("booking", "finance").set("start", start).set("source", "10-K " + LAST_YEAR + ", lease note"));
            emit(i, Row.of("statements").set("entity", v).set("period", "FY" + LAST_YEAR).set("end", yearEnd(LAST_YEAR))
                    .set("currency", CCY).set("equity", money(amount * r.uniform(0.2, 0.5))).set("totalDebt", money(amount))
                    .set("source", "Vehicle accounts " + LAST_YEAR));
            if (r.chance(0.3)) {
                emit(i, Row.of("guarantees").set("id", "G-" + v + "-1").set("guarantor", sponsor).set("obligor", v).set("kind", "guarantee")
                        .set("currency", CCY).set("maxExposure", money(amount)).set("source", "10-K " + LAST_YEAR + ", guarantees note"));
            }
        } else {
            emit(i, Row.of("stakes").set("holder", fund(r.nextInt(funds))).set("entity", v).set("share", "1").set("booking", "fair-value")
                    .set("asOf", yearEnd(LAST_YEAR)).set("source", "Fund report " + LAST_YEAR));
            int tenants = r.between(2, 4);
            for (int t = 0; t < tenants; t++) {
                String tenant = t == 0 ? sponsor : company(other(r, i));
                emit(i, Row.of("leases").set("id", "L-" + v + "-" + (t + 1)).set("lessee", tenant).set("lessor", v)
                        .set("asset", "Hall " + (char) ('A' + t) + ", " + v + " campus").set("assetKind", "data-centre")
                        .set("assetLifeYears", life).set("termYears", tenor).set("booking", "operating")
                        .set("start", start.plusMonths(r.between(0, 12))).set("source", "Vehicle offering memorandum"));
            }
            emit(i, Row.of("roles").set("entity", sponsor).set("target", v).set("role", "developer").set("source", "Vehicle offering memorandum"));
        }
    }

    private String newVehicle(int owner, String kind, String name) throws IOException {
        vehicles++;
        String v = "v" + pad(vehicles, width);
        emit(owner, Row.of("entities").set("id", v).set("name", name).set("kind", kind).set("source", "Vehicle offering memorandum"));
        return v;
    }

    // ---------------------------------------------------------------- planted scenarios

    private String where(String subject, String... types) {
        return spec.layout() == Layout.FOLDERS ? "companies/" + subject + "/" : String.join("+", types);
    }

    private void plantScenario(int i, String rule, Rng r, Flags flags, double lastRevenue) throws IOException {
        String s = company(i);
        String c = company(other(r, i));
        String f = fund(r.nextInt(funds));
        String b = bank(r.nextInt(banks));
        String src = "Planted " + rule + " scenario";
        LocalDate fyEnd = yearEnd(LAST_YEAR);
        switch (rule) {
            case "SPV-001" -> {
                // minority holder, sole tenant, with a residual value guarantee and a management role
                String v = newVehicle(i, "jv", "Planted Campus Investor LLC " + s);
                double debt = r.uniform(2e9, 20e9);
                emit(i, Row.of("financings").set("id", "F-" + v + "-1").set("borrower", v).set("lenders", b).set("kind", "bond")
                        .set("currency", CCY).set("amount", money(debt)).set("rate", "6.58%").set("start", LocalDate.of(2023, 6, 30))
                        .set("maturity", LocalDate.of(2049, 12, 31)).set("source", src));
                emit(i, Row.of("stakes").set("holder", s).set("entity", v).set("share", "0.2").set("booking", "non-marketable")
                        .set("asOf", fyEnd).set("source", src));
                emit(i, Row.of("stakes").set("holder", f).set("entity", v).set("share", "0.8").set("booking", "fair-value")
                        .set("asOf", fyEnd).set("source", src));
                emit(i, Row.of("leases").set("id", "L-" + v + "-1").set("lessee", s).set("lessor", v).set("asset", "Planted campus")
                        .set("assetKind", "data-centre").set("termYears", 15).set("residualValueGuarantee", true).set("rvgYears", 20)
                        .set("booking", "operating").set("start", LocalDate.of(2025, 1, 1)).set("source", src));
                emit(i, Row.of("roles").set("entity", s).set("target", v).set("role", "construction-manager").set("source", src));
                plant(rule, s, List.of(v), "minority stake, sole tenant, residual value guarantee", where(s, "financings", "stakes", "leases", "roles"));
            }
            case "SPV-002" -> {
                String v = newVehicle(i, "spv", "Planted Thin Equity SPV " + s);
                emit(i, Row.of("statements").set("entity", v).set("period", "FY" + LAST_YEAR).set("end", fyEnd).set("currency", CCY)
                        .set("equity", money(40e6)).set("totalDebt", money(1.2e9)).set("source", src));
                emit(i, Row.of("stakes").set("holder", s).set("entity", v).set("share", "0.4").set("booking", "equity-method")
                        .set("asOf", fyEnd).set("source", src));
                emit(i, Row.of("guarantees").set("id", "G-" + v + "-1").set("guarantor", s).set("obligor", v).set("kind", "completion")
                        .set("currency", CCY).set("maxExposure", money(300e6)).set("source", src));
                plant(rule, s, List.of(v), "equity at risk 3% of funding, holder guarantees completion", where(s, "statements", "stakes", "guarantees"));
            }
            case "SPV-003" -> {
                String v = newVehicle(i, "vehicle", "Planted Sole Tenant Vehicle " + s);
                LocalDate start = LocalDate.of(2022, 1, 1);
                emit(i, Row.of("financings").set("id", "F-" + v + "-1").set("borrower", v).set("lenders", b).set("kind", "project-loan")
                        .set("currency", CCY).set("amount", money(r.uniform(0.5e9, 5e9))).set("start", start)
                        .set("maturity", start.plusYears(20)).set("source", src));
                emit(i, Row.of("stakes").set("holder", f).set("entity", v).set("share", "1").set("booking", "fair-value")
                        .set("asOf", fyEnd).set("source", src));
                emit(i, Row.of("leases").set("id", "L-" + v + "-1").set("lessee", s).set("lessor", v).set("asset", "Planted data hall")
                        .set("assetKind", "data-centre").set("assetLifeYears", 30).set("termYears", 15).set("booking", "operating")
                        .set("start", start).set("source", src));
                plant(rule, s, List.of(v), "sole tenant without a stake of a leveraged vehicle", where(s, "financings", "stakes", "leases"));
            }
            case "SPV-004" -> {
                String v = newVehicle(i, "spv", "Planted Low Exposure SPV " + s);
                double debt = 3e9;
                emit(i, Row.of("financings").set("id", "F-" + v + "-1").set("borrower", v).set("lenders", b).set("kind", "bond")
                        .set("currency", CCY).set("amount", money(debt)).set("start", LocalDate.of(2024, 3, 1))
                        .set("maturity", LocalDate.of(2044, 3, 1)).set("source", src));
                emit(i, Row.of("stakes").set("holder", s).set("entity", v).set("share", "0.1").set("booking", "equity-method")
                        .set("asOf", fyEnd).set("source", src));
                emit(i, Row.of("stakes").set("holder", f).set("entity", v).set("share", "0.9").set("booking", "fair-value")
                        .set("asOf", fyEnd).set("source", src));
                emit(i, Row.of("roles").set("entity", s).set("target", v).set("role", "operator").set("source", src));
                flags.vieExposure = 0.2 * debt;
                plant(rule, s, List.of(v), "reported VIE exposure 20% of the supported vehicle's debt", where(s, "financings", "stakes", "roles", "statements"));
            }
            case "LEASE-001" -> {
                String v = newVehicle(i, "vehicle", "Planted Long Debt Vehicle " + s);
                emit(i, Row.of("financings").set("id", "F-" + v + "-1").set("borrower", v).set("lenders", b).set("kind", "bond")
                        .set("currency", CCY).set("amount", money(r.uniform(1e9, 5e9))).set("start", LocalDate.of(2024, 1, 1))
                        .set("maturity", LocalDate.of(2049, 12, 31)).set("source", src));
                emit(i, Row.of("stakes").set("holder", f).set("entity", v).set("share", "1").set("booking", "consolidated")
                        .set("asOf", fyEnd).set("source", src));
                emit(i, Row.of("leases").set("id", "L-" + v + "-1").set("lessee", s).set("lessor", v).set("asset", "Planted short lease")
                        .set("assetKind", "data-centre").set("assetLifeYears", 40).set("termYears", 3).set("booking", "operating")
                        .set("start", LocalDate.of(2025, 1, 1)).set("source", src));
                plant(rule, s, List.of(v), "3-year lease against 25 years of lessor debt", where(s, "financings", "stakes", "leases"));
            }
            case "LEASE-002" -> {
                String v = newVehicle(i, "vehicle", "Planted Short Debt Vehicle " + s);
                LocalDate start = LocalDate.of(2024, 1, 1);
                emit(i, Row.of("financings").set("id", "F-" + v + "-1").set("borrower", v).set("lenders", b).set("kind", "term-loan")
                        .set("currency", CCY).set("amount", money(r.uniform(1e9, 5e9))).set("start", start).set("termYears", 5)
                        .set("source", src));
                emit(i, Row.of("stakes").set("holder", f).set("entity", v).set("share", "1").set("booking", "consolidated")
                        .set("asOf", fyEnd).set("source", src));
                emit(i, Row.of("leases").set("id", "L-" + v + "-1").set("lessee", s).set("lessor", v).set("asset", "Planted campus")
                        .set("assetKind", "data-centre").set("assetLifeYears", 30).set("termYears", 5).set("booking", "finance")
                        .set("start", start).set("source", src));
                plant(rule, s, List.of(v), "5-year vehicle debt against a 30-year asset", where(s, "financings", "stakes", "leases"));
            }
            case "LEASE-003" -> {
                emit(i, Row.of("leases").set("id", "L-" + s + "-P").set("lessee", s).set("lessor", f).set("asset", "Planted GPU fleet")
                        .set("assetKind", "gpu").set("currency", CCY).set("assetCost", money(r.uniform(0.5e9, 3e9)))
                        .set("assetLifeYears", 4).set("termYears", 6).set("booking", "finance").set("start", LocalDate.of(2025, 3, 1))
                        .set("source", src));
                plant(rule, s, List.of(f), "6-year lease of GPUs with a 4-year life", where(s, "leases"));
            }
            case "LEASE-004" -> {
                emit(i, Row.of("financings").set("id", "F-" + s + "-P").set("borrower", s).set("lenders", b).set("kind", "term-loan")
                        .set("currency", CCY).set("amount", money(r.uniform(0.5e9, 3e9))).set("start", LocalDate.of(2025, 2, 1))
                        .set("termYears", 6).set("collateral", "gpu").set("collateralLifeYears", 4).set("source", src));
                plant(rule, s, List.of(b), "6-year loan secured on GPUs with a 4-year life", where(s, "financings"));
            }
            case "LEASE-005" -> {
                emit(i, Row.of("leases").set("id", "L-" + s + "-P").set("lessee", s).set("lessor", f).set("asset", "Planted warehouse")
                        .set("assetKind", "building").set("assetLifeYears", 20).set("termYears", 18).set("booking", "operating")
                        .set("start", LocalDate.of(2024, 7, 1)).set("source", src));
                plant(rule, s, List.of(f), "operating lease for 90% of the asset's life", where(s, "leases"));
            }
            case "LEASE-006" -> {
                emit(i, Row.of("leases").set("id", "L-" + s + "-P").set("lessee", s).set("lessor", f).set("asset", "Planted turbines")
                        .set("assetKind", "equipment").set("assetLifeYears", 15).set("termYears", 3).set("residualValueGuarantee", true)
                        .set("rvgYears", 10).set("booking", "finance").set("start", LocalDate.of(2025, 1, 1)).set("source", src));
                plant(rule, s, List.of(f), "residual value guarantee over 10 years of a 3-year lease", where(s, "leases"));
            }
            case "VENDOR-001" -> {
                emit(i, Row.of("stakes").set("holder", s).set("entity", c).set("share", "0.12").set("booking", "equity-method")
                        .set("asOf", fyEnd).set("source", src));
                purchase(i, c, s, src, lastRevenue, "definitive");
                plant(rule, s, List.of(c), "supplier holds 12% of a customer bound to buy from it", where(s, "stakes", "contracts"));
            }
            case "VENDOR-002" -> {
                emit(i, Row.of("investments").set("id", "I-" + s + "-P").set("investor", s).set("investee", c).set("currency", CCY)
                        .set("amount", money(lastRevenue * 0.2)).set("form", "equity").set("status", "completed")
                        .set("date", LocalDate.of(2025, 5, 1)).set("source", src));
                purchase(i, c, s, src, lastRevenue, "definitive");
                plant(rule, s, List.of(c), "supplier invests in a customer that buys from it", where(s, "investments", "contracts"));
            }
            case "VENDOR-003" -> {
                emit(i, Row.of("investments").set("id", "I-" + s + "-P").set("investor", s).set("investee", c).set("currency", CCY)
                        .set("amount", money(lastRevenue * 2)).set("form", "equity").set("status", "letter-of-intent")
                        .set("date", LocalDate.of(2025, 9, 22)).set("source", src));
                purchase(i, c, s, src, lastRevenue, "reported");
                plant(rule, s, List.of(c), "letter of intent to fund a customer", where(s, "investments", "contracts"));
            }
            case "VENDOR-004" -> {
                emit(i, Row.of("warrants").set("grantor", s).set("holder", c).set("shares", 160_000_000).set("purchaseLinked", true)
                        .set("vesting", "with deliveries").set("source", src));
                purchase(i, c, s, src, lastRevenue, "definitive");
                plant(rule, s, List.of(c), "warrants vesting with the customer's purchases", where(s, "warrants", "contracts"));
            }
            case "VENDOR-005" -> {
                emit(i, Row.of("backstops").set("id", "B-" + s + "-P").set("backer", s).set("provider", c).set("what", "cloud-capacity")
                        .set("currency", CCY).set("amount", money(lastRevenue * 0.3)).set("end", yearEnd(2032)).set("source", src));
                purchase(i, c, s, src, lastRevenue, "definitive");
                plant(rule, s, List.of(c), "supplier backstops its customer's unsold capacity", where(s, "backstops", "contracts"));
            }
            case "VENDOR-006" -> {
                emit(i, Row.of("guarantees").set("id", "G-" + s + "-P").set("guarantor", s).set("obligor", c).set("kind", "lease-backstop")
                        .set("currency", CCY).set("maxExposure", money(lastRevenue * 0.1)).set("source", src));
                purchase(i, c, s, src, lastRevenue, "definitive");
                plant(rule, s, List.of(c), "supplier guarantees its customer's leases", where(s, "guarantees", "contracts"));
            }
            case "CONC-001" -> {
                for (int y = LAST_YEAR - 1; y <= LAST_YEAR; y++) {
                    emit(i, Row.of("concentrations").set("entity", s).set("customer", c).set("basis", "revenue")
                            .set("share", y == LAST_YEAR ? "0.55" : "0.45").set("period", "FY" + y).set("start", LocalDate.of(y, 1, 1))
                            .set("end", yearEnd(y)).set("source", src));
                }
                purchase(i, c, s, src, lastRevenue, "definitive");
                plant(rule, s, List.of(c), "one customer at 55% of revenue", where(s, "concentrations"));
            }
            case "CONC-002" -> {
                emit(i, Row.of("concentrations").set("entity", s).set("customer", c).set("basis", "rpo").set("share", "0.4")
                        .set("period", "FY" + LAST_YEAR).set("end", fyEnd).set("source", src));
                plant(rule, s, List.of(c), "one customer at 40% of remaining performance obligations", where(s, "concentrations"));
            }
            case "CONC-003" -> {
                flags.rpoMultiple = 6;
                plant(rule, s, List.of(), "remaining performance obligations 6 times annual revenue", where(s, "statements"));
            }
            case "COVER-001" -> {
                flags.coverBreach = true;
                plant(rule, s, List.of(), "operating loss against interest expense in the latest year", where(s, "statements"));
            }
            default -> throw new IllegalStateException("no scenario for " + rule);
        }
    }

    private void purchase(int i, String buyer, String seller, String src, double lastRevenue, String status) throws IOException {
        emit(i, Row.of("contracts").set("id", "K-" + seller + "-P").set("buyer", buyer).set("seller", seller).set("what", "gpus")
                .set("currency", CCY).set("amount", money(lastRevenue * 0.3)).set("termYears", 4).set("start", LocalDate.of(2025, 6, 1))
                .set("status", status).set("source", src));
    }
}
