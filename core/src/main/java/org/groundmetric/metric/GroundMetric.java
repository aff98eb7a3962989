package org.groundmetric.metric;

import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.ot.CostMatrix;

/**
 * A distance between two cells, and the cost matrix between the cells of two samples that exact
 * optimal transport uses as its ground cost.
 */
public interface GroundMetric extends java.io.Serializable {

    /** A short name, e.g. "euclidean" or "ggml(k=5)". */
    String name();

    /** Distance between two cells given as feature vectors of equal length. */
    double distance(float[] x, float[] y);

    /** The rows(x) × rows(y) matrix of distances between the cells of two samples. */
    CostMatrix cost(CellMatrix x, CellMatrix y);
}
