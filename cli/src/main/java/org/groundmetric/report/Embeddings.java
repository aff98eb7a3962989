package org.groundmetric.report;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.groundmetric.Progress;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Sample;
import org.groundmetric.data.io.DelimitedText;
import org.groundmetric.data.io.OutputFiles;
import org.groundmetric.embed.ClassicalMds;
import org.groundmetric.embed.Trustworthiness;
import org.groundmetric.embed.Umap;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.metric.MedianMatchedBlend;
import org.groundmetric.metric.ProjectedMetric;
import org.groundmetric.ot.Solver;
import org.groundmetric.wasserstein.WassersteinMatrix;

/**
 * Pictures of a cohort under a learned metric: every cell's k-dimensional image X·Wᵀ and a 2-D
 * UMAP of it; the samples' Wasserstein distances W_θ (under the learned metric or a blend with
 * another) with their classical MDS and, from 4 samples on, a 2-D UMAP.
 *
 * @param cohort         the samples, in order
 * @param cells          the cells drawn: the cohort's, or a selection of them ({@code --cell-filter})
 * @param rank           k
 * @param projection     the drawn cells' images, cells of cells' sample 0 first, n×k row-major
 * @param cellUmap       n×2, or null when not computed
 * @param distances      the W_θ matrix between samples
 * @param sampleMds      samples × 2
 * @param sampleUmap     samples × 2, or null below 4 samples (UMAP needs neighbours)
 */
