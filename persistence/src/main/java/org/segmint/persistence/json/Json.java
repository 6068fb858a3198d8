package org.segmint.persistence.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.segmint.persistence.workspace.OutputFile;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * The one Jackson configuration of Segmint's files: numbers keep their exact decimal value, duplicate
 * keys are refused, output is indented and decimals are written plainly (never {@code 1E+3}).
 */
public final class Json {
    /** Keeps decimals exactly as written ("2.50" stays 2.50), so a round trip changes nothing. */
    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .nodeFactory(NODES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Json() {
    }

    /** The shared mapper (thread-safe once configured). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses JSON text; a syntax error becomes one line naming the source, line and column. */
    public static JsonNode parse(String text, String source) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new WorkspaceException(source + ": empty file, expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new WorkspaceException(source + ": not valid JSON" + where + " (" + e.getOriginalMessage() + ")");
        }
    }

    /** The text of a JSON file (UTF-8; a leading byte order mark, as some editors write, is skipped). */
    public static String read(Path file) {
        if (Files.isDirectory(file)) {
            throw new WorkspaceException(file + ": is a folder, not a file");
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new WorkspaceException(file + ": is not UTF-8 text (save it as UTF-8 JSON)");
        } catch (java.nio.file.NoSuchFileException e) {
            throw new WorkspaceException(file + ": no such file");
        } catch (IOException e) {
            throw new WorkspaceException(file + ": cannot read the file (" + e.getMessage() + ")", e);
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Writes the text to {@code file} the one safe way ({@link OutputFile}). */
    public static void writeFile(Path file, String text) {
        OutputFile.writeString(file, text);
    }
}
