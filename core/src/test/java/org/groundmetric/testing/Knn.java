package org.groundmetric.testing;

import org.groundmetric.Progress;
import org.groundmetric.data.Cohort;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.ot.Solver;
import org.groundmetric.predict.WeightedKnn;
import org.groundmetric.wasserstein.WassersteinMatrix;

/** Test helper: Wasserstein matrices under a ground metric and leave-one-out k-NN accuracy. */
public final class Knn {
    private Knn() {
    }

    public static double[][] wasserstein(Cohort c, GroundMetric metric, int threads) {
        return WassersteinMatrix.pairwise(c.samples(), metric, Solver.AUTO, threads, Progress.NONE).distances();
    }

    /** Leave-one-out k-NN accuracy of a cohort's samples under the Wasserstein distance with {@code metric}. */
    public static double accuracy(Cohort c, GroundMetric metric, int k, int threads) {
        return new WeightedKnn(k, WeightedKnn.Weights.UNIFORM)
                .leaveOneOutAccuracy(wasserstein(c, metric, threads), c.classIndices(), c.classNames().size());
    }
}
