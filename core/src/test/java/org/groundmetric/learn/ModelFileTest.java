package org.groundmetric.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.groundmetric.data.SyntheticCohorts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A model file edited by hand or damaged is refused field by field, in one line naming the field as
 * the JSON spells it, without Jackson's wording. Before, null in W was read as 0, "0.5" as 0.5, a
 * string formatVersion as 1, featureScales of the wrong length were kept, and NaN gave two lines of
 * Jackson internals suggesting ALLOW_NON_NUMERIC_NUMBERS.
 */
class ModelFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String written;
    private static String diagonal;

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeOne() throws Exception {
        TrainedMetric m = new Ggml(GgmlConfig.builder().rank(2).epochs(1).seed(3).build())
                .train(SyntheticCohorts.paper(2, 1, 3, 6, 4), TrainingListener.NONE)
                .withReference(SyntheticCohorts.paper(2, 1, 3, 6, 4));
        Path f = dir.resolve("model.json");
        m.write(f);
        written = Files.readString(f);
        TrainedMetric w = new Ggml(GgmlConfig.builder().form(MetricForm.DIAGONAL).epochs(1).seed(3).build())
                .train(SyntheticCohorts.paper(2, 1, 3, 6, 4), TrainingListener.NONE)
                .withReference(SyntheticCohorts.paper(2, 1, 3, 6, 4));
        Path g = dir.resolve("diagonal.json");
        w.write(g);
        diagonal = Files.readString(g);
        assertEquals(w.weights()[0][1], TrainedMetric.read(g).weights()[0][1], 0.0);
    }

    private static Arguments edit(String what, Consumer<ObjectNode> change, String expected) {
        return Arguments.of(what, change, expected);
    }

    static Stream<Arguments> edits() {
        return Stream.of(
                edit("null in W", m -> ((ArrayNode) m.get("weights").get(0)).setNull(1),
                        "weights[0][1] is null; expected a number"),
                edit("a string in W", m -> ((ArrayNode) m.get("weights").get(0)).set(1, "0.5"),
                        "weights[0][1] is the string \"0.5\"; expected a number"),
                edit("NaN in W", m -> ((ArrayNode) m.get("weights").get(1)).set(0, Double.NaN),
                        "weights[1][0] is NaN; expected a finite number"),
                edit("a string formatVersion", m -> m.put("formatVersion", "1"),
                        "formatVersion is the string \"1\"; expected a whole number"),
                edit("an unknown version", m -> m.put("formatVersion", 2), "formatVersion is 2; this groundmetric reads"),
                edit("a fractional rank", m -> m.put("rank", 2.5), "rank is 2.5; expected a whole number"),
                edit("a missing row of W", m -> ((ArrayNode) m.get("weights")).remove(1), "weights has 1 rows; expected rank = 2"),
                edit("a short row of W", m -> ((ArrayNode) m.get("weights").get(1)).remove(0),
                        "weights[1] has 2 values; expected 3 (one per feature)"),
                edit("featureScales of the wrong length", m -> ((ArrayNode) m.get("featureScales")).remove(0),
                        "featureScales has 2 values; expected 3 (one per feature)"),
                edit("a zero feature scale", m -> ((ArrayNode) m.get("featureScales")).set(0, 0.0),
                        "featureScales[0] is 0.0; expected a positive number"),
                edit("a number as a feature name", m -> ((ArrayNode) m.get("featureNames")).set(0, 7),
                        "featureNames[0] is 7; expected a string"),
                edit("a feature named twice", m -> ((ArrayNode) m.get("featureNames")).set(1, "dim0"),
                        "featureNames[1] repeats 'dim0'"),
                edit("an unknown regulariser", m -> ((ObjectNode) m.get("config")).put("regulariser", "l3"),
                        "config.regulariser is \"l3\"; expected one of fro, l1, matrix-l1, none"),
                edit("an unknown regulariser, older spelling", m -> {
                    ObjectNode config = (ObjectNode) m.get("config");
                    config.remove("regulariser");
                    config.put("regularizer", "l3");
                }, "config.regulariser is \"l3\"; expected one of fro, l1, matrix-l1, none"), // named by today's spelling
                edit("a negative learning rate", m -> ((ObjectNode) m.get("config")).put("learningRate", -1),
                        "config: learning rate = -1.0"),
                edit("a reference of the wrong rank", m -> ((ArrayNode) m.get("reference").get(0).get("cells").get(0)).remove(0),
                        "reference sample 'sample_00' has cells of 1 and 2 projected coordinates"),
                edit("a missing kind", m -> m.remove("kind"), "kind is missing; expected one of low-rank-mahalanobis, diagonal, mahalanobis"),
                edit("an unknown kind", m -> m.put("kind", "full-mahalanobis"),
                        "kind is 'full-mahalanobis'; expected one of low-rank-mahalanobis, diagonal, mahalanobis"),
                edit("an unknown form", m -> ((ObjectNode) m.get("config")).put("form", "sparse"),
                        "config.form is \"sparse\"; expected one of low-rank, diagonal"));
    }

    /** A diagonal model's weights are one row of D numbers ≥ 0 and its rank is D. */
    static Stream<Arguments> diagonalEdits() {
        return Stream.of(
                edit("a negative weight", m -> ((ArrayNode) m.get("weights").get(0)).set(1, -0.5),
                        "weights[0][1] is -0.5; a diagonal model's weights are ≥ 0"),
                edit("a second row", m -> ((ArrayNode) m.get("weights")).add(m.get("weights").get(0).deepCopy()),
                        "weights has 2 rows; expected one row, w (a diagonal model)"),
                edit("a short row", m -> ((ArrayNode) m.get("weights").get(0)).remove(0),
                        "weights[0] has 2 values; expected 3 (one per feature)"),
                edit("a rank other than D", m -> m.put("rank", 2),
                        "rank is 2; a diagonal model's rank is its number of features, 3"),
                edit("NaN in w", m -> ((ArrayNode) m.get("weights").get(0)).set(2, Double.NaN),
                        "weights[0][2] is NaN; expected a finite number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("diagonalEdits")
    void anEditedDiagonalModelIsRefusedNamingTheField(String what, Consumer<ObjectNode> change, String expected)
            throws Exception {
        ObjectNode m = (ObjectNode) JSON.readTree(diagonal);
        change.accept(m);
        Path f = dir.resolve("edited-diagonal.json");
        Files.writeString(f, JSON.writeValueAsString(m));
        assertRefused(f, expected);
    }

    /** Files written before the diagonal form have no config.form: they are low-rank models and still read. */
    @Test
    void aFileWithoutAFormReadsAsLowRank() throws Exception {
        ObjectNode m = (ObjectNode) JSON.readTree(written);
        ((ObjectNode) m.get("config")).remove("form");
        Path f = Files.writeString(dir.resolve("old.json"), JSON.writeValueAsString(m));
        TrainedMetric old = TrainedMetric.read(f);
        assertEquals(MetricForm.LOW_RANK, old.config().form());
        assertEquals(ModelKind.LOW_RANK_MAHALANOBIS, old.modelKind());
        ObjectNode d = (ObjectNode) JSON.readTree(diagonal);
        assertEquals("diagonal", d.get("kind").asText());
        assertEquals("diagonal", d.get("config").get("form").asText());
        assertEquals(1, d.get("weights").size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void anEditedModelIsRefusedNamingTheField(String what, Consumer<ObjectNode> change, String expected)
            throws Exception {
        ObjectNode m = (ObjectNode) JSON.readTree(written);
        change.accept(m);
        Path f = dir.resolve("edited.json");
        Files.writeString(f, JSON.writeValueAsString(m));
        assertRefused(f, expected);
    }

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("", "the file is empty; expected a JSON object"),
                Arguments.of("[1, 2]", "the file is a list; expected an object"),
                Arguments.of("{\"formatVersion\": 1, ", "not valid JSON at line 1"),
                Arguments.of("{} {}", "formatVersion is missing; expected a whole number"));
    }

    @ParameterizedTest(name = "text {index}")
    @MethodSource("texts")
    void aFileThatIsNotAModelIsRefusedInOneLine(String text, String expected) throws Exception {
        assertRefused(Files.writeString(dir.resolve("text.json"), text), expected);
    }

    @ParameterizedTest(name = "trailing")
    @MethodSource("trailing")
    void aSecondObjectAfterTheModelIsRefused(String text) throws Exception {
        assertRefused(Files.writeString(dir.resolve("two.json"), text), "goes on after its JSON object");
    }

    static Stream<String> trailing() {
        return Stream.of(written + "\n" + written);
    }

    private static void assertRefused(Path f, String expected) {
        String msg = assertThrows(IllegalArgumentException.class, () -> TrainedMetric.read(f)).getMessage();
        assertTrue(msg.startsWith("model " + f + ": "), msg);
        assertTrue(msg.contains(expected), msg);
        assertFalse(msg.contains("\n") || msg.contains("jackson") || msg.contains("ALLOW_") || msg.contains("`"), msg);
    }
}
