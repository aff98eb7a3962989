package org.groundmetric.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.groundmetric.ComputeEngine;
import org.groundmetric.LocalEngine;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.DenseMatrix;

/**
 * Summarised samples: each sample becomes a few weighted centroids, computed once in feature
 * space, each weighted by the share of the sample's cells it stands for. Because the projection
 * commutes with the mean, the ground cost between two centroids is ‖W(cᵢ − cⱼ)‖ and optimal
 * transport between summaries is exact transport between the weighted centroids (ggml-ot's
 * {@code group_by}, and its k-means summaries).
 * <ul>
 *   <li>{@link Method#KMEANS}: {@link KMeans} with {@code clusters} clusters per sample, seeded by
 *       {@code seed} and the sample's id (not its position, so new samples are summarised the
 *       same way wherever they appear);</li>
 *   <li>{@link Method#GROUP}: one centroid per value of a cell annotation ({@code column}, e.g. a
 *       cell type or a Leiden cluster), groups in alphabetical order.</li>
 * </ul>
 * Plain data (stored in a model's config), so predict, distances, embed and benchmark replay it.
 *
 * @param method   kmeans or group
 * @param clusters k-means: centroids per sample; null for group
 * @param column   group: the cell annotation (obs column) to group by; null for kmeans
 * @param seed     k-means: the seed of every sample's k-means++ draw
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SampleSummary(Method method, Integer clusters, String column, long seed) {

    /** How a sample's cells are grouped into centroids. */
    public enum Method {
        /** Seeded k-means (k-means++) of every sample's cells. */
        KMEANS,
        /** One centroid per value of a cell annotation. */
        GROUP;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The group name of cells without a value in the grouping column. */
    public static final String MISSING_GROUP = "(missing)";

    public SampleSummary {
        if (method == null) {
            throw new IllegalArgumentException("a sample summary needs a method: kmeans or group");
        }
        if (method == Method.KMEANS && (clusters == null || clusters < 1)) {
            throw new IllegalArgumentException("a k-means summary (kmeans:K) needs K ≥ 1 centroids per sample, got " + clusters);
        }
        if (method == Method.GROUP && (column == null || column.isBlank())) {
            throw new IllegalArgumentException("a group summary (group:COLUMN) needs the cell annotation (obs column) to group by");
        }
    }

    /** k-means with {@code clusters} centroids per sample. */
    public static SampleSummary kmeans(int clusters, long seed) {
        return new SampleSummary(Method.KMEANS, clusters, null, seed);
    }

    /** One centroid per value of the cell annotation {@code column}. */
    public static SampleSummary group(String column) {
        return new SampleSummary(Method.GROUP, null, column, 0);
    }

    /**
     * Reads "kmeans:K" or "group:COLUMN".
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static SampleSummary parse(String spec, long seed) {
        String s = spec == null ? "" : spec.trim();
        int colon = s.indexOf(':');
        String kind = colon < 0 ? s : s.substring(0, colon).toLowerCase(Locale.ROOT);
        String arg = colon < 0 ? "" : s.substring(colon + 1).trim();
        if (kind.equals("kmeans") && !arg.isEmpty()) {
            try {
                return kmeans(Integer.parseInt(arg), seed);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("summary '" + spec + "': the centroids per sample must be a whole"
                        + " number, e.g. kmeans:20");
            }
        }
        if (kind.equals("group") && !arg.isEmpty()) {
            return group(arg);
        }
        throw new IllegalArgumentException("summary '" + spec + "' is unknown; expected kmeans:K (K centroids per"
                + " sample, e.g. kmeans:20) or group:COLUMN (one centroid per value of a cell annotation, e.g."
                + " group:cell_type)");
    }

    /** The form {@link #parse} reads: "kmeans:20" or "group:cell_type". */
    @Override
    public String toString() {
        return method == Method.KMEANS ? "kmeans:" + clusters : "group:" + column;
    }

    /** Every sample of the cohort summarised, on {@code threads} threads (the result does not depend on them). */
    public Cohort apply(Cohort cohort, int threads) {
        Sample[] out = new Sample[cohort.size()];
        try (LocalEngine local = ComputeEngine.local(threads)) {
            local.forEach(out.length, s -> out[s] = summarise(cohort.sample(s)));
        }
        return new Cohort(List.of(out), cohort.featureNames());
    }

    /** One sample as its weighted centroids. */
    public Sample summarise(Sample sample) {
        if (sample.weighted()) {
            throw new IllegalArgumentException("sample '" + sample.id() + "' is already summarised (its cells carry"
                    + " weights); summarise the cells themselves");
        }
        int n = sample.cellCount();
        int[] labels;
        List<String> names = new ArrayList<>();
        if (method == Method.KMEANS) {
            KMeans.Clustering c = KMeans.cluster(sample.cells(), clusters, sampleSeed(sample.id()));
            labels = c.labels();
            for (int g = 0; g < c.clusters(); g++) {
                names.add("centroid_" + g);
            }
        } else {
            List<String> values = sample.cellAnnotations().get(column);
            if (values == null) {
                throw new IllegalArgumentException("sample '" + sample.id() + "' has no cell annotation '" + column
                        + "' to group its cells by; its annotations are " + new TreeMap<>(sample.cellAnnotations()).keySet());
            }
            Map<String, Integer> index = new TreeMap<>();
            for (String v : values) {
                index.put(v == null ? MISSING_GROUP : v, 0);
            }
            int g = 0;
            for (Map.Entry<String, Integer> e : index.entrySet()) {
                e.setValue(g++);
                names.add(e.getKey());
            }
            labels = new int[n];
            for (int i = 0; i < n; i++) {
                String v = values.get(i);
                labels[i] = index.get(v == null ? MISSING_GROUP : v);
            }
        }
        int groups = names.size();
        int[] counts = new int[groups];
        for (int label : labels) {
            counts[label]++;
        }
        // The centroids are M·X with M (groups × cells) holding 1/|group| at each cell of the group:
        // one sparse-aware pass over the cells.
        double[] m = new double[groups * n];
        for (int i = 0; i < n; i++) {
            m[labels[i] * n + i] = 1.0 / counts[labels[i]];
        }
        CellMatrix x = sample.cells();
        double[] sums = new double[groups * x.cols()];
        x.accumulateLeftProduct(m, groups, sums);
        float[] centroids = new float[sums.length];
        for (int p = 0; p < sums.length; p++) {
            centroids[p] = (float) sums[p];
        }
        double[] weights = new double[groups];
        List<String> ids = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            weights[g] = (double) counts[g] / n;
            ids.add(sample.id() + ":" + names.get(g));
        }
        Map<String, List<String>> annotations = new LinkedHashMap<>();
        if (method == Method.GROUP) {
            annotations.put(column, names);
        }
        return new Sample(sample.id(), sample.classLabel(), new DenseMatrix(groups, x.cols(), centroids), ids,
                annotations, weights);
    }

    /** The k-means seed of one sample: the run's seed and the sample's id, not its position. */
    private long sampleSeed(String sampleId) {
        return (seed ^ 0x6A09E667F3BCC909L) * 0x9E3779B97F4A7C15L + sampleId.hashCode();
    }
}
