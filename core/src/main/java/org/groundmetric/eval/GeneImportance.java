package org.groundmetric.eval;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.groundmetric.data.io.DelimitedText;
import org.groundmetric.data.io.OutputFiles;
import org.groundmetric.learn.TrainedMetric;

/**
 * Which features (genes) a learned metric d(x, y) = ‖W(x − y)‖ relies on. The importance of
 * feature f is the diagonal entry M_ff of M = WᵀW (how much a unit step along f moves a cell under
 * the metric, squared), normalised so the importances sum to 1. Each row (axis) r of W is also a
 * signed gene programme: its top features by |W_rf| are the lists to give to enrichment tools. A
 * diagonal metric ‖diag(w)(x − y)‖ has importance w_f² and no axes ({@link #withoutAxes()}).
 *
 * @param features   feature names, one per column of W
 * @param w          W, k×D row-major (empty without axes)
 * @param rank       k, the axes (0 without axes)
 * @param importance normalised diag(WᵀW), one per feature
 */
public record GeneImportance(List<String> features, double[] w, int rank, double[] importance) {

    /** One feature's place in the ranking. */
    public record Ranked(int feature, String name, double importance, int rank) {
    }

    /** One feature on one axis, with the sign of its weight. */
    public record AxisFeature(String name, double weight) {
    }

    public GeneImportance {
        features = List.copyOf(features);
    }

    /** Computes the importances of the k×D matrix W (row-major) with the given feature names. */
    public static GeneImportance of(double[] w, int k, List<String> features) {
        int d = features.size();
        if (k < 1 || w.length != (long) k * d) {
            throw new IllegalArgumentException("W must be k×D with D = " + d + " feature names; got "
                    + w.length + " values for k=" + k);
        }
        return fromChecked(w.clone(), k, features);
    }

    /** The importances of a trained model's features (raw diag(WᵀW); w² for a diagonal model, without axes). */
    public static GeneImportance of(TrainedMetric model) {
        return of(model, model.featureNames(), null);
    }

