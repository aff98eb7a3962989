package org.groundmetric.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.groundmetric.ComputeEngine;
import org.groundmetric.IllegalParameterException;
import org.groundmetric.data.io.AnnData;
import org.groundmetric.data.io.Column;
import org.groundmetric.data.io.OutputFiles;
import org.groundmetric.explain.DistanceExplanation;
import org.groundmetric.learn.TrainedMetric;
import org.groundmetric.ot.Solver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code groundmetric explain}: which cell populations make samples of different classes far apart. */
@Command(name = "explain",
        header = "Which cell populations drive the distances between classes: state or composition.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Takes every Wasserstein distance W_θ between two samples under the model's metric apart",
            "along its optimal transport plan. The cost of each bit of transported mass is put half on",
            "the group (--group-key: a cell type, a cluster) of the cell it leaves and half on the group",
            "of the cell it reaches. An arc between two cells of one group is a change of state inside",
            "that population; an arc between groups is a change of composition (mass that must move",
            "from one population to another because their abundances differ).",
            "",
            "Writes --out (tab-separated), one row per group, largest share first:",
            "  group              the group",
            "  share              its share of W_θ, averaged over all pairs of samples of different classes",
            "  state_share        the part of share from arcs inside the group (state shift)",
            "  composition_share  the part of share from arcs to or from other groups (composition change)",
            "  within_class_share its share averaged over pairs of samples of the same class",
            "  cells              its cells",
            "The shares of the groups sum to 1. Abundant groups carry much of any distance: a group",
            "whose share between classes exceeds its share within classes carries the class difference.",
            "State and composition are read off the plan under the model's metric: groups the metric",
            "cannot tell apart exchange mass freely, which counts as composition.",
            "--pairs-out writes the table behind the means, one row per pair of samples and group.",
            "--write-h5ad writes a copy of the input .h5ad with obs[\"ggml_shift\"]: each cell's",
            "transport cost towards samples of other classes relative to its own class,",
            "c_other / (c_other + c_own): 0.5 = no class difference, towards 1 = the cell carries it",
            "(NaN for cells the model's preprocessing left out or whose class has one sample).",
            "The model's recorded preprocessing is replayed on the input; samples need --label-key.",
            "",
            "Examples:",
            "  groundmetric explain --model model.json --input kidney.h5ad --sample-key donor_id \\",
            "      --label-key disease --group-key cell_type --out explain.tsv --pairs-out pairs.tsv",
            "  groundmetric explain --model model.json --input kang.h5ad --sample-key sample_id \\",
            "      --label-key group_id --group-key leiden --out explain.tsv --write-h5ad kang.shift.h5ad",
            "  # then in Python: sc.pl.umap(anndata.read_h5ad('kang.shift.h5ad'), color='ggml_shift')",
            ""
        })
public final class ExplainCommand implements Callable<Integer> {

    /** The obs column the shift scores are written to. */
    static final String SHIFT_KEY = "ggml_shift";

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption model;

    @Mixin
    InputOptions input;

    @Option(names = "--group-key", required = true, paramLabel = "COLUMN",
            description = "obs column naming each cell's group: a cell type, cluster or state (categorical or text;"
                    + " whole numbers such as cluster ids work too). Cells without a value form the group NA.")
    String groupKey;

    @Option(names = "--out", required = true, paramLabel = "explain.tsv",
            description = "Where to write the per-group table (tab-separated).")
    Path out;

    @Option(names = "--pairs-out", paramLabel = "pairs.tsv",
            description = "Also write sample_a, sample_b, class_a, class_b, same_class, distance, group, share,"
                    + " state_share, composition_share: one row per pair of samples and group.")
    Path pairsOut;

    @Option(names = "--write-h5ad", paramLabel = "out.h5ad",
            description = "Also write a copy of the input with obs[\"" + SHIFT_KEY + "\"], each cell's shift score.")
    Path writeH5ad;

