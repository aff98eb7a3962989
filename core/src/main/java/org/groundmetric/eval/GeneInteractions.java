package org.groundmetric.eval;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.groundmetric.data.io.DelimitedText;
import org.groundmetric.data.io.OutputFiles;

/**
 * The whole matrix M = WᵀW of a learned metric d(x, y)² = (x − y)ᵀM(x − y), gene × gene: its diagonal
 * is the gene importance ({@link GeneImportance}), its off-diagonal entries say which pairs of genes
 * the metric moves together (M_ab > 0: a change of a and b in the same direction adds up) or against
 * each other (M_ab < 0). The paper (Fig. 3f) reads the largest off-diagonal entries as gene
 * interactions; {@link #topPairs(int)} lists them by |M_ab|, with the normalised entry
 * M_ab / √(M_aa·M_bb) (a cosine between the genes' columns of W, in [−1, 1]).
 *
 * @param features gene names, one per row and column of M
 * @param m        M, D×D row-major
 */
public record GeneInteractions(List<String> features, double[] m) {

    /** One off-diagonal entry of M. */
    public record Pair(int rank, String a, String b, double value, double cosine) {
    }

    public GeneInteractions {
        features = List.copyOf(features);
        if (m.length != (long) features.size() * features.size()) {
            throw new IllegalArgumentException("M must be D×D with D = " + features.size() + "; got " + m.length
                    + " values");
        }
    }

    /** M = WᵀW of the k×D matrix W (row-major) whose columns are the named features. */
    public static GeneInteractions of(double[] w, int k, List<String> features) {
        int d = features.size();
        if (k < 1 || w.length != (long) k * d) {
            throw new IllegalArgumentException("W must be k×D with D = " + d + " feature names; got "
                    + w.length + " values for k=" + k);
        }
        double[] m = new double[d * d];
        for (int r = 0; r < k; r++) {
            for (int a = 0; a < d; a++) {
                double wa = w[r * d + a];
                if (wa == 0) {
                    continue;
                }
                for (int b = a; b < d; b++) {
                    m[a * d + b] += wa * w[r * d + b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                m[a * d + b] = m[b * d + a];
            }
        }
        return new GeneInteractions(features, m);
    }

    /** M_ab. */
    public double value(int a, int b) {
        return m[a * features.size() + b];
    }

    /** The n off-diagonal entries (a before b) of largest |M_ab|, ties in (a, b) order; rank starts at 1. */
    public List<Pair> topPairs(int n) {
        int d = features.size();
        long all = (long) d * (d - 1) / 2;
        int keep = (int) Math.min(n, all);
        // a bounded selection: the kept pairs, smallest |M| first, so the weakest is replaced
        java.util.PriorityQueue<int[]> heap = new java.util.PriorityQueue<>((x, y) -> {
            int c = Double.compare(Math.abs(value(x[0], x[1])), Math.abs(value(y[0], y[1])));
            return c != 0 ? c : compareIndex(y, x);
        });
        for (int a = 0; a < d && keep > 0; a++) {
            for (int b = a + 1; b < d; b++) {
                heap.add(new int[] {a, b});
                if (heap.size() > keep) {
                    heap.poll();
                }
            }
        }
        List<int[]> chosen = new ArrayList<>(heap);
        chosen.sort((x, y) -> {
            int c = Double.compare(Math.abs(value(y[0], y[1])), Math.abs(value(x[0], x[1])));
            return c != 0 ? c : compareIndex(x, y);
        });
        List<Pair> out = new ArrayList<>(chosen.size());
        for (int[] p : chosen) {
            double v = value(p[0], p[1]);
            double norm = Math.sqrt(value(p[0], p[0]) * value(p[1], p[1]));
            out.add(new Pair(out.size() + 1, features.get(p[0]), features.get(p[1]), v, norm > 0 ? v / norm : 0));
        }
        return out;
    }

    private static int compareIndex(int[] x, int[] y) {
        return x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]);
    }

    /** M as tab-separated text: a header "feature" + the names, then one row per gene. */
    public void writeMatrix(OutputFiles files, Path target) {
        int d = features.size();
        files.write(target, out -> {
            BufferedWriter wr = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            wr.write("feature");
            for (String f : features) {
                wr.write('\t' + DelimitedText.field(f, '\t'));
            }
            wr.write('\n');
            for (int a = 0; a < d; a++) {
                wr.write(DelimitedText.field(features.get(a), '\t'));
                for (int b = 0; b < d; b++) {
                    wr.write('\t' + fmt(m[a * d + b]));
                }
                wr.write('\n');
            }
            wr.flush();
        });
    }

    /** The top n pairs as tab-separated text: rank, feature_a, feature_b, m_ab, cosine. */
    public void writePairs(OutputFiles files, Path target, int n) {
        List<Pair> pairs = topPairs(n);
        files.write(target, out -> {
            StringBuilder sb = new StringBuilder("rank\tfeature_a\tfeature_b\tm_ab\tcosine\n");
            for (Pair p : pairs) {
                sb.append(p.rank()).append('\t').append(DelimitedText.field(p.a(), '\t')).append('\t')
                        .append(DelimitedText.field(p.b(), '\t')).append('\t').append(fmt(p.value())).append('\t')
                        .append(fmt(p.cosine())).append('\n');
            }
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        });
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.9g", x);
    }
}
