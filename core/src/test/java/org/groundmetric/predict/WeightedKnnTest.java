package org.groundmetric.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import org.groundmetric.predict.ClassificationScores;
import org.groundmetric.predict.Vote;
import org.groundmetric.predict.WeightedKnn.Weights;
import org.groundmetric.predict.WeightedKnn;
import org.groundmetric.testing.Fixtures;
import org.junit.jupiter.api.Test;

class WeightedKnnTest {

    /** fixtures/knn.json: scikit-learn KNeighborsClassifier(5, metric="precomputed"), both weightings. */
    @Test
    void matchesScikitLearnOnTheFixture() {
        JsonNode f = Fixtures.load("knn.json");
        double[][] d = Fixtures.matrix(f.get("distances"));
        int[] labels = Fixtures.ints(f.get("labels"));
        int[] train = Fixtures.ints(f.get("train"));
        int[] test = Fixtures.ints(f.get("test"));
        double[][] testTrain = new double[test.length][train.length];
        for (int i = 0; i < test.length; i++) {
            for (int j = 0; j < train.length; j++) {
                testTrain[i][j] = d[test[i]][train[j]];
            }
        }
        int[] trainLabels = new int[train.length];
        for (int j = 0; j < train.length; j++) {
            trainLabels[j] = labels[train[j]];
        }
        for (Weights w : Weights.values()) {
            int[] expected = Fixtures.ints(f.get("predictions").get(w.name().toLowerCase()));
            int[] got = new WeightedKnn(5, w).predict(testTrain, trainLabels, 3).labels();
            assertArrayEquals(expected, got, w.name());
        }
    }

    @Test
    void distanceWeightsFavourNearNeighboursWhereUniformVotesByCount() {
        // three far neighbours of class 1 against two very near ones of class 0
        double[][] d = {{0.1, 0.1, 5, 5, 5}};
        int[] y = {0, 0, 1, 1, 1};
        assertEquals(1, new WeightedKnn(5, Weights.UNIFORM).predict(d, y, 2).labels()[0]);
        WeightedKnn.Predictions p = new WeightedKnn(5, Weights.DISTANCE).predict(d, y, 2);
        assertEquals(0, p.labels()[0]);
        assertEquals(20.0 / 20.6, p.probabilities()[0][0], 1e-12);
    }

    @Test
    void zeroDistancesTakeAllTheWeightLikeScikitLearn() {
        double[][] d = {{0.0, 0.5, 0.5, 0.5, 0.5}};
        int[] y = {1, 0, 0, 0, 0};
        WeightedKnn.Predictions p = new WeightedKnn(5, Weights.DISTANCE).predict(d, y, 2);
        assertArrayEquals(new double[] {0, 1}, p.probabilities()[0], 0);
        assertEquals(1, p.labels()[0]);
    }

    @Test
    void tiesGoToTheLowerClassAndEqualDistancesToTheLowerIndex() {
        double[][] d = {{1, 1, 1, 1}};
        int[] y = {1, 0, 1, 0};
        // k = 2 takes indices 0 and 1 (equal distances, lower index first): one vote each → class 0
        assertEquals(0, new WeightedKnn(2, Weights.UNIFORM).predict(d, y, 2).labels()[0]);
        assertArrayEquals(new int[] {0, 1}, new WeightedKnn(2, Weights.UNIFORM).nearest(d[0], -1));
    }

    @Test
    void leaveOneOutSkipsThePointItself() {
        double[][] d = {{0, 1, 9}, {1, 0, 9}, {9, 9, 0}};
        int[] y = {0, 0, 1};
        int[] got = new WeightedKnn(1, Weights.UNIFORM).predictLeaveOneOut(d, y, 2).labels();
        assertArrayEquals(new int[] {0, 0, 0}, got);
    }

    @Test
    void tooFewTrainingPointsIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WeightedKnn(5, Weights.UNIFORM).predict(new double[][] {{1, 2}}, new int[] {0, 1}, 2));
        assertEquals("k = 5 neighbours asked but only 2 training points; lower k", e.getMessage());
    }

    @Test
    void scoresFromTheConfusionMatrix() {
        int[] truth = {0, 0, 0, 0, 1, 1, 2, 2};
        int[] pred = {0, 0, 0, 1, 1, 0, 2, 2};
        ClassificationScores s = ClassificationScores.of(truth, pred, 3);
        assertEquals(6.0 / 8, s.accuracy(), 1e-12);
        // recalls 3/4, 1/2, 1 (as sklearn.metrics.balanced_accuracy_score)
        assertEquals((0.75 + 0.5 + 1) / 3, s.balancedAccuracy(), 1e-12);
        assertArrayEquals(new long[] {3, 1, 0}, s.confusion()[0]);
    }

    @Test
    void theBalancedVoteWeighsNeighboursByTheInverseOfTheirClassShare() {
        // 8 training points of class 0, 2 of class 1; the query's 3 nearest: two of class 0, one of class 1, all at 1
        int[] y = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1};
        double[][] d = {{1, 1, 5, 5, 5, 5, 5, 5, 1, 5}};
        WeightedKnn.Predictions plain = new WeightedKnn(3, Vote.DISTANCE).predict(d, y, 2);
        assertArrayEquals(new double[] {2.0 / 3, 1.0 / 3}, plain.probabilities()[0], 1e-12);
        assertEquals(0, plain.labels()[0]);
        // weights 10/8 for class 0 and 10/2 for class 1: 2.5 against 5
        WeightedKnn.Predictions balanced = new WeightedKnn(3, Vote.BALANCED).predict(d, y, 2);
        assertArrayEquals(new double[] {1.0 / 3, 2.0 / 3}, balanced.probabilities()[0], 1e-12);
        assertEquals(1, balanced.labels()[0]);
        // leave-one-out: the query's own class share is taken without it (3 points: 2 of class 0, 1 of class 1)
        double[][] square = {{0, 1, 1}, {1, 0, 2}, {1, 2, 0}};
        double[] p = new WeightedKnn(2, Vote.BALANCED).predictLeaveOneOut(square, new int[] {0, 0, 1}, 2)
                .probabilities()[0];
        assertArrayEquals(new double[] {0.5, 0.5}, p, 1e-12, "point 0 sees one of each class, equal shares");
    }

    @Test
    void theAutomaticVoteBalancesFromTwiceTheSmallestClass() {
        assertEquals(Vote.BALANCED, Vote.automatic(new long[] {16, 4}));
        assertEquals(Vote.BALANCED, Vote.automatic(new long[] {2, 1}));
        assertEquals(Vote.DISTANCE, Vote.automatic(new long[] {5, 5}));
        assertEquals(Vote.DISTANCE, Vote.automatic(new long[] {3, 2}));
        assertEquals(Vote.BALANCED, Vote.automatic(new long[] {0, 4, 8}), "a class without samples does not count");
        assertEquals(Vote.DISTANCE, Vote.automatic(new long[] {0, 4, 7}));
    }
}
