package org.groundmetric.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.groundmetric.Progress;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Sample;
import org.groundmetric.learn.ReferenceSample;
import org.groundmetric.learn.TrainedMetric;
import org.groundmetric.metric.FixedGroundMetric;
import org.groundmetric.ot.Solver;
import org.groundmetric.predict.ConformalPredictor;
import org.groundmetric.predict.SamplePredictions;
import org.groundmetric.wasserstein.WassersteinMatrix;

/** {@code predict --confidence}: each new sample's conformal set, calibrated on the reference samples by leave-one-out. */
record ConformalSets(double confidence, List<String> sets, int covered, int labelled, double meanSize) {

    /**
     * @param referenceCohort the --reference data (raw), or null for the reference kept in the model
     * @param p               the predictions, whose distances are new × reference samples
     */
    static ConformalSets of(TrainedMetric model, Cohort referenceCohort, SamplePredictions p, int k, double confidence,
                            int threads, Progress progress, Consumer<String> warnings) {
        List<ReferenceSample> reference = referenceCohort != null
                ? ReferenceSample.project(model.prepare(referenceCohort, warnings), model.metric()) : model.reference();
        List<Sample> images = new ArrayList<>();
        int[] classOf = new int[reference.size()];
        for (int j = 0; j < reference.size(); j++) {
            images.add(reference.get(j).asSample());
            classOf[j] = model.classNames().indexOf(reference.get(j).classLabel());
        }
        double[][] among = WassersteinMatrix.pairwise(images, FixedGroundMetric.parse("euclidean"), Solver.AUTO,
                threads, progress).distances();
        ConformalPredictor conformal = new ConformalPredictor(among, classOf, model.classNames().size(), k);
        List<String> sets = new ArrayList<>();
        int covered = 0;
        int labelled = 0;
        long size = 0;
        for (int i = 0; i < p.rows().size(); i++) {
            int[] set = conformal.set(p.distances().distances()[i], confidence);
            List<String> names = new ArrayList<>();
            for (int c : set) {
                names.add(model.classNames().get(c));
            }
            size += set.length;
            String truth = p.rows().get(i).trueClass();
            if (truth != null) {
                labelled++;
                covered += names.contains(truth) ? 1 : 0;
            }
            sets.add(String.join(",", names));
        }
        return new ConformalSets(confidence, sets, covered, labelled, (double) size / Math.max(1, sets.size()));
    }
}
