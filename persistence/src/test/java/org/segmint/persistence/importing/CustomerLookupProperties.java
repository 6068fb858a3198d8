package org.segmint.persistence.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The customer lookup of the import gives exactly what the map of every id gives, for ids written as numbers
 * (with and without leading zeros, up to and past 18 digits), as text, and for ids no customer has.
 */
class CustomerLookupProperties {

    @Property(tries = 200)
    void theLookupAnswersAsTheMapOfEveryId(@ForAll("ids") List<String> customers, @ForAll("ids") List<String> asked) {
        Map<String, Long> byId = new HashMap<>();
        for (String id : customers) {
            byId.putIfAbsent(id, (long) byId.size() * 7 + 1);
        }
        CustomerLookup lookup = new CustomerLookup(byId);
        for (String id : customers) {
            assertEquals(byId.get(id), lookup.get(id), id);
        }
        for (String id : asked) {
            assertEquals(byId.get(id), lookup.get(id), id);
        }
    }

    @Example
    void onlyTheOneWayOfWritingANumberIsReadAsOne() {
        assertEquals(7, CustomerLookup.wholeNumber("7"));
        assertEquals(0, CustomerLookup.wholeNumber("0"));
        assertEquals(-1, CustomerLookup.wholeNumber("007"));
        assertEquals(-1, CustomerLookup.wholeNumber("+7"));
        assertEquals(-1, CustomerLookup.wholeNumber("7a"));
        assertEquals(999_999_999_999_999_999L, CustomerLookup.wholeNumber("999999999999999999"));
        assertEquals(-1, CustomerLookup.wholeNumber("1000000000000000000"));
        Map<String, Long> byId = Map.of("7", 0L, "007", 1L, "x7", 2L);
        CustomerLookup lookup = new CustomerLookup(byId);
        assertEquals(0L, lookup.get("7"));
        assertEquals(1L, lookup.get("007"));
        assertEquals(2L, lookup.get("x7"));
        assertEquals(null, lookup.get("70"));
        assertEquals(null, lookup.get("07"));
    }

    @Provide
    Arbitrary<List<String>> ids() {
        Arbitrary<String> small = Arbitraries.integers().between(0, 60).map(String::valueOf);
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> text = Arbitraries.strings().withChars("0123456789abc-").ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> zeros = Combinators.combine(Arbitraries.integers().between(1, 3), small)
                .as((n, s) -> "0".repeat(n) + s);
        return Arbitraries.oneOf(small, digits, text, zeros).list().ofMaxSize(300);
    }
}
