package org.groundmetric.cli;

import java.nio.file.Files;
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
import picocli.CommandLine.Option;

/**
 * Input options of {@code benchmark} and {@code tune}: an .h5ad file whose cells are grouped into
 * samples by an obs column, each sample labelled by another. Every cell of a sample must carry the
 * same label. (Stands in until the data helper's shared {@code InputOptions} mixin is merged; the
 * option names are the same.)
 */
final class EvalInput {

    @Option(names = "--input", paramLabel = "FILE", required = true,
            description = "AnnData .h5ad file: cells × features in X, sample and label columns in obs.")
    Path input;

    @Option(names = "--sample-key", paramLabel = "COLUMN", required = true,
            description = "obs column naming each cell's sample (patient), e.g. distribution or sample_id.")
    String sampleKey;

    @Option(names = "--label-key", paramLabel = "COLUMN", required = true,
            description = "obs column with each cell's class label (disease state); constant within a sample.")
    String labelKey;

    Cohort read() {
        if (!Files.isRegularFile(input)) {
            throw new IllegalArgumentException("--input " + input + " does not exist or is not a file");
        }
        AnnData data = H5adReader.read(input, H5adReader.Options.DEFAULT);
        Column samples = data.obs().column(sampleKey, "--sample-key");
        Column labels = data.obs().column(labelKey, "--label-key");
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        Map<String, String> labelOf = new LinkedHashMap<>();
        for (int r = 0; r < data.cells(); r++) {
            String s = samples.text(r);
            String l = labels.text(r);
            if (s == null) {
                throw new IllegalArgumentException("cell " + data.obs().index().get(r) + " has no " + sampleKey + " value");
            }
            rows.computeIfAbsent(s, x -> new ArrayList<>()).add(r);
            String before = labelOf.putIfAbsent(s, l);
            if (before != null && !before.equals(l)) {
                throw new IllegalArgumentException("sample '" + s + "' has cells labelled both '" + before + "' and '"
                        + l + "' in " + labelKey + "; a sample needs one class label");
            }
        }
        List<Sample> out = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : rows.entrySet()) {
            int[] idx = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            List<String> ids = new ArrayList<>(idx.length);
            for (int i : idx) {
                ids.add(data.obs().index().get(i));
            }
            out.add(new Sample(e.getKey(), labelOf.get(e.getKey()), data.x().selectRows(idx), ids, Map.of()));
        }
        Cohort cohort = new Cohort(out, data.var().index());
        if (cohort.classNames().size() < 2) {
            throw new IllegalArgumentException("--label-key " + labelKey + " has " + cohort.classNames().size()
                    + " class(es); evaluation needs at least 2");
        }
        return cohort;
    }
}
