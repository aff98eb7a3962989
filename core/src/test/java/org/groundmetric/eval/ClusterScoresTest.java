package org.groundmetric.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.groundmetric.testing.Fixtures;
import org.junit.jupiter.api.Test;

class ClusterScoresTest {

    /** fixtures/clustering.json: sklearn adjusted_rand_score, mutual_info_score (nats), VI = H(U)+H(V)−2MI. */
    @Test
    void matchScikitLearn() {
        for (JsonNode c : Fixtures.load("clustering.json").get("scores")) {
            ClusterScores s = ClusterScores.of(Fixtures.ints(c.get("truth")), Fixtures.ints(c.get("pred")));
            assertEquals(c.get("ari").asDouble(), s.adjustedRandIndex(), 1e-12);
            assertEquals(c.get("mi").asDouble(), s.mutualInformation(), 1e-12);
            assertEquals(c.get("vi").asDouble(), s.variationOfInformation(), 1e-12);
        }
    }

    @Test
    void identicalLabellingsUpToRenaming() {
        ClusterScores s = ClusterScores.of(new int[] {0, 0, 1, 1, 2}, new int[] {7, 7, 3, 3, 9});
        assertEquals(1.0, s.adjustedRandIndex(), 1e-12);
        assertEquals(0.0, s.variationOfInformation(), 1e-12);
        // MI = H = −(2·0.4 ln 0.4 + 0.2 ln 0.2)
        assertEquals(-(0.8 * Math.log(0.4) + 0.2 * Math.log(0.2)), s.mutualInformation(), 1e-12);
    }
}
