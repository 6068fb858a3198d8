package org.segmint.persistence.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.segmint.model.catalog.FieldType;
import org.segmint.persistence.testdata.RealData;
import org.segmint.persistence.workspace.WorkspaceException;

class CsvDetectorTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private Path write(String name, String text) throws Exception {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(chars = {',', ';', '\t', '|'})
    void detectsEachDelimiter(char d) throws Exception {
        String text = String.join(String.valueOf(d), "id", "name", "amount", "note") + "\n"
                + String.join(String.valueOf(d), "1", "Ann", "3.5", "a, b; c") + "\n"
                + String.join(String.valueOf(d), "2", "Bob", "4", "x") + "\n";
        if (d == ',' || d == ';') {
            text = text.replace("a, b; c", "\"a, b; c\"");
        }
        CsvSettings s = CsvDetector.detect(write("d.csv", text));
        assertEquals(d, s.delimiter());
        assertTrue(s.header());
        CsvPreview p = CsvDetector.preview(write("d.csv", text), s, 10, 100);
        assertEquals(List.of("id", "name", "amount", "note"), p.columns());
        assertEquals(2, p.rows().size());
        assertEquals("a, b; c", p.rows().get(0).get(3));
    }

    @Test
    void detectsUtf8WithBomAndSkipsTheMark() throws Exception {
        byte[] body = "customer_id;city\nc1;Zürich\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        Path file = write("bom.csv", bytes);
        CsvSettings s = CsvDetector.detect(file);
        assertEquals(StandardCharsets.UTF_8, s.encoding());
        assertTrue(s.bom());
        assertEquals("UTF-8 with BOM", s.encodingName());
        CsvPreview p = CsvDetector.preview(file, s, 5, 5);
        assertEquals("customer_id", p.columns().get(0));
        assertEquals("Zürich", p.rows().get(0).get(1));
    }

    @Test
    void invalidUtf8MeansLatin1() throws Exception {
        Path file = write("latin.csv", "name,city\nRené,Besançon\n".getBytes(StandardCharsets.ISO_8859_1));
        CsvSettings s = CsvDetector.detect(file);
        assertEquals(StandardCharsets.ISO_8859_1, s.encoding());
        assertFalse(s.bom());
        assertEquals(List.of("René", "Besançon"), CsvDetector.preview(file, s, 5, 5).rows().get(0));
    }

    @Test
    void latin1FileReadAsUtf8FailsWithOneLine() throws Exception {
        Path file = write("latin.csv", "name,city\nRené,Besançon\n".getBytes(StandardCharsets.ISO_8859_1));
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> CsvDetector.preview(file, CsvSettings.DEFAULT, 5, 5));
        assertTrue(e.getMessage().contains("Latin-1"), e.getMessage());
    }

    @Test
    void quotedFieldsKeepDelimitersQuotesAndNewlines() throws Exception {
        String text = "id,comment,amount\r\n1,\"hello, world\",2\r\n2,\"two\r\nlines and \"\"quotes\"\"\",3\r\n";
        Path file = write("q.csv", text);
        CsvSettings s = CsvDetector.detect(file);
        assertEquals(',', s.delimiter());
        CsvPreview p = CsvDetector.preview(file, s, 5, 5);
        assertEquals("hello, world", p.rows().get(0).get(1));
        assertEquals("two\r\nlines and \"quotes\"", p.rows().get(1).get(1));
        assertEquals(FieldType.INTEGER, p.types().get(2).type());
    }

    @Test
    void aFirstRowOfNumbersIsNotAHeader() throws Exception {
        Path file = write("nh.csv", "1;2011-01-05;3.5\n2;2011-02-06;4\n");
        CsvSettings s = CsvDetector.detect(file);
        assertEquals(';', s.delimiter());
        assertFalse(s.header());
        CsvPreview p = CsvDetector.preview(file, s, 5, 5);
        assertEquals(List.of("column_1", "column_2", "column_3"), p.columns());
        assertEquals(2, p.rows().size());
        assertEquals(List.of(FieldType.INTEGER, FieldType.DATE, FieldType.DECIMAL),
                p.types().stream().map(ColumnType::type).toList());
    }

    @Test
    void previewInfersTypesOfTheRealRetailFile(@TempDir Path tmp) {
        Path file = RealData.onlineRetail(tmp);
        CsvSettings s = CsvDetector.detect(file);
        assertEquals(CsvSettings.DEFAULT, s);
        CsvPreview p = CsvDetector.preview(file, s, 20, 10_000);
        assertEquals("InvoiceNo", p.columns().get(0));
        assertEquals(20, p.rows().size());
        assertEquals("integer", p.types().get(3).toString());
        assertEquals("datetime:yyyy-MM-dd HH:mm:ss", p.types().get(4).toString());
        assertEquals("decimal", p.types().get(5).toString());
    }

    @Test
    void aMissingFileIsOneLine() {
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> CsvDetector.detect(dir.resolve("nope.csv")));
        assertTrue(e.getMessage().endsWith("no such file"), e.getMessage());
    }
}
