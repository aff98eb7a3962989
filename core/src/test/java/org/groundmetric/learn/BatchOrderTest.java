package org.groundmetric.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.PaperScaleCohort;
import org.groundmetric.ot.Solver;
import org.junit.jupiter.api.Test;

class BatchOrderTest {
    // 24 samples in 3 classes, t = 3: 24·9·2 = 432 triplets, 18 per anchor.
    private static final int[] CLASS_OF = new int[24];

    static {
        for (int s = 0; s < CLASS_OF.length; s++) {
            CLASS_OF[s] = s % 3;
        }
    }

    private static List<Triplet> epoch(long seed) {
        return new TripletSampler(CLASS_OF, 3).random(new SplittableRandom(seed));
    }

    /** Random is the plain Fisher–Yates shuffle the trainer always used: old seeds give the same W. */
    @Test
    void randomIsTheOneByOneShuffle() {
        List<Triplet> triplets = epoch(1);
        List<Triplet> expected = new ArrayList<>(triplets);
        SplittableRandom rng = new SplittableRandom(7);
        for (int a = expected.size() - 1; a > 0; a--) {
            Collections.swap(expected, a, rng.nextInt(a + 1));
        }
        assertEquals(expected, BatchOrder.RANDOM.arrange(triplets, CLASS_OF, new SplittableRandom(7)));
    }

    /**
     * Anchors: the same triplets, each anchor's together, classes taking turns; a batch of 128
     * solves a fraction of the pairs the random order does (every pair once per batch).
     */
    @Test
    void anchorsKeepEachAnchorsTripletsTogetherAndSolveFewerPairs() {
        List<Triplet> triplets = epoch(1);
        List<Triplet> anchors = BatchOrder.ANCHORS.arrange(triplets, CLASS_OF, new SplittableRandom(7));
        assertEquals(new HashSet<>(triplets), new HashSet<>(anchors));
        assertEquals(triplets.size(), anchors.size());
        List<Integer> runs = new ArrayList<>();
        for (int p = 0; p < anchors.size(); p++) {
            if (p == 0 || anchors.get(p).j() != anchors.get(p - 1).j()) {
                runs.add(anchors.get(p).j());
            }
        }
        assertEquals(24, runs.size(), "one run of triplets per anchor");
        for (int r = 1; r < runs.size(); r++) {
            assertNotEquals(CLASS_OF[runs.get(r - 1)], CLASS_OF[runs.get(r)], "classes take turns at run " + r);
        }
        assertEquals(anchors, BatchOrder.ANCHORS.arrange(triplets, CLASS_OF, new SplittableRandom(7)), "seeded");
        long random = BatchOrder.problems(BatchOrder.RANDOM.arrange(triplets, CLASS_OF, new SplittableRandom(7)), 128);
        long grouped = BatchOrder.problems(anchors, 128);
        // Per anchor: t pairs with its class, t·(C−1) with the others = 9 (+ an anchor cut by a batch end).
        assertTrue(grouped <= 24 * 9 + 4 * 9, "anchors order solves " + grouped + " pairs");
        assertTrue(random > 2 * grouped, "random order solves " + random + " pairs, anchors " + grouped);
    }

    /** The fast exact path learns the same W as the plain network simplex in the anchors order too. */
    @Test
    void anchorsOrderLearnsTheSameWWithEveryExactSolver() {
        Cohort cohort = new PaperScaleCohort(12, 3, 40, 120, 3, 0.1, 4, 5).generate();
        GgmlConfig.Builder config = GgmlConfig.builder().rank(3).epochs(3).batchSize(16).seed(9).threads(2)
                .batchOrder(BatchOrder.ANCHORS);
        double[][] fast = new Ggml(config.solver(Solver.AUTO).build()).train(cohort, TrainingListener.NONE)
                .weights();
        double[][] plain = new Ggml(config.solver(Solver.NETWORK_SIMPLEX).build()).train(cohort,
                TrainingListener.NONE).weights();
        double[][] random = new Ggml(config.solver(Solver.AUTO).batchOrder(BatchOrder.RANDOM).build())
                .train(cohort, TrainingListener.NONE).weights();
        boolean differs = false;
        for (int r = 0; r < plain.length; r++) {
            for (int c = 0; c < plain[r].length; c++) {
                assertEquals(plain[r][c], fast[r][c], 1e-9 * Math.max(1, Math.abs(plain[r][c])), "W[" + r + "][" + c + "]");
                differs |= Math.abs(random[r][c] - fast[r][c]) > 1e-6;
            }
        }
        assertTrue(differs, "the anchors order must change the batches, and with them W");
    }

