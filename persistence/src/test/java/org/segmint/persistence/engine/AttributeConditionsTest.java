package org.segmint.persistence.engine;

import static org.segmint.model.segment.Operator.AFTER;
import static org.segmint.model.segment.Operator.ANNIVERSARY_IN_NEXT;
import static org.segmint.model.segment.Operator.BEFORE;
import static org.segmint.model.segment.Operator.BETWEEN;
import static org.segmint.model.segment.Operator.CONTAINS;
import static org.segmint.model.segment.Operator.ENDS_WITH;
import static org.segmint.model.segment.Operator.EQ;
import static org.segmint.model.segment.Operator.GT;
import static org.segmint.model.segment.Operator.GTE;
import static org.segmint.model.segment.Operator.IN;
import static org.segmint.model.segment.Operator.IN_LAST;
import static org.segmint.model.segment.Operator.IN_NEXT;
import static org.segmint.model.segment.Operator.IS_EMPTY;
import static org.segmint.model.segment.Operator.IS_FALSE;
import static org.segmint.model.segment.Operator.IS_NOT_EMPTY;
import static org.segmint.model.segment.Operator.IS_TRUE;
import static org.segmint.model.segment.Operator.LT;
import static org.segmint.model.segment.Operator.NE;
import static org.segmint.model.segment.Operator.NOT_CONTAINS;
import static org.segmint.model.segment.Operator.NOT_IN;
import static org.segmint.model.segment.Operator.ON;
import static org.segmint.model.segment.Operator.STARTS_WITH;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.NotCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.TimeUnit;

/** Attribute conditions on customers: every operator, empty values, case rules; groups and negation. */
class AttributeConditionsTest {
    @TempDir
    Path dir;
    EngineFixture f;

    @BeforeEach
    void setUp() {
        f = new EngineFixture(dir);
        f.column("customers", "tier", FieldType.TEXT);
        f.column("customers", "name", FieldType.TEXT);
        f.column("customers", "age", FieldType.INTEGER);
        f.column("customers", "spend", FieldType.DECIMAL);
        f.column("customers", "birth", FieldType.DATE);
        f.column("customers", "renewal", FieldType.DATE);
        f.column("customers", "signup", FieldType.DATETIME);
        f.column("customers", "vip", FieldType.BOOLEAN);
        f.customers(6);
        row(1, "gold", "Anna Smith", 30, 10.5, "1990-02-28", "2025-06-30", "2025-06-30T23:59:59", 1);
        row(2, "Gold", "bob 50%_off", 45, 100.0, "1988-02-29", "2025-07-29", "2025-06-01T00:00:00", 0);
        row(3, "", null, null, null, null, null, null, null);
        row(4, null, "", "", null, null, null, null, null);
        row(5, "silver", "ANNA", 18, 0.0, "1975-07-05", "2025-07-30", "2024-12-31T12:00:00", 1);
        row(6, "12", "Zoë", 30, null, "2000-12-31", null, null, null);
    }