public record Embeddings(Cohort cohort, Cohort cells, int rank, double[] projection, double[][] cellUmap,
                         WassersteinMatrix distances, double[][] sampleMds, double[][] sampleUmap) {

    /** The fewest samples for which a sample UMAP is drawn. */
    public static final int MIN_SAMPLES_FOR_UMAP = 4;

    /**
     * @param compared    the samples as W_θ compares them (the cohort, or its summaries), in cohort order
     * @param projected   the learned metric, whose projection embeds the cells
     * @param sampleMetric the ground metric for W_θ (the learned one, or a blend with Euclidean)
     */
    public static Embeddings compute(Cohort cohort, Cohort compared, ProjectedMetric projected, GroundMetric sampleMetric,
                                     Umap.Config umap, boolean cellUmap, int threads,
                                     Progress pairs, Progress epochs) {
        return compute(cohort, cohort, compared, projected, sampleMetric, umap, cellUmap, threads, pairs, epochs);
    }

    /** As above, drawing only the cells of {@code shown} (a selection of the cohort's cells); W_θ uses every cell. */
    public static Embeddings compute(Cohort cohort, Cohort shown, Cohort compared, ProjectedMetric projected,
                                     GroundMetric sampleMetric, Umap.Config umap, boolean cellUmap, int threads,
                                     Progress pairs, Progress epochs) {
        int k = projected.rank();
        long total = shown.cellCount();
        if (total * k > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(total + " cells × k=" + k + " is too many to embed at once;"
                    + " subsample with --cells-per-sample when training");
        }
        double[] proj = new double[(int) (total * k)];
        int offset = 0;
        for (Sample s : shown.samples()) {
            double[] p = projected.project(s.cells());
            System.arraycopy(p, 0, proj, offset, p.length);
            offset += p.length;
        }
        double[][] cells = null;
        if (cellUmap) {
            // under a blend (Fig. 4) the cells' neighbours are those of the blended metric, not of the model alone
            cells = sampleMetric instanceof MedianMatchedBlend blend
                    ? BlendedCells.umap(shown, proj, k, blend, umap, epochs)
                    : new Umap(umap).embed(proj, k, epochs);
        }
        WassersteinMatrix w = WassersteinMatrix.pairwise(compared.samples(), sampleMetric, Solver.AUTO,
                threads, pairs);
        double[][] mds = ClassicalMds.embed(w.distances(), 2);
        double[][] sampleUmap = null;
        if (cohort.size() >= MIN_SAMPLES_FOR_UMAP) {
            Umap.Config small = umap.withNeighbours(Math.min(umap.neighbours(), cohort.size() - 1));
            sampleUmap = new Umap(small).embedDistances(w.distances(), Progress.NONE);
        }
        return new Embeddings(cohort, shown, k, proj, cells, w, mds, sampleUmap);
    }

    /** The neighbours the trustworthiness of the sample layouts counts: 5, fewer for few samples (0 below 3). */
    public int trustworthinessNeighbours() {
        return Trustworthiness.defaultNeighbours(cohort.size());
    }

    /** How well the sample MDS keeps each sample's nearest samples under W_θ (1 = all kept); NaN below 3 samples. */
    public double mdsTrustworthiness() {
        return trustworthiness(sampleMds);
    }

    /** The same for the sample UMAP; NaN without one. */
    public double umapTrustworthiness() {
        return sampleUmap == null ? Double.NaN : trustworthiness(sampleUmap);
    }

    private double trustworthiness(double[][] layout) {
        int k = trustworthinessNeighbours();
        return k < 1 ? Double.NaN : Trustworthiness.score(distances.distances(), layout, k);
    }

    /** Annotation columns present in every sample, sorted by name, except cell/sample/class. */
    public List<String> annotationColumns() {
        TreeSet<String> names = new TreeSet<>(cells.sample(0).cellAnnotations().keySet());
        for (Sample s : cells.samples()) {
            names.retainAll(s.cellAnnotations().keySet());
        }
        // The fixed columns already say these (an obs column named "class" is usually the label key).
        names.removeAll(List.of("cell", "sample", "class"));
        return new ArrayList<>(names);
    }

    /** One column of per-cell values over all samples, in cell order ("sample", "class" or an annotation). */
    public List<String> cellColumn(String name) {
        List<String> out = new ArrayList<>();
        for (Sample s : cells.samples()) {
            for (int i = 0; i < s.cellCount(); i++) {
                out.add(switch (name) {
                    case "sample" -> s.id();
                    case "class" -> s.classLabel();
                    default -> s.cellAnnotations().get(name).get(i);
                });
            }
        }
        return out;
    }

    /** {@code cell, sample, class, proj1..projK, umap1, umap2, <annotations>} (tab-separated). */
    public void writeCells(OutputFiles files, Path file) {
        List<String> annotations = annotationColumns();
        files.write(file, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            w.write("cell\tsample\tclass");
            for (int r = 0; r < rank; r++) {
                w.write("\tproj" + (r + 1));
            }
            if (cellUmap != null) {
                w.write("\tumap1\tumap2");
            }
            for (String a : annotations) {
                w.write("\t" + text(a));
            }
            w.write('\n');
            int row = 0;
            for (Sample s : cells.samples()) {
                for (int i = 0; i < s.cellCount(); i++, row++) {
                    w.write(text(s.cellIds().get(i)) + "\t" + text(s.id()) + "\t" + text(s.classLabel()));
                    for (int r = 0; r < rank; r++) {
                        w.write("\t" + fmt(projection[row * rank + r]));
                    }
                    if (cellUmap != null) {
                        w.write("\t" + fmt(cellUmap[row][0]) + "\t" + fmt(cellUmap[row][1]));
                    }
                    for (String a : annotations) {
                        w.write("\t" + text(s.cellAnnotations().get(a).get(i)));
                    }
                    w.write('\n');
                }
            }
            w.flush();
        });
    }

    /** {@code sample, class, cells, mds1, mds2[, umap1, umap2]} (tab-separated). */
    public void writeSamples(OutputFiles files, Path file) {
        writeSamples(files, file, null);
    }

    /**
     * As {@link #writeSamples(OutputFiles, Path)}, with a last column {@code training} (1 for the
     * samples the model was trained on, else 0; the paper's Fig. 3 marks them) unless {@code training} is null.
     */
    public void writeSamples(OutputFiles files, Path file, java.util.Set<String> training) {
        files.write(file, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write("sample\tclass\tcells\tmds1\tmds2" + (sampleUmap != null ? "\tumap1\tumap2" : "")
                    + (training != null ? "\ttraining" : "") + "\n");
            for (int i = 0; i < cohort.size(); i++) {
                Sample s = cohort.sample(i);
                w.write(text(s.id()) + "\t" + text(s.classLabel()) + "\t" + s.cellCount() + "\t" + fmt(sampleMds[i][0])
                        + "\t" + fmt(sampleMds[i][1]));
                if (sampleUmap != null) {
                    w.write("\t" + fmt(sampleUmap[i][0]) + "\t" + fmt(sampleUmap[i][1]));
                }
                if (training != null) {
                    w.write(training.contains(s.id()) ? "\t1" : "\t0");
                }
                w.write('\n');
            }
            w.flush();
        });
    }

    /** The W_θ matrix: a header of sample ids, then one row per sample starting with its id. */
    public void writeDistances(OutputFiles files, Path file) {
        files.write(file, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            List<String> ids = cohort.sampleIds();
            w.write("sample");
            for (String id : ids) {
                w.write("\t" + text(id));
            }
            w.write("\n");
            double[][] d = distances.distances();
            for (int i = 0; i < ids.size(); i++) {
                w.write(text(ids.get(i)));
                for (double x : d[i]) {
                    w.write("\t" + fmt(x));
                }
                w.write('\n');
            }
            w.flush();
        });
    }

    /** Per-sample class labels, in cohort order. */
    public List<String> sampleClasses() {
        List<String> out = new ArrayList<>();
        for (Sample s : cohort.samples()) {
            out.add(s.classLabel());
        }
        return out;
    }

    /** A text field: empty for none, quoted when it holds a tab, a quote or a line break. */
    static String text(String s) {
        return DelimitedText.field(s, '\t');
    }

    static String fmt(double x) {
        return String.format(Locale.ROOT, "%.6g", x);
    }

    /** A key to colour cells by must be a categorical obs column present in every sample. */
    public void requireAnnotation(String key, String option) {
        if (!annotationColumns().contains(key)) {
            throw new IllegalArgumentException(option + " '" + key + "' is not a categorical obs column of every"
                    + " sample; available: " + (annotationColumns().isEmpty() ? "(none)" : annotationColumns()));
        }
    }
}
