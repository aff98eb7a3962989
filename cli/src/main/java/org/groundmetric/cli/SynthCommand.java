package org.groundmetric.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Sample;
import org.groundmetric.data.SyntheticCohorts;
import org.groundmetric.data.io.AnnData;
import org.groundmetric.data.io.Column;
import org.groundmetric.data.io.DataFrame;
import org.groundmetric.data.io.H5adWriter;
import org.groundmetric.linalg.DenseMatrix;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code groundmetric synth}: the paper's synthetic benchmarks as .h5ad files. */
@Command(name = "synth", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Writes one of the paper's synthetic data sets (its reference generator) as an AnnData .h5ad:",
            "3 classes × 10 samples, 300 cells each (a class-specific mode and two shared modes of 100),",
            "where only feature dim0 carries the class. synth2d has one noise feature scaled by 1000 (badly",
            "scaled features); synth200d has 199 noise features at scale 1. obs columns: sample, class,",
            "mode; features dim0, dim1, …. Draw a second seed for a test set.",
            "",
            "Example:",
            "  groundmetric synth --preset synth2d --seed 1 --out synth2d.h5ad",
            "  groundmetric train --input synth2d.h5ad --sample-key sample --label-key class --out model.json",
            ""
        })
public final class SynthCommand implements Callable<Integer> {

    @Option(names = "--preset", required = true, paramLabel = "synth2d|synth200d",
            description = "Which data set: synth2d or synth200d.")
    String preset;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "0",
            description = "Seed of the draw (default: ${DEFAULT-VALUE}); the same seed gives the same file content.")
    long seed;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE.h5ad",
            description = "Where to write the .h5ad (written to a temporary file, then renamed).")
    Path out;

    @Option(names = "--verbose", description = "Print stack traces on errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Cohort cohort = SyntheticCohorts.preset(preset, seed);
        H5adWriter.write(toAnnData(cohort), out);
        spec.commandLine().getOut().printf("wrote %s: %d samples, %d cells, %d features (preset %s, seed %d)%n",
                out, cohort.size(), cohort.cellCount(), cohort.featureCount(), preset, seed);
        return 0;
    }

    /** All cells of a dense cohort in one matrix, with obs sample / class / mode. */
    static AnnData toAnnData(Cohort cohort) {
        int d = cohort.featureCount();
        int n = (int) cohort.cellCount();
        float[] x = new float[n * d];
        List<String> index = new ArrayList<>(n);
        List<String> sample = new ArrayList<>(n);
        List<String> label = new ArrayList<>(n);
        List<String> mode = new ArrayList<>(n);
        int row = 0;
        for (Sample s : cohort.samples()) {
            float[] cells = ((DenseMatrix) s.cells()).data();
            System.arraycopy(cells, 0, x, row * d, cells.length);
            row += s.cellCount();
            index.addAll(s.cellIds());
            mode.addAll(s.cellAnnotations().get("mode"));
            for (int i = 0; i < s.cellCount(); i++) {
                sample.add(s.id());
                label.add(s.classLabel());
            }
        }
        Map<String, Column> obs = new LinkedHashMap<>();
        obs.put("sample", Column.Categorical.of(sample));
        obs.put("class", Column.Categorical.of(label));
        obs.put("mode", Column.Categorical.of(mode));
        // var says which feature carries the class (also: io.jhdf 0.13 cannot write the empty
        // column-order attribute of a var without columns).
        List<String> role = new ArrayList<>(d);
        for (int j = 0; j < d; j++) {
            role.add(j == 0 ? "class" : "noise");
        }
        return AnnData.of(new DenseMatrix(n, d, x), new DataFrame(index, obs),
                new DataFrame(cohort.featureNames(), Map.of("role", Column.Categorical.of(role))));
    }
}
