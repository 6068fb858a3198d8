package org.segmint.persistence.insight;

import java.util.List;
import java.util.Optional;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;

/**
 * Which customer columns tell whether a customer can be reached: the first column of each list that the
 * workspace's catalog has. A workspace without any of them reports that channel as not available. A channel is
 * reachable through a non-empty value; the email opt-in through a true value (1, or text such as "yes").
 */
public record ReachabilityColumns(Field email, Field emailOptIn, Field phone, Field postalAddress) {

    static final List<String> EMAIL = List.of("email", "email_address", "e_mail", "mail");
    static final List<String> EMAIL_OPT_IN = List.of("email_opt_in", "email_optin", "opt_in_email", "email_consent",
            "newsletter_opt_in", "marketing_opt_in", "opt_in", "optin");
    static final List<String> PHONE = List.of("phone", "phone_number", "mobile", "mobile_phone", "telephone", "tel");
    static final List<String> POSTAL = List.of("address", "postal_address", "street", "street_address",
            "address_line1", "address_line_1", "postal_code", "postcode", "zip", "zip_code");

    public static ReachabilityColumns of(Catalog catalog) {
        return new ReachabilityColumns(first(catalog, EMAIL), first(catalog, EMAIL_OPT_IN), first(catalog, PHONE),
                first(catalog, POSTAL));
    }

    private static Field first(Catalog catalog, List<String> names) {
        for (String name : names) {
            Optional<Field> f = catalog.field(Catalog.CUSTOMERS, name);
            if (f.isPresent()) {
                return f.get();
            }
        }
        return null;
    }

    /** The four channels in order: email, email opt-in, phone, postal address (null where not available). */
    public List<Field> asList() {
        return java.util.Arrays.asList(email, emailOptIn, phone, postalAddress);
    }
}
