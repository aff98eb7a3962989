package org.groundmetric.metric;

import org.groundmetric.linalg.CellMatrix;

/**
 * A ground metric that is the Euclidean distance between the images of cells under a linear map
 * W (k×D): d(x, y) = ‖Wx − Wy‖. Costs between two samples are then built in k dimensions from
 * their projections, never in D: project each sample once and reuse it for every pair.
 */
public interface ProjectedMetric extends GroundMetric {

    /** k, the number of rows of W. */
    int rank();

    /** The n×k row-major image X·Wᵀ of a sample's cells. */
    double[] project(CellMatrix cells);
}
