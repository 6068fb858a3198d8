package org.segmint.persistence.demo;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.segmint.model.catalog.Catalog;

/**
 * Writes customers a household at a time: members share a last name, address and country; most have an
 * account of their own, some share one. Household sizes average about 2.3.
 */
final class HouseholdWriter implements AutoCloseable {
    static final List<String> COLUMNS = List.of("ck", "customer_id", "first_name", "last_name", "email", "phone",
            "gender", "birth_date", "address", "postal_code", "city", "country", "loyalty_tier", "email_opt_in",
            "sms_opt_in", "has_children", "household_id", "account_id", "signup_date");

    /** Household sizes 1..5 and how common each is (mean 2.35). */
    private static final Weights SIZE_WEIGHTS = new Weights(30, 30, 20, 15, 5);
    /** Prospects, light, medium and heavy buyers, in percent. */
    private static final Weights KIND_WEIGHTS = new Weights(15, 55, 20, 10);
    private static final int HISTORY_DAYS = 5 * 365;

    private final BatchInsert insert;
    private final ProductCatalog products;
    private final int endDay;
    private long accounts;

    HouseholdWriter(InsertThread inserts, ProductCatalog products, int endDay) throws SQLException {
        this.insert = inserts.insert(Catalog.CUSTOMERS, COLUMNS);
        this.products = products;
        this.endDay = endDay;
    }

    /** First day any generated customer can have signed up (and so the first possible order day). */
    static int firstDay(int endDay) {
        return endDay - HISTORY_DAYS;
    }

    /**
     * Writes household {@code number} (from 1) with up to {@code room} members, keys from {@code firstCk};
     * returns the members written.
     */
    Shopper[] write(SplittableRandom rng, long number, long firstCk, int room) throws SQLException {
        int size = Math.min(room, 1 + SIZE_WEIGHTS.draw(rng));
        String lastName = Vocabulary.pick(rng, Vocabulary.LAST_NAMES);
        Vocabulary.Country country = Vocabulary.country(rng);
        String city = Vocabulary.pick(rng, country.cities());
        String address = (1 + rng.nextInt(250)) + " " + Vocabulary.pick(rng, Vocabulary.STREETS) + " "
                + Vocabulary.pick(rng, Vocabulary.STREET_KINDS);
        String postal = Vocabulary.postalCode(rng, country.postalPattern());
        boolean children = rng.nextInt(100) < (size >= 3 ? 70 : 15);
        String household = "H" + pad(number);
        String account = null;
        Shopper[] members = new Shopper[size];
        for (int m = 0; m < size; m++) {
            long ck = firstCk + m;
            if (account == null || rng.nextInt(100) >= 25) {
                account = "A" + pad(++accounts);
            }
            members[m] = writeCustomer(rng, ck, lastName, country, city, address, postal, children, household,
                    account);
        }
        return members;
    }

    private Shopper writeCustomer(SplittableRandom rng, long ck, String lastName, Vocabulary.Country country,
                                  String city, String address, String postal, boolean children, String household,
                                  String account) throws SQLException {
        int g = rng.nextInt(100);
        String gender = g < 2 ? null : g < 51 ? "F" : "M";
        String first = Vocabulary.pick(rng, "F".equals(gender) || (gender == null && g == 0)
                ? Vocabulary.FEMALE_NAMES : Vocabulary.MALE_NAMES);
        boolean hasEmail = rng.nextInt(100) < 90;
        Shopper.Kind kind = Shopper.Kind.values()[KIND_WEIGHTS.draw(rng)];
        // Heavy buyers have been customers for at least a year; others signed up any time in five years.
        int minTenure = kind == Shopper.Kind.HEAVY ? 365 : 1;
        int signup = endDay - minTenure - rng.nextInt(HISTORY_DAYS - minTenure + 1);
        String customerId = "C" + pad(ck);
        insert.integer(1, ck);
        insert.text(2, customerId);
        insert.text(3, first);
        insert.text(4, lastName);
        insert.text(5, hasEmail ? email(rng, first, lastName) : null);
        insert.text(6, rng.nextInt(100) < 85 ? phone(rng, country) : null);
        insert.text(7, gender);
        insert.nullableInteger(8, rng.nextInt(100) < 92 ? (long) endDay - 18 * 365 - rng.nextInt(62 * 365) : null);
        insert.text(9, address);
        insert.text(10, postal);
        insert.text(11, city);
        insert.text(12, country.name());
        insert.text(13, Vocabulary.TIERS[tier(rng, kind)]);
        insert.bool(14, hasEmail && rng.nextInt(100) < 62);
        insert.bool(15, rng.nextInt(100) < 35);
        insert.bool(16, children);
        insert.text(17, household);
        insert.text(18, account);
        insert.integer(19, signup);
        insert.add();
        return new Shopper(ck, customerId, signup, hasEmail, kind, products.randomCategory(rng),
                Vocabulary.CHANNEL_WEIGHTS.draw(rng));
    }

    /** Loyalty tiers follow spending: heavy buyers are gold or platinum more often. */
    private static int tier(SplittableRandom rng, Shopper.Kind kind) {
        int t = Vocabulary.TIER_WEIGHTS.draw(rng);
        if (kind == Shopper.Kind.HEAVY && t < 3 && rng.nextBoolean()) {
            t++;
        }
        return kind == Shopper.Kind.PROSPECT ? Math.min(t, 1) : t;
    }

    private static String email(SplittableRandom rng, String first, String last) {
        StringBuilder sb = new StringBuilder(32);
        sb.append(first.toLowerCase(Locale.ROOT)).append('.');
        for (int i = 0; i < last.length(); i++) {
            char ch = Character.toLowerCase(last.charAt(i));
            if (ch >= 'a' && ch <= 'z') {
                sb.append(ch);
            }
        }
        if (rng.nextBoolean()) {
            sb.append(1 + rng.nextInt(99));
        }
        return sb.append('@').append(Vocabulary.pick(rng, Vocabulary.EMAIL_DOMAINS)).toString();
    }

    private static String phone(SplittableRandom rng, Vocabulary.Country country) {
        StringBuilder sb = new StringBuilder(20).append(country.dialCode()).append(' ');
        sb.append(100 + rng.nextInt(900)).append(' ');
        sb.append(1_000_000 + rng.nextInt(9_000_000));
        return sb.toString();
    }

    /** Zero-padded to 8 digits so ids sort like numbers. */
    static String pad(long n) {
        String digits = Long.toString(n);
        return digits.length() >= 8 ? digits : "00000000".substring(digits.length()) + digits;
    }

    long rows() {
        return insert.rows();
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