    /**
     * Auto takes anchors where it cuts the epoch's problems at least threefold (131 samples in 4
     * classes, the paper's cohort: 3.9-fold) and random where it does not (30 samples in 3 classes,
     * Synth200D's training split: 2.3-fold), counted by {@link BatchOrder#problems}.
     */
    @Test
    void autoTakesAnchorsOnlyWhereItSolvesAThirdOfTheProblems() {
        int[] paper = classes(131, 4);
        List<Triplet> large = new TripletSampler(paper, 3).random(new SplittableRandom(0));
        double saving = saving(large, paper);
        assertTrue(saving > 3.5 && saving < 4.5, "paper-scale saving " + saving);
        assertEquals(BatchOrder.ANCHORS, BatchOrder.AUTO.resolve(large, paper, 128));

        int[] synth = classes(30, 3);
        List<Triplet> small = new TripletSampler(synth, 3).random(new SplittableRandom(0));
        double smallSaving = saving(small, synth);
        assertTrue(smallSaving > 1.8 && smallSaving < 3, "Synth200D-size saving " + smallSaving);
        assertEquals(BatchOrder.RANDOM, BatchOrder.AUTO.resolve(small, synth, 128));
        // Larger batches share more pairs in random order too: auto follows the count, not the size.
        assertEquals(BatchOrder.RANDOM, BatchOrder.AUTO.resolve(large, paper, 4096));
        assertEquals(BatchOrder.RANDOM, BatchOrder.RANDOM.resolve(large, paper, 128), "explicit orders stay");
        assertEquals(BatchOrder.ANCHORS, BatchOrder.ANCHORS.resolve(small, synth, 128), "explicit orders stay");
    }

    /** A model trained with auto is the model of the order auto chose, to the bit, and records that order. */
    @Test
    void autoTrainsExactlyAsTheOrderItChoseAndRecordsIt() {
        Cohort cohort = new PaperScaleCohort(64, 4, 20, 120, 3, 0.1, 4, 5).generate();
        GgmlConfig.Builder config = GgmlConfig.builder().rank(2).epochs(1).seed(3).threads(2);
        TrainedMetric auto = new Ggml(config.batchOrder(BatchOrder.AUTO).build()).train(cohort, TrainingListener.NONE);
        TrainedMetric anchors = new Ggml(config.batchOrder(BatchOrder.ANCHORS).build()).train(cohort,
                TrainingListener.NONE);
        assertEquals(BatchOrder.ANCHORS, auto.config().batchOrder(), "64 samples in 4 classes: anchors");
        for (int r = 0; r < auto.weights().length; r++) {
            assertArrayEquals(anchors.weights()[r], auto.weights()[r]);
        }
        Cohort few = new PaperScaleCohort(24, 3, 20, 120, 3, 0.1, 4, 5).generate();
        TrainedMetric smallAuto = new Ggml(config.batchOrder(BatchOrder.AUTO).build()).train(few, TrainingListener.NONE);
        TrainedMetric smallRandom = new Ggml(config.batchOrder(BatchOrder.RANDOM).build()).train(few,
                TrainingListener.NONE);
        assertEquals(BatchOrder.RANDOM, smallAuto.config().batchOrder(), "24 samples in 3 classes: random");
        for (int r = 0; r < smallAuto.weights().length; r++) {
            assertArrayEquals(smallRandom.weights()[r], smallAuto.weights()[r]);
        }
    }

    /** How many times more problems the random order solves than the anchors order, batches of 128. */
    private static double saving(List<Triplet> epoch, int[] classOf) {
        return (double) BatchOrder.problems(BatchOrder.RANDOM.arrange(epoch, classOf, new SplittableRandom(0)), 128)
                / BatchOrder.problems(BatchOrder.ANCHORS.arrange(epoch, classOf, new SplittableRandom(0)), 128);
    }

    private static int[] classes(int samples, int classes) {
        int[] classOf = new int[samples];
        for (int s = 0; s < samples; s++) {
            classOf[s] = s % classes;
        }
        return classOf;
    }
}
