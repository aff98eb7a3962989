package org.groundmetric.metric;

import org.groundmetric.data.Cohort;
import org.groundmetric.metric.GroundMetric;

/**
 * Learns a ground metric from a labelled cohort. GGML learns from sample labels through optimal
 * transport; the baselines (LMNN, NCA, ITML, LFDA) learn from cells labelled with their sample's
 * class; fixed metrics ignore the data. The benchmark treats them all alike through this seam.
 */
public interface MetricLearner {

    /** Name as it appears in benchmark tables, e.g. "GGML", "LMNN", "Euclidean". */
    String name();

    /** Fits on the cohort's labelled samples and returns the metric. */
    GroundMetric fit(Cohort cohort);
}
