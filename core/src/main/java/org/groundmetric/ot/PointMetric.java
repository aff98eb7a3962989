package org.groundmetric.ot;

import java.util.Locale;

/**
 * A fixed distance between two points, as {@code scipy.spatial.distance.cdist} and POT's
 * {@code ot.dist} name them.
 */
public enum PointMetric {
    /** ‖x − y‖₂. */
    EUCLIDEAN("euclidean"),
    /** ‖x − y‖₂². */
    SQEUCLIDEAN("sqeuclidean"),
    /** Σ |xₖ − yₖ| (Manhattan). */
    CITYBLOCK("cityblock"),
    /** 1 − x·y / (‖x‖ ‖y‖); a zero vector is at distance 1 from non-zero vectors, 0 from zero vectors. */
    COSINE("cosine");

    private final String label;

    PointMetric(String label) {
        this.label = label;
    }

    /** The lower-case name used on the command line. */
    public String label() {
        return label;
    }

    /** Parses "euclidean", "sqeuclidean", "cityblock" (or "manhattan") and "cosine", any case. */
    public static PointMetric parse(String name) {
        if (name != null) {
            switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "euclidean":
                    return EUCLIDEAN;
                case "sqeuclidean":
                    return SQEUCLIDEAN;
                case "cityblock":
                case "manhattan":
                    return CITYBLOCK;
                case "cosine":
                    return COSINE;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("unknown point metric '" + name
                + "'; expected one of euclidean, sqeuclidean, cityblock (or manhattan), cosine");
    }
}