    /**
     * The importances of a trained model: of its weight rows (W, or a diagonal model's one row w),
     * scaled per feature by {@code sd} when given ({@link #perStandardDeviation}); the rows are axes
     * when the model's kind says so.
     *
     * @param names the features' names to report (the model's, or e.g. gene symbols for its ids)
     * @param sd    per-feature standard deviations, or null for the raw importance
     */
    public static GeneImportance of(TrainedMetric model, List<String> names, double[] sd) {
        double[][] rows = model.weights();
        int d = names.size();
        double[] w = new double[rows.length * d];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, w, r * d, d);
        }
        GeneImportance genes = sd == null ? of(w, rows.length, names) : perStandardDeviation(w, rows.length, names, sd);
        return model.modelKind().axes(model.rank()) > 0 ? genes : genes.withoutAxes();
    }

    /**
     * Importances per standard deviation: W·diag(sd), so that feature f counts by how far a typical
     * (one-SD) change of it moves a cell. diag(WᵀW) alone favours rarely varying genes, whose
     * weights must be large to matter at all; scaling by sd ranks genes by their effect in the data.
     */
    public static GeneImportance perStandardDeviation(double[] w, int k, List<String> features, double[] sd) {
        int d = features.size();
        if (k < 1 || w.length != (long) k * d || sd.length != d) {
            throw new IllegalArgumentException("W must be k×D and sd have D = " + d + " values; got " + w.length
                    + " values for k=" + k + " and " + sd.length + " standard deviations");
        }
        double[] scaled = new double[w.length];
        for (int r = 0; r < k; r++) {
            for (int f = 0; f < d; f++) {
                if (!(sd[f] >= 0) || Double.isInfinite(sd[f])) {
                    throw new IllegalArgumentException("standard deviation of feature '" + features.get(f) + "' is "
                            + sd[f] + "; expected a finite value ≥ 0");
                }
                scaled[r * d + f] = w[r * d + f] * sd[f];
            }
        }
        return fromChecked(scaled, k, features);
    }

    private static GeneImportance fromChecked(double[] w, int k, List<String> features) {
        int d = features.size();
        double[] imp = new double[d];
        double total = 0;
        for (int r = 0; r < k; r++) {
            for (int f = 0; f < d; f++) {
                double x = w[r * d + f];
                imp[f] += x * x;
            }
        }
        for (double x : imp) {
            total += x;
        }
        if (!(total > 0) || Double.isInfinite(total)) {
            throw new IllegalArgumentException("W has no finite non-zero entry (sum of squares = " + total
                    + "); gene importance is undefined for it");
        }
        for (int f = 0; f < d; f++) {
            imp[f] /= total;
        }
        return new GeneImportance(features, w, k, imp);
    }

    /**
     * The same importances without axes: for a metric whose weight rows are not gene programmes,
     * such as a diagonal metric ‖diag(w)(x − y)‖ (its one row w gives importance w_f², normalised).
     */
    public GeneImportance withoutAxes() {
        return new GeneImportance(features, new double[0], 0, importance);
    }

    /** All features, most important first (ties by name, so the order is reproducible); rank starts at 1. */
    public List<Ranked> ranked() {
        Integer[] idx = new Integer[features.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> -importance[i])
                .thenComparing(i -> features.get(i)));
        List<Ranked> out = new ArrayList<>(idx.length);
        for (int r = 0; r < idx.length; r++) {
            out.add(new Ranked(idx[r], features.get(idx[r]), importance[idx[r]], r + 1));
        }
        return out;
    }

    /** The weight of feature f on axis r (row r of W). */
    public double weight(int axis, int feature) {
        return w[axis * features.size() + feature];
    }

    /** The top n features of axis r by |weight|, with their signed weights. */
    public List<AxisFeature> topOfAxis(int axis, int n) {
        if (axis < 0 || axis >= rank) {
            throw new IllegalArgumentException("axis " + axis + " does not exist; " + (rank == 0
                    ? "this metric has no axes (each feature is weighted on its own)" : "W has axes 0.." + (rank - 1)));
        }
        int d = features.size();
        Integer[] idx = new Integer[d];
        for (int i = 0; i < d; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.<Integer>comparingDouble(f -> -Math.abs(weight(axis, f)))
                .thenComparing(f -> features.get(f)));
        List<AxisFeature> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n, d); i++) {
            out.add(new AxisFeature(features.get(idx[i]), weight(axis, idx[i])));
        }
        return out;
    }

    /**
     * Writes {@code feature, importance, rank, axis1, …, axisK} (tab-separated, most important
     * first; a name holding a tab, quote or line break is quoted); {@code top} &gt; 0 keeps only that
     * many rows.
     */
    public void writeTsv(Path target, int top) {
        try (OutputFiles files = new OutputFiles()) {
            writeTsv(files, target, top);
            files.commit();
        }
    }

    /** As {@link #writeTsv(Path, int)}, as one file of a set written all or nothing. */
    public void writeTsv(OutputFiles files, Path target, int top) {
        List<Ranked> rows = ranked();
        int keep = top > 0 ? Math.min(top, rows.size()) : rows.size();
        files.write(target, out -> {
            BufferedWriter wr = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            wr.write("feature\timportance\trank");
            for (int r = 0; r < rank; r++) {
                wr.write("\taxis" + (r + 1));
            }
            wr.write('\n');
            for (Ranked row : rows.subList(0, keep)) {
                wr.write(DelimitedText.field(row.name(), '\t') + "\t" + fmt(row.importance()) + "\t" + row.rank());
                for (int r = 0; r < rank; r++) {
                    wr.write("\t" + fmt(weight(r, row.feature())));
                }
                wr.write('\n');
            }
            wr.flush();
        });
    }

    /**
     * Writes, per axis r (1-based in file names), {@code axisR.txt} with the top n feature names
     * by |weight|, one per line (ready for g:Profiler), and {@code axisR_positive.txt} /
     * {@code axisR_negative.txt} with those of each sign, because an axis's sign is arbitrary but
     * its two ends are different gene programmes; all of them or none. Returns the files written.
     */
    public List<Path> writeAxisLists(Path dir, int n) {
        try (OutputFiles files = new OutputFiles()) {
            List<Path> written = writeAxisLists(files, dir, n);
            files.commit();
            return written;
        }
    }

    /** As {@link #writeAxisLists(Path, int)}, as files of a set written all or nothing. */
    public List<Path> writeAxisLists(OutputFiles files, Path dir, int n) {
        files.directory(dir);
        List<Path> written = new ArrayList<>();
        for (int r = 0; r < rank; r++) {
            List<AxisFeature> top = topOfAxis(r, n);
            List<String> all = new ArrayList<>();
            List<String> pos = new ArrayList<>();
            List<String> neg = new ArrayList<>();
            for (AxisFeature f : top) {
                all.add(f.name());
                (f.weight() >= 0 ? pos : neg).add(f.name());
            }
            String base = "axis" + (r + 1);
            written.add(writeLines(files, dir.resolve(base + ".txt"), all));
            written.add(writeLines(files, dir.resolve(base + "_positive.txt"), pos));
            written.add(writeLines(files, dir.resolve(base + "_negative.txt"), neg));
        }
        return written;
    }

    /** One name per line; a name holding a line break (or a tab, a quote) is quoted so lines stay names. */
    private static Path writeLines(OutputFiles files, Path file, List<String> lines) {
        files.write(file, out -> {
            StringBuilder sb = new StringBuilder();
            for (String s : lines) {
                sb.append(DelimitedText.field(s, '\t')).append('\n');
            }
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        });
        return file;
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.6g", x);
    }
}
