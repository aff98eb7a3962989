package org.groundmetric.explain;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.groundmetric.ComputeEngine;
import org.groundmetric.Progress;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.io.DelimitedText;
import org.groundmetric.data.io.OutputFiles;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.ot.Solver;

/**
 * Which cell populations make samples of different classes far apart, and whether by a change of
 * state or of composition: every W_θ between two samples is taken apart along its optimal plan
 * ({@link PairDecomposition}) and the parts are averaged per group (cell type, cluster) over the
 * pairs of samples of different classes, and, for contrast, over the pairs of one class.
 *
 * <p>A group's share in one pair is its part of W_θ divided by W_θ (the shares of a pair sum to 1);
 * {@link GroupShare#share()} is its mean over the between-class pairs and splits into the state part
 * (arcs within the group) and the composition part (arcs from or to other groups). Pairs at distance
 * 0 have no shares and are left out of the means. Each cell also gets a shift score
 * ({@link CellShift}). Everything is reduced in pair order, so nothing depends on threads.
 */
public final class DistanceExplanation {

    /**
     * One group's row of the explanation.
     *
     * @param group            the group's name
     * @param share            mean share of W_θ over the pairs of samples of different classes
     * @param stateShare       the part of {@code share} from arcs within the group (a state shift)
     * @param compositionShare the part of {@code share} from arcs to or from other groups (composition)
     * @param withinClassShare mean share of W_θ over the pairs of samples of one class (NaN without such pairs)
     * @param cells            the group's cells in the cohort
     */
    public record GroupShare(String group, double share, double stateShare, double compositionShare,
                             double withinClassShare, long cells) {
    }

    /**
     * One pair of samples: W_θ and each group's state and composition shares of it (index = group;
     * NaN when W_θ = 0).
     */
    public record PairShares(int sampleA, int sampleB, boolean sameClass, double distance, double[] state,
                             double[] composition) {
    }

    private final Cohort cohort;
    private final CellGroups groups;
    private final List<GroupShare> shares;
    private final List<PairShares> pairs;
    private final CellShift shift;

    private DistanceExplanation(Cohort cohort, CellGroups groups, List<GroupShare> shares, List<PairShares> pairs,
                                CellShift shift) {
        this.cohort = cohort;
        this.groups = groups;
        this.shares = List.copyOf(shares);
        this.pairs = List.copyOf(pairs);
        this.shift = shift;
    }

    /**
     * Explains every W_θ between the cohort's samples under {@code metric}.
     *
     * @param cohort   labelled samples (at least two classes), preprocessed as the metric expects
     * @param metric   the ground metric (a learned one, or any other)
     * @param groupKey the per-cell annotation naming each cell's group (e.g. cell_type)
     * @param solver   the exact transport solver of each pair ({@link Solver#AUTO}: the fastest for it)
     * @param progress advances by one per pair of samples
     */
    public static DistanceExplanation of(Cohort cohort, GroundMetric metric, String groupKey, Solver solver,
                                         ComputeEngine engine, Progress progress) {
        for (var s : cohort.samples()) {
            if (s.classLabel() == null) {
                throw new IllegalArgumentException("sample '" + s.id() + "' has no class label; an explanation"
                        + " compares samples of different classes, so every sample needs one");
            }
        }
        if (cohort.classNames().size() < 2) {
            throw new IllegalArgumentException("the samples all have class '" + cohort.classNames().get(0)
                    + "'; an explanation compares samples of different classes, so it needs at least two classes");
        }
        CellGroups groups = CellGroups.of(cohort, groupKey);
        int g = groups.size();
        int[] classOf = cohort.classIndices();
        double[] between = new double[g];
        double[] betweenState = new double[g];
        double[] within = new double[g];
        long[] counted = new long[2];
        List<PairShares> pairRows = new ArrayList<>();
        CellShift.Builder cells = new CellShift.Builder(cohort);
        PairPlans.forEachPair(cohort, metric, groups, solver, engine, progress, (a, b, pair) -> {
            boolean same = classOf[a] == classOf[b];
            double w = pair.distance();
            double[] state = new double[g];
            double[] composition = new double[g];
            if (w > 0) {
                for (int q = 0; q < g; q++) {
                    state[q] = pair.state()[q] / w;
                    composition[q] = pair.composition()[q] / w;
                    if (same) {
                        within[q] += state[q] + composition[q];
                    } else {
                        between[q] += state[q] + composition[q];
                        betweenState[q] += state[q];
                    }
                }
                counted[same ? 1 : 0]++;
            } else {
                java.util.Arrays.fill(state, Double.NaN); // identical samples: no shares to give
                java.util.Arrays.fill(composition, Double.NaN);
            }
            cells.add(a, b, same, pair);
            pairRows.add(new PairShares(a, b, same, w, state, composition));
        });
        if (counted[0] == 0) {
            throw new IllegalArgumentException("every pair of samples of different classes is at distance 0 under"
                    + " the metric, so there is no between-class distance to explain");
        }
        List<GroupShare> rows = new ArrayList<>(g);
        for (int q = 0; q < g; q++) {
            double share = between[q] / counted[0];
            double state = betweenState[q] / counted[0];
            rows.add(new GroupShare(groups.names().get(q), share, state, share - state,
                    counted[1] == 0 ? Double.NaN : within[q] / counted[1], groups.cells()[q]));
        }
        rows.sort(Comparator.comparingDouble((GroupShare r) -> -r.share()).thenComparing(GroupShare::group));
        return new DistanceExplanation(cohort, groups, rows, pairRows, cells.build());
    }