    @Mixin
    EngineOptions engine;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (input.labelKey() == null) {
            throw new IllegalArgumentException("explain compares samples of different classes: give --label-key"
                    + " COLUMN, the obs column with each sample's class");
        }
        if (groupKey.equals(input.sampleKey())) {
            throw new IllegalArgumentException("--group-key names the sample key " + groupKey + "; groups are"
                    + " populations of cells inside samples, such as cell types or clusters");
        }
        if (writeH5ad != null && input.dropsNonFiniteCells()) {
            throw new IllegalArgumentException("--write-h5ad writes a copy of every cell of the input, so it cannot"
                    + " leave cells out (--drop-nonfinite-cells); fix the non-finite values in the file first");
        }
        engine.check();
        Outputs.check(Outputs.inputs(input.input(), model.path()),
                Outputs.named("--out", out, "--pairs-out", pairsOut, "--write-h5ad", writeH5ad));
        TrainedMetric trained = TrainedMetric.read(model.path());
        AnnData data = input.read(w -> warn(err, w));
        // explain takes W_θ apart cell by cell: a model trained on summaries is applied to every cell
        ModelInput in = ModelInput.apply(trained.withoutSummary(), input, withGroups(data, groupKey), true, 1, err);
        stdout.printf(Locale.ROOT, "samples=%d classes=%d cells=%d features=%d  metric=%s%n", in.cohort().size(),
                in.cohort().classNames().size(), in.cohort().cellCount(), in.cohort().featureCount(),
                trained.metric().name());
        stdout.flush();
        long start = System.nanoTime();
        DistanceExplanation e;
        try (ComputeEngine compute = engine.open(run.threads())) {
            e = DistanceExplanation.of(in.cohort(), trained.metric(), groupKey, Solver.AUTO, compute,
                    run.progress("pairs"));
        }
        List<String> done = new ArrayList<>();
        // every output is staged and renamed together at the end: all of them or none
        try (OutputFiles files = new OutputFiles()) {
            e.writeShares(files, out);
            done.add("wrote " + out);
            if (pairsOut != null) {
                e.writePairs(files, pairsOut);
                done.add("wrote " + pairsOut + " (" + e.pairs().size() + " pairs × " + e.groupNames().size()
                        + " groups)");
            }
            if (writeH5ad != null) {
                H5adExport.Written w = H5adExport.writeObsColumn(files, input, writeH5ad, SHIFT_KEY,
                        e.cellShift().byCellId(), m -> warn(err, m));
                done.add("wrote " + writeH5ad + " (obs " + SHIFT_KEY + " for " + w.cellsWithValue() + " of "
                        + w.data().cells() + " cells)");
            }
            files.commit();
        }
        stdout.printf(Locale.ROOT, "%d pairs in %.1f s; share of the between-class distance per %s:%n",
                e.pairs().size(), (System.nanoTime() - start) / 1e9, groupKey);
        stdout.println("group\tshare\tstate\tcomposition\twithin_class\tcells");
        for (DistanceExplanation.GroupShare r : e.shares()) {
            stdout.printf(Locale.ROOT, "%s\t%.3f\t%.3f\t%.3f\t%.3f\t%d%n", r.group(), r.share(), r.stateShare(),
                    r.compositionShare(), r.withinClassShare(), r.cells());
        }
        done.forEach(stdout::println);
        stdout.flush();
        return 0;
    }

    /**
     * The cells with the group column as a categorical one, so that it travels with every cell into
     * its sample: text and whole numbers (cluster ids) are groups; other numbers are refused.
     */
    static AnnData withGroups(AnnData data, String key) {
        Column c = data.obs().column(key, "CellGroups.key", "group key");
        if (c instanceof Column.Categorical) {
            return data;
        }
        if (c instanceof Column.Numeric n && !n.integer()) {
            for (double v : n.values()) {
                if (!Double.isNaN(v) && v != Math.rint(v)) {
                    throw new IllegalParameterException("CellGroups.key", "obs column '" + key + "' holds numbers such"
                            + " as " + v + "; a group key names groups of cells, e.g. a cell type or cluster column");
                }
            }
        }
        List<String> values = new ArrayList<>(c.size());
        for (int i = 0; i < c.size(); i++) {
            values.add(c.text(i));
        }
        return new AnnData(data.x(), data.obs().with(key, Column.Categorical.of(values)), data.var(), data.obsm(),
                data.varm(), data.layers(), data.uns());
    }

    private static void warn(PrintWriter err, String message) {
        err.println("warning: " + message);
        err.flush();
    }
}
