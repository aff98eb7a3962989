package org.groundmetric.learn;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.groundmetric.data.io.AtomicOutput;

/**
 * The model file: a {@link TrainedMetric} as JSON (docs/model-format.md), written atomically and
 * read strictly. Jackson's lenient defaults would read {@code null} in W as 0, {@code "0.5"} or a
 * string formatVersion as numbers and 2.5 as the integer 2; here each of these is refused. A file
 * that does not fit is reported in one line naming the file and the field as the JSON spells it
 * ({@code weights[0][3] is null; expected a number}), never with Jackson's own wording; NaN and
 * Infinity tokens are read so that {@link ModelChecks} can name their field too.
 */
final class ModelFile {

    private static final ObjectMapper JSON = strict();

    private ModelFile() {
    }

    private static ObjectMapper strict() {
        JsonMapper m = JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .configure(EnumFeature.WRITE_ENUMS_TO_LOWERCASE, true)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build();
        // A number is a JSON number, a name is a JSON string: no guessing from the other.
        for (LogicalType t : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            m.coercionConfigFor(t).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return m;
    }

    static void write(TrainedMetric model, Path file) {
        AtomicOutput.write(file, out -> JSON.writeValue(out, model));
    }

    /** The model as the JSON text of a model file (what {@link #write} writes). */
    static String text(TrainedMetric model) {
        try {
            return JSON.writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a model could not be written as JSON: " + e.getMessage(), e);
        }
    }

    static TrainedMetric read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("model file " + file + (Files.exists(file)
                    ? " is not a regular file" : " does not exist"));
        }
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            return parse(parser, "model " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read model " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the JSON text of a model file kept somewhere else (e.g. in an AnnData's uns), named {@code where}. */
    static TrainedMetric read(String json, String where) {
        try (JsonParser parser = JSON.createParser(json)) {
            return parse(parser, where);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + where + ": " + e.getMessage(), e);
        }
    }

    private static TrainedMetric parse(JsonParser parser, String where) throws IOException {
        try {
            TrainedMetric model = JSON.readValue(parser, TrainedMetric.class);
            if (model == null || parser.nextToken() != null) {
                throw new IllegalArgumentException(where + ": " + (model == null ? "the file holds null"
                        : "the file goes on after its JSON object (line " + parser.currentLocation().getLineNr() + ")")
                        + "; a model file is one JSON object");
            }
            return model;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": " + explain(e), e);
        }
    }

    /** What is wrong, in one sentence naming the field. */
    private static String explain(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? path(m) : "";
        if (e instanceof ValueInstantiationException) {
            Throwable cause = e.getCause();
            String why = cause instanceof IllegalArgumentException ? cause.getMessage()
                    : "a value is missing (null) or of the wrong kind";
            return field.isEmpty() ? why : field + ": " + why;
        }
        String name = field.isEmpty() ? "the file" : field;
        // an entry of a list (weights[0][3]) is reported against the list's type: say what the entry should be
        boolean entry = field.endsWith("]");
        if (e instanceof InvalidNullException n) {
            return name + " is null; expected " + expected(n.getTargetType(), entry);
        }
        if (e instanceof InvalidFormatException f) {
            return name + " is " + shown(f.getValue()) + "; expected " + expected(f.getTargetType(), entry);
        }
        if (e instanceof MismatchedInputException m) {
            JsonParser p = m.getProcessor() instanceof JsonParser jp ? jp : null;
            JsonToken token = p == null ? null : p.currentToken();
            if (field.isEmpty() && token == null) {
                return "the file is empty; expected a JSON object";
            }
            return name + " is " + found(p, token) + "; expected " + expected(m.getTargetType(), entry);
        }
        JsonLocation at = e.getLocation();
        return "not valid JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                + " (a model file is the JSON object 'groundmetric train' writes)";
    }

    /** The field as the JSON spells it: config.learningRate, weights[0][3]. */
    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String found(JsonParser p, JsonToken token) {
        if (token == null) {
            return "missing";
        }
        String text;
        try {
            text = p.getText();
        } catch (IOException unreadable) {
            text = null;
        }
        return switch (token) {
            case VALUE_STRING -> "the string \"" + text + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + text;
            case VALUE_TRUE, VALUE_FALSE -> text;
            case VALUE_NULL -> "null";
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            case END_OBJECT, END_ARRAY -> "missing"; // the object ended before this field came
            default -> "'" + text + "'";
        };
    }

    private static String shown(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    private static String expected(Class<?> type, boolean entry) {
        if (entry && type != null && type.isArray()) {
            return expected(type.getComponentType(), false);
        }
        if (type == null) {
            return "another kind of value";
        }
        if (type == double.class || type == float.class || type == Double.class || type == Float.class) {
            return "a number";
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> c.toString().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }
}
