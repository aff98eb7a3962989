package org.groundmetric.explain;

import java.util.LinkedHashMap;
import java.util.Map;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Sample;

/**
 * Which cells carry the difference between classes. In every pair of samples, a cell's transport
 * cost is the cost of its arcs per unit of its mass (how far, under the metric, its mass travels).
 * Its shift score is c_other / (c_other + c_own), with c_other its mean cost towards samples of
 * other classes and c_own towards the other samples of its own class: 0.5 when reaching other
 * classes costs the cell no more than reaching its own, towards 1 when the cell's cost comes from
 * the difference between classes. NaN when its class has no other sample (nothing to compare
 * with); 0.5 when both costs are 0.
 */
public final class CellShift {
    private final Cohort cohort;
    private final double[][] scores;

    private CellShift(Cohort cohort, double[][] scores) {
        this.cohort = cohort;
        this.scores = scores;
    }

    /** The scores of sample s's cells, in its row order (a copy). */
    public double[] of(int sample) {
        return scores[sample].clone();
    }

    /**
     * Every cell's score by its id (the obs name), in cohort order.
     *
     * @throws IllegalArgumentException when two cells share an id (their scores could not be told apart)
     */
    public Map<String, Double> byCellId() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int s = 0; s < cohort.size(); s++) {
            Sample sample = cohort.sample(s);
            for (int i = 0; i < sample.cellCount(); i++) {
                String id = sample.cellIds().get(i);
                if (out.put(id, scores[s][i]) != null) {
                    throw new IllegalArgumentException("the cell id '" + id + "' occurs twice, so its shift score"
                            + " cannot be placed; cell ids (obs names) must be unique (anndata:"
                            + " adata.obs_names_make_unique())");
                }
            }
        }
        return out;
    }

    /** Gathers each pair's per-cell costs, in pair order. */
    static final class Builder {
        private final Cohort cohort;
        private final double[][] other;
        private final double[][] own;
        private final int[] otherPairs;
        private final int[] ownPairs;

        Builder(Cohort cohort) {
            this.cohort = cohort;
            int n = cohort.size();
            other = new double[n][];
            own = new double[n][];
            for (int s = 0; s < n; s++) {
                other[s] = new double[cohort.sample(s).cellCount()];
                own[s] = new double[cohort.sample(s).cellCount()];
            }
            otherPairs = new int[n];
            ownPairs = new int[n];
        }

        /** Pair (a, b). */
        void add(int a, int b, boolean sameClass, PairDecomposition pair) {
            add(a, sameClass, pair.cellCostA());
            add(b, sameClass, pair.cellCostB());
        }

        private void add(int s, boolean sameClass, double[] cost) {
            double[] sum = sameClass ? own[s] : other[s];
            // uniform weights: each cell holds 1/n of the mass, so its cost per unit mass is n·cost
            for (int i = 0; i < cost.length; i++) {
                sum[i] += cost[i] * cost.length;
            }
            (sameClass ? ownPairs : otherPairs)[s]++;
        }

        CellShift build() {
            double[][] scores = new double[cohort.size()][];
            for (int s = 0; s < scores.length; s++) {
                scores[s] = new double[other[s].length];
                for (int i = 0; i < scores[s].length; i++) {
                    if (ownPairs[s] == 0 || otherPairs[s] == 0) {
                        scores[s][i] = Double.NaN;
                        continue;
                    }
                    double o = other[s][i] / otherPairs[s];
                    double m = own[s][i] / ownPairs[s];
                    scores[s][i] = o + m == 0 ? 0.5 : o / (o + m);
                }
            }
            return new CellShift(cohort, scores);
        }
    }
}
