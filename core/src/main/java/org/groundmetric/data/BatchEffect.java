package org.groundmetric.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.groundmetric.linalg.DenseMatrix;

/**
 * A batch effect (site, chemistry, processing day) added to a synthetic cohort, partly confounded
 * with the class: there are as many batches as classes, batch b shifts every cell of its samples by
 * {@code strength} along one noise feature of its own (column 1 + b), and each class c keeps a share
 * {@code confounding} of its samples in its home batch (batch c; batch c + 1 mod C when
 * {@code reversed}), the other samples spread evenly over the other batches. confounding = 1/C is no
 * association, 1 is complete confounding (each batch holds a single class). Which samples go home is
 * a seeded draw, so the batch does not follow the sample's place within its class. Every cell gets
 * the annotation {@code batch} (batch_0, batch_1, …).
 *
 * <p>A model trained on a confounded cohort and applied to a {@code reversed} draw shows whether it
 * learned the class or the batch: the batch features point to the wrong class there.
 *
 * @param strength    the shift S of a batch's feature, in the feature's units (≥ 0)
 * @param confounding the share R of each class's samples in its home batch, in [0, 1]
 * @param reversed    home batch of class c is c + 1 mod C instead of c
 */
public record BatchEffect(double strength, double confounding, boolean reversed) {

    /** The cell annotation naming each cell's batch. */
    public static final String ANNOTATION = "batch";

    public BatchEffect {
        if (!(strength >= 0) || !Double.isFinite(strength)) {
            throw new IllegalArgumentException("batch effect strength = " + strength + "; expected a finite number ≥ 0");
        }
        if (!(confounding >= 0 && confounding <= 1)) {
            throw new IllegalArgumentException("confounding = " + confounding + "; expected a share of samples in [0, 1]"
                    + " (1/C: batch independent of class, 1: each batch holds one class)");
        }
    }

    /** Column of the feature batch {@code b} shifts. */
    public static int featureOf(int batch) {
        return 1 + batch;
    }

    /**
     * The cohort with batches assigned and their shifts added (dense cohorts, e.g.
     * {@link SyntheticCohorts#paper}).
     *
     * @param seed seeds which samples of a class go to its home batch
     */
    public Cohort apply(Cohort cohort, long seed) {
        List<String> classes = cohort.classNames();
        int batches = classes.size();
        if (cohort.featureCount() < 1 + batches) {
            throw new IllegalArgumentException("a batch effect on " + batches + " batches shifts " + batches
                    + " noise features, but the cohort has " + (cohort.featureCount() - 1)
                    + "; use more noise features (e.g. synth200d)");
        }
        int[] classOf = cohort.classIndices();
        int[] batchOf = assign(classOf, batches, new SplittableRandom(seed));
        List<Sample> out = new ArrayList<>(cohort.size());
        for (int s = 0; s < cohort.size(); s++) {
            Sample sample = cohort.sample(s);
            if (!(sample.cells() instanceof DenseMatrix dense)) {
                throw new IllegalArgumentException("a batch effect is added to dense synthetic cohorts only");
            }
            int d = dense.cols();
            float[] x = dense.data().clone();
            int column = featureOf(batchOf[s]);
            for (int i = 0; i < dense.rows(); i++) {
                x[i * d + column] += (float) strength;
            }
            String[] batch = new String[dense.rows()];
            Arrays.fill(batch, "batch_" + batchOf[s]);
            Map<String, List<String>> annotations = new LinkedHashMap<>(sample.cellAnnotations());
            annotations.put(ANNOTATION, List.of(batch));
            out.add(new Sample(sample.id(), sample.classLabel(), new DenseMatrix(dense.rows(), d, x), sample.cellIds(),
                    annotations));
        }
        return new Cohort(out, cohort.featureNames());
    }

    /** Batch of every sample: per class, round(R·n_c) samples (a seeded choice) home, the rest round-robin elsewhere. */
    int[] assign(int[] classOf, int batches, SplittableRandom rng) {
        int[] batchOf = new int[classOf.length];
        for (int c = 0; c < batches; c++) {
            List<Integer> members = new ArrayList<>();
            for (int s = 0; s < classOf.length; s++) {
                if (classOf[s] == c) {
                    members.add(s);
                }
            }
            for (int a = members.size() - 1; a > 0; a--) {
                java.util.Collections.swap(members, a, rng.nextInt(a + 1));
            }
            int home = reversed ? (c + 1) % batches : c;
            int stay = (int) Math.round(confounding * members.size());
            int other = 0;
            for (int m = 0; m < members.size(); m++) {
                if (m < stay) {
                    batchOf[members.get(m)] = home;
                } else {
                    batchOf[members.get(m)] = (home + 1 + other % (batches - 1)) % batches;
                    other++;
                }
            }
        }
        return batchOf;
    }
}
