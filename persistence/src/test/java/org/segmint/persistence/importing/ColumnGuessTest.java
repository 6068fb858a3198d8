package org.segmint.persistence.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.segmint.model.catalog.FieldType;
import org.segmint.persistence.workspace.WorkspaceException;

class ColumnGuessTest {

    private static String guess(String values) {
        ColumnGuess g = new ColumnGuess(false);
        for (String v : values.split("\\|", -1)) {
            g.offer(v);
        }
        return g.type().toString();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', textBlock = """
            1|-2|+30||45                                ; integer
            1|2.5|-.5|1e3                               ; decimal
            true|False|YES|n                            ; boolean
            0|1|1|0                                     ; integer
            007|12                                      ; text
            0.5|00.5                                    ; text
            2011-12-09|2012-02-29                       ; date:yyyy-MM-dd
            2011-02-30                                  ; text
            2011-12-09 10:00|2011-12-10 08:30:59        ; datetime:yyyy-MM-dd HH:mm:ss
            2011-12-09T10:00:00|2011-12-10              ; datetime:yyyy-MM-dd HH:mm:ss
            2011-12-09T10:00:00.250                     ; datetime:yyyy-MM-dd HH:mm:ss
            25/12/2011|01/02/2011                       ; date:dd/MM/yyyy
            12/25/2011|01/02/2011                       ; date:MM/dd/yyyy
            01/02/2011|03/04/2011                       ; date:dd/MM/yyyy
            25/12/2011|12/25/2011                       ; text
            1/12/2010 8:26|13/12/2010 10:05             ; datetime:dd/MM/yyyy HH:mm:ss
            12/1/2010 8:26|12/13/2010 10:05:07          ; datetime:MM/dd/yyyy HH:mm:ss
            2011-12-09|hello                            ; text
            ||                                          ; text
            12923.0|13488.0                             ; decimal
            """)
    void infersTheNarrowestTypeEveryValueFits(String values, String expected) {
        assertEquals(expected, guess(values.strip()));
    }

    @Test
    void theInferredTypeReadsEveryValueItWasInferredFrom() throws Exception {
        String[] values = {"1/12/2010 8:26", "13/12/2010 10:05", "2/1/2011 0:00", ""};
        ColumnGuess g = new ColumnGuess(false);
        for (String v : values) {
            g.offer(v);
        }
        ValueReader reader = new ValueReader(g.type());
        assertEquals(LocalDateTime.of(2010, 12, 13, 10, 5).toEpochSecond(ZoneOffset.UTC), reader.read(values[1]));
        assertEquals(LocalDateTime.of(2011, 1, 2, 0, 0).toEpochSecond(ZoneOffset.UTC), reader.read(values[2]));
        assertEquals(null, reader.read(values[3]));
    }

    @Test
    void aFixedDateColumnGetsTheLayoutMostValuesFit() {
        ColumnGuess g = new ColumnGuess(true);
        g.offer("12/31/2011");
        g.offer("not a date");
        g.offer("01/02/2011");
        assertEquals(TemporalFormat.MONTH_DAY_YEAR_TIME, g.layout());
    }

    @Test
    void readsValuesIntoTheStorageConventions() throws Exception {
        ValueReader date = new ValueReader(new ColumnType(FieldType.DATE, TemporalFormat.ISO_DATETIME));
        assertEquals(LocalDate.of(2011, 10, 6).toEpochDay(), date.read("2011-10-06 16:20:00"));
        ValueReader datetime = new ValueReader(new ColumnType(FieldType.DATETIME, TemporalFormat.ISO_DATE));
        assertEquals(LocalDate.of(2011, 10, 6).toEpochDay() * 86_400, datetime.read("2011-10-06"));
        assertEquals(1L, new ValueReader(ColumnType.BOOLEAN).read("Yes"));
        assertEquals(0L, new ValueReader(ColumnType.BOOLEAN).read("0"));
        assertEquals(12L, new ValueReader(ColumnType.INTEGER).read(" 12.0 "));
        assertEquals(2.5, new ValueReader(ColumnType.DECIMAL).read("2.5"));
        assertEquals(" as is ", new ValueReader(ColumnType.TEXT).read(" as is "));
        assertThrows(ValueReader.BadValueException.class, () -> new ValueReader(ColumnType.INTEGER).read("1.5"));
        assertThrows(ValueReader.BadValueException.class, () -> new ValueReader(ColumnType.DECIMAL).read("NaN"));
        assertThrows(ValueReader.BadValueException.class, () -> new ValueReader(ColumnType.DECIMAL).read("0x10"));
        assertThrows(ValueReader.BadValueException.class, () -> date.read("2011-13-01"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            integer                   ; integer
            DATE                      ; date
            date:MM/dd/yyyy           ; date:MM/dd/yyyy
            datetime:yyyy-MM-ddTHH:mm ; datetime:yyyy-MM-dd HH:mm:ss
            datetime:d/M/yyyy H:mm    ; text
            """)
    void parsesTypeOverrides(String text, String expected) {
        if ("text".equals(expected)) {
            assertThrows(WorkspaceException.class, () -> ColumnType.parse(text));
        } else {
            assertEquals(expected, ColumnType.parse(text).toString());
        }
    }

    @Test
    void unknownTypeIsAnError() {
        assertThrows(WorkspaceException.class, () -> ColumnType.parse("money"));
    }

    @Test
    void customerIdsLoseTheSpreadsheetDecimalPointOnly() {
        assertEquals("12923", CustomerIds.normalise("12923.0"));
        assertEquals("12923", CustomerIds.normalise(" 12923.00 "));
        assertEquals("12923.5", CustomerIds.normalise("12923.5"));
        assertEquals("00123", CustomerIds.normalise("00123"));
        assertEquals("A-17.0x", CustomerIds.normalise("A-17.0x"));
        assertEquals(null, CustomerIds.normalise("  "));
    }
}
