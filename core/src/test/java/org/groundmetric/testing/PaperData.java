package org.groundmetric.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Sample;
import org.groundmetric.data.io.AnnData;
import org.groundmetric.data.io.Column;
import org.groundmetric.data.io.H5adReader;
import org.groundmetric.learn.Ggml;
import org.groundmetric.learn.GgmlConfig;
import org.groundmetric.learn.TrainedMetric;
import org.groundmetric.learn.TrainingListener;

/**
 * Test helper: the paper's synthetic files in ../shared/data (obs distribution / class / split) as
 * a cohort of one split.
 */
public final class PaperData {
    /** Trained once per test JVM: several test classes need the paper-settings model of a file. */
    private static final Map<String, TrainedMetric> TRAINED = new java.util.concurrent.ConcurrentHashMap<>();

    private PaperData() {
    }

    /**
     * GGML trained on split == train of a paper file with the paper's settings (rank 5, t = 3,
     * alpha 10, lambda 0.1, 30 epochs, seed 0, 2 threads), shared by the tests that need it.
     */
    public static TrainedMetric paperModel(String file) {
        return TRAINED.computeIfAbsent(file, f -> new Ggml(GgmlConfig.builder().rank(5).neighbours(3).alpha(10)
                .lambda(0.1).epochs(30).seed(0).threads(2).build()).train(split(f, "train"), TrainingListener.NONE));
    }

    public static Cohort split(String file, String split) {
        Path p = SharedData.file(file);
        AnnData a = H5adReader.read(p, H5adReader.Options.DEFAULT);
        Column sample = a.obs().column("distribution", "sample key");
        Column label = a.obs().column("class", "label key");
        Column splits = a.obs().column("split", "split");
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < a.cells(); i++) {
            if (split.equals(splits.text(i))) {
                rows.computeIfAbsent(sample.text(i), k -> new ArrayList<>()).add(i);
                labels.put(sample.text(i), label.text(i));
            }
        }
        List<Sample> samples = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : rows.entrySet()) {
            int[] idx = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            samples.add(Sample.of(e.getKey(), labels.get(e.getKey()), a.x().selectRows(idx)));
        }
        return new Cohort(samples, a.var().index());
    }
}
