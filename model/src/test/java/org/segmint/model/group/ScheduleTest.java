package org.segmint.model.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            manual,       manual
            '',           manual
            daily,        daily
            Weekly:mon,   weekly:MON
            weekly:SUN,   weekly:SUN
            monthly:1,    monthly:1
            monthly:28,   monthly:28
            yearly:02-29, yearly:02-29
            YEARLY:12-31, yearly:12-31
            """)
    void readsAndWritesSchedules(String text, String expected) {
        assertEquals(expected, Schedule.parse(text).text());
    }

    @ParameterizedTest
    @CsvSource({"weekly", "weekly:XYZ", "monthly:0", "monthly:29", "monthly:x", "yearly:13-01", "yearly:02-30",
        "yearly:1-1", "hourly", "daily:3"})
    void refusesSchedulesItCannotRun(String text) {
        assertThrows(IllegalArgumentException.class, () -> Schedule.parse(text));
    }

    /** Today is Wednesday 2025-06-18 at 10:00; the last run is given in local time (empty = never). */
    @ParameterizedTest(name = "{0}, last run {1}: due {2}")
    @CsvSource(textBlock = """
            manual,       ,                    false
            daily,        ,                    true
            daily,        2025-06-17T23:59,    true
            daily,        2025-06-18T00:00,    false
            weekly:WED,   2025-06-17T12:00,    true
            weekly:WED,   2025-06-18T08:00,    false
            weekly:MON,   2025-06-16T00:01,    false
            weekly:MON,   2025-06-15T22:00,    true
            weekly:THU,   2025-06-12T09:00,    false
            weekly:THU,   2025-06-11T09:00,    true
            monthly:18,   2025-06-17T09:00,    true
            monthly:20,   2025-05-20T09:00,    false
            monthly:20,   2025-05-19T09:00,    true
            yearly:06-18, 2025-06-17T09:00,    true
            yearly:06-19, 2024-06-19T09:00,    false
            yearly:06-19, 2024-06-18T09:00,    true
            """)
    void dueWhenTheLastRunIsBeforeTheLatestScheduledDay(String schedule, String last, boolean due) {
        LocalDateTime now = LocalDateTime.parse("2025-06-18T10:00");
        assertEquals(due, Schedule.parse(schedule).isDue(last == null ? null : LocalDateTime.parse(last), now));
    }

    @ParameterizedTest(name = "{0} after {1}: {2}")
    @CsvSource(textBlock = """
            daily,        2025-06-18, 2025-06-19
            weekly:WED,   2025-06-18, 2025-06-25
            weekly:FRI,   2025-06-18, 2025-06-20
            monthly:1,    2025-12-15, 2026-01-01
            monthly:18,   2025-06-17, 2025-06-18
            yearly:02-29, 2025-03-01, 2026-02-28
            yearly:02-29, 2027-03-01, 2028-02-29
            """)
    void nextRun(String schedule, String today, String next) {
        assertEquals(LocalDate.parse(next), Schedule.parse(schedule).nextAfter(LocalDate.parse(today)).orElseThrow());
    }
}
