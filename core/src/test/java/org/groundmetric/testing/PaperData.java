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

/**
 * Test helper: the paper's synthetic files in ../shared/data (obs distribution / class / split) as
 * a cohort of one split.
 */
public final class PaperData {
    private PaperData() {
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
