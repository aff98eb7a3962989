package org.groundmetric.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.groundmetric.testing.Fixtures;
import org.junit.jupiter.api.Test;

class RocAucTest {

    /** scikit-learn's roc_auc_score on the cases of predict/roc_auc.json (written by make_roc_auc.py beside it). */
    @Test
    void matchesScikitLearn() throws IOException {
        JsonNode root;
        try (InputStream in = RocAucTest.class.getResourceAsStream("/predict/roc_auc.json")) {
            root = new ObjectMapper().readTree(in);
        }
        assertEquals(4, root.get("cases").size());
        for (JsonNode c : root.get("cases")) {
            double auc = RocAuc.of(Fixtures.ints(c.get("truth")), Fixtures.matrix(c.get("probabilities")),
                    c.get("classes").asInt());
            assertEquals(c.get("auc").asDouble(), auc, 1e-12, c.get("name").asText());
        }
    }

    @Test
    void countsTiesAsOneHalfAndIsNaNWithoutBothClasses() {
        int[] truth = {0, 0, 1, 1};
        // positives 0.8, 0.4; negatives 0.4, 0.2: 3 pairs right, 1 tie → 3.5 / 4
        assertEquals(0.875, RocAuc.binary(truth, new double[] {0.4, 0.2, 0.8, 0.4}, 1), 1e-15);
        assertEquals(0.125, RocAuc.binary(truth, new double[] {0.4, 0.2, 0.8, 0.4}, 0), 1e-15,
                "the same scores ranked for the other class");
        assertTrue(Double.isNaN(RocAuc.binary(new int[] {1, 1}, new double[] {0.1, 0.2}, 1)));
        // three classes, class 2 never true: the macro mean is over classes 0 and 1
        double[][] p = {{0.7, 0.2, 0.1}, {0.2, 0.7, 0.1}};
        assertEquals(1.0, RocAuc.of(new int[] {0, 1}, p, 3), 1e-15);
    }
}