    private void row(int ck, String tier, String name, Object age, Double spend, String birth, String renewal,
                     String signup, Integer vip) {
        f.set(ck, "tier", tier);
        f.set(ck, "name", name);
        f.set(ck, "age", age);
        f.set(ck, "spend", spend);
        f.set(ck, "birth", birth == null ? null : EngineFixture.day(birth));
        f.set(ck, "renewal", renewal == null ? null : EngineFixture.day(renewal));
        f.set(ck, "signup", signup == null ? null : EngineFixture.seconds(signup));
        f.set(ck, "vip", vip);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private static AttributeCondition a(String field, Operator op, Object... values) {
        return AttributeCondition.of("customers." + field, op, values);
    }

    private static BigDecimal n(String number) {
        return new BigDecimal(number);
    }

    @Test
    void textEqualityIsExactAndCaseSensitiveAndItsNegationsMatchEmptyValues() {
        f.check(a("tier", EQ, "gold"), "c1");
        f.check(a("tier", NE, "gold"), "c2", "c3", "c4", "c5", "c6");
        f.check(a("tier", IN, "gold", "silver"), "c1", "c5");
        f.check(a("tier", NOT_IN, "gold", "silver"), "c2", "c3", "c4", "c6");
        f.check(a("tier", EQ, ""));
        f.check(a("tier", NE, ""), "c1", "c2", "c3", "c4", "c5", "c6");
        f.check(a("tier", IS_EMPTY), "c3", "c4");
        f.check(a("tier", IS_NOT_EMPTY), "c1", "c2", "c5", "c6");
        f.check(a("tier", EQ, n("12")), "c6");
    }

    @Test
    void textMatchingIgnoresAsciiCaseOnlyAndTreatsWildcardsAsPlainCharacters() {
        f.check(a("name", CONTAINS, "ANN"), "c1", "c5");
        f.check(a("name", NOT_CONTAINS, "ann"), "c2", "c3", "c4", "c6");
        f.check(a("name", CONTAINS, "50%_"), "c2");
        f.check(a("name", CONTAINS, "%"), "c2");
        f.check(a("name", CONTAINS, "_"), "c2");
        f.check(a("name", STARTS_WITH, "anna"), "c1", "c5");
        f.check(a("name", STARTS_WITH, "_"));
        f.check(a("name", ENDS_WITH, "SMITH"), "c1");
        f.check(a("name", ENDS_WITH, "%_OFF"), "c2");
        f.check(a("name", CONTAINS, "zoë"), "c6");
        // Only ASCII letters fold: Ë is not ë.
        f.check(a("name", CONTAINS, "ZOË"));
        f.check(a("name", CONTAINS, "ZOë"), "c6");
    }

    @Test
    void numbersCompareAsNumbersAndNeverMatchEmptyValues() {
        f.check(a("age", GT, n("29")), "c1", "c2", "c6");
        f.check(a("age", LT, n("30")), "c5");
        f.check(a("age", NE, n("30")), "c2", "c3", "c4", "c5");
        f.check(a("age", BETWEEN, n("18"), n("30")), "c1", "c5", "c6");
        f.check(a("age", EQ, "30"), "c1", "c6");
        f.check(a("age", IN, n("18"), n("45.0")), "c2", "c5");
        f.check(a("age", NOT_IN, n("18"), n("45")), "c1", "c3", "c4", "c6");
        f.check(a("spend", GTE, n("10.5")), "c1", "c2");
        f.check(a("spend", LT, n("10.25")), "c5");
        f.check(a("age", IS_EMPTY), "c3", "c4");
    }

    @Test
    void datesCompareByCalendarDate() {
        f.check(a("birth", BEFORE, "1990-01-01"), "c2", "c5");
        // before and after exclude the date itself.
        f.check(a("birth", AFTER, "1990-02-28"), "c6");
        f.check(a("birth", AFTER, "1990-02-27"), "c1", "c6");
        f.check(a("birth", BEFORE, "1988-02-29"), "c5");
        f.check(a("birth", BEFORE, "1988-03-01"), "c2", "c5");
        f.check(a("birth", ON, "1990-02-28"), "c1");
        f.check(a("birth", EQ, "1990-02-28"), "c1");
        f.check(a("birth", NE, "1990-02-28"), "c2", "c3", "c4", "c5", "c6");
        f.check(a("birth", BETWEEN, "1988-02-29", "1990-02-28"), "c1", "c2");
        f.check(a("birth", IN, "1988-02-29", "2000-12-31"), "c2", "c6");
    }

    @Test
    void datetimesCompareByTheirDate() {
        f.check(a("signup", ON, "2025-06-30"), "c1");
        f.check(a("signup", BEFORE, "2025-06-02"), "c2", "c5");
        f.check(a("signup", BEFORE, "2025-06-01"), "c5");
        f.check(a("signup", AFTER, "2025-05-31"), "c1", "c2");
        f.check(a("signup", AFTER, "2025-06-01"), "c1");
        f.check(a("signup", BETWEEN, "2025-06-01", "2025-06-30"), "c1", "c2");
        f.check(a("signup", EQ, "2024-12-31"), "c5");
    }

    @Test
    void relativeDatesIncludeBothEnds() {
        // Last 30 days as of 2025-06-30: 2025-06-01 .. 2025-06-30.
        f.check(a("signup", IN_LAST, n("30")).withUnit(TimeUnit.DAYS), "c1", "c2");
        f.check(a("signup", IN_LAST, n("29")).withUnit(TimeUnit.DAYS), "c1");
        f.check(a("signup", IN_LAST, n("1")).withUnit(TimeUnit.YEARS), "c1", "c2", "c5");
        // Next 30 days: 2025-06-30 .. 2025-07-29.
        f.check(a("renewal", IN_NEXT, n("30")).withUnit(TimeUnit.DAYS), "c1", "c2");
        f.check(a("renewal", IN_NEXT, n("1")).withUnit(TimeUnit.MONTHS), "c1", "c2");
    }

    @Test
    void anniversariesUseMonthAndDayAndFebruary29FallsOnFebruary28() {
        Condition twoDays = a("birth", ANNIVERSARY_IN_NEXT, n("2"));
        f.check(twoDays, LocalDate.parse("2025-02-27"), "c1", "c2");
        f.check(twoDays, LocalDate.parse("2024-02-27"), "c1");
        f.check(a("birth", ANNIVERSARY_IN_NEXT, n("1")), LocalDate.parse("2024-02-29"), "c2");
        f.check(a("birth", ANNIVERSARY_IN_NEXT, n("3")), LocalDate.parse("2024-12-30"), "c6");
        f.check(a("birth", ANNIVERSARY_IN_NEXT, n("0")), LocalDate.parse("2024-12-31"));
    }

    @Test
    void booleansAreTrueOrFalseAndEmptyIsNeither() {
        f.check(a("vip", IS_TRUE), "c1", "c5");
        f.check(a("vip", IS_FALSE), "c2");
        f.check(a("vip", EQ, true), "c1", "c5");
        f.check(a("vip", EQ, "false"), "c2");
        f.check(a("vip", NE, true), "c2", "c3", "c4", "c6");
        f.check(a("vip", IS_EMPTY), "c3", "c4", "c6");
    }

    @Test
    void groupsCombineAndEmptyGroupsAreNeutral() {
        Condition goldOrSilver = a("tier", IN, "gold", "silver");
        Condition older = a("age", GT, n("20"));
        f.check(GroupCondition.all(List.of(goldOrSilver, older)), "c1");
        f.check(GroupCondition.any(List.of(goldOrSilver, older)), "c1", "c2", "c5", "c6");
        f.check(new NotCondition(GroupCondition.all(List.of(goldOrSilver, older))), "c2", "c3", "c4", "c5", "c6");
        f.check(GroupCondition.all(List.of()), "c1", "c2", "c3", "c4", "c5", "c6");
        f.check(GroupCondition.all(List.of(GroupCondition.any(List.of()), goldOrSilver)), "c1", "c5");
        f.check(GroupCondition.any(List.of(new NotCondition(GroupCondition.all(List.of())), older)),
                "c1", "c2", "c6");
        f.check(new NotCondition(GroupCondition.any(List.of())), "c1", "c2", "c3", "c4", "c5", "c6");
        f.check(GroupCondition.any(List.of(GroupCondition.all(List.of(goldOrSilver, new NotCondition(older))),
                a("name", IS_EMPTY))), "c3", "c4", "c5");
    }
}