    /** The groups, largest between-class share first (ties by name). */
    public List<GroupShare> shares() {
        return shares;
    }

    /** One row per pair of samples (a &lt; b in cohort order). */
    public List<PairShares> pairs() {
        return pairs;
    }

    /** The groups in the numbering of {@link PairShares} (sorted by name). */
    public List<String> groupNames() {
        return groups.names();
    }

    /** Every cell's shift score. */
    public CellShift cellShift() {
        return shift;
    }

    /** The cohort explained. */
    public Cohort cohort() {
        return cohort;
    }

    /** Writes {@code group, share, state_share, composition_share, within_class_share, cells}, largest share first. */
    public void writeShares(OutputFiles files, Path target) {
        files.write(target, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write("group\tshare\tstate_share\tcomposition_share\twithin_class_share\tcells\n");
            for (GroupShare r : shares) {
                w.write(DelimitedText.field(r.group(), '\t') + "\t" + fmt(r.share()) + "\t" + fmt(r.stateShare()) + "\t"
                        + fmt(r.compositionShare()) + "\t" + fmt(r.withinClassShare()) + "\t" + r.cells() + "\n");
            }
            w.flush();
        });
    }

    /**
     * Writes the long table behind the means: {@code sample_a, sample_b, class_a, class_b, same_class,
     * distance, group, share, state_share, composition_share}, one row per pair and group.
     */
    public void writePairs(OutputFiles files, Path target) {
        files.write(target, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write("sample_a\tsample_b\tclass_a\tclass_b\tsame_class\tdistance\tgroup\tshare\tstate_share"
                    + "\tcomposition_share\n");
            for (PairShares p : pairs) {
                String head = field(cohort.sample(p.sampleA()).id()) + "\t" + field(cohort.sample(p.sampleB()).id())
                        + "\t" + field(cohort.sample(p.sampleA()).classLabel()) + "\t"
                        + field(cohort.sample(p.sampleB()).classLabel()) + "\t" + p.sameClass() + "\t"
                        + fmt(p.distance());
                for (int q = 0; q < groups.size(); q++) {
                    w.write(head + "\t" + field(groups.names().get(q)) + "\t" + fmt(p.state()[q] + p.composition()[q])
                            + "\t" + fmt(p.state()[q]) + "\t" + fmt(p.composition()[q]) + "\n");
                }
            }
            w.flush();
        });
    }

    private static String field(String s) {
        return DelimitedText.field(s, '\t');
    }

    private static String fmt(double x) {
        return Double.isNaN(x) ? "NaN" : String.format(Locale.ROOT, "%.6g", x);
    }
}
