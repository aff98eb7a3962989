package org.groundmetric.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.groundmetric.IllegalParameterException;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.CsrMatrix;
import org.groundmetric.linalg.DenseMatrix;

/**
 * Which genes are kept, by their variance over all cells of the cohort: "above-mean-variance" keeps
 * the genes whose variance exceeds the mean gene variance (the paper's filter), "top-variance:N"
 * the N most variable genes (ties: the lower index). The kept genes are then picked by name, so a
 * fitted filter replays on data whose genes come in another order.
 *
 * @param top N of top-variance:N, or null for above-mean-variance
 */
public record GeneFilter(Integer top) {

    /** The paper's filter. */
    public static final GeneFilter ABOVE_MEAN_VARIANCE = new GeneFilter(null);

    public GeneFilter {
        if (top != null && top <= 0) {
            throw new IllegalParameterException("GeneFilter.top", "gene filter 'top-variance:" + top + "' is not known;"
                    + " expected above-mean-variance or top-variance:N with N > 0 (e.g. top-variance:2000)");
        }
    }

    /** Reads "above-mean-variance" or "top-variance:N" (N &gt; 0); anything else is refused. */
    public static GeneFilter parse(String filter) {
        if (filter.equals("above-mean-variance")) {
            return ABOVE_MEAN_VARIANCE;
        }
        if (filter.startsWith("top-variance:")) {
            try {
                int n = Integer.parseInt(filter.substring("top-variance:".length()));
                if (n > 0) {
                    return new GeneFilter(n);
                }
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
        }
        throw new IllegalParameterException("GeneFilter", "gene filter '" + filter + "' is not known; expected"
                + " above-mean-variance or top-variance:N with N > 0 (e.g. top-variance:2000)");
    }

    /** "above-mean-variance" or "top-variance:N", as {@link #parse} reads it. */
    public String spec() {
        return top == null ? "above-mean-variance" : "top-variance:" + top;
    }

    /** Indices of the kept genes of the cohort, ascending. */
    int[] choose(Cohort c) {
        double[] var = variances(c);
        int[] kept;
        if (top == null) {
            double mean = Arrays.stream(var).average().orElse(0);
            kept = IntStream.range(0, var.length).filter(j -> var[j] > mean).toArray();
        } else {
            if (top > var.length) {
                throw new IllegalParameterException("GeneFilter.top", "gene filter " + spec()
                        + " asks for more genes than the data has (" + var.length + ")");
            }
            kept = IntStream.range(0, var.length).boxed()
                    .sorted((a, b) -> var[a] != var[b] ? Double.compare(var[b], var[a]) : Integer.compare(a, b))
                    .limit(top).mapToInt(Integer::intValue).sorted().toArray();
        }
        if (kept.length == 0) {
            throw new IllegalParameterException("GeneFilter", "gene filter " + spec()
                    + " keeps no gene (all genes have the same variance)");
        }
        return kept;
    }

    /** Variance of every gene over all cells of the cohort (population variance, in double). */
    static double[] variances(Cohort c) {
        int g = c.featureCount();
        double[] sum = new double[g];
        double[] sumSq = new double[g];
        long n = 0;
        for (Sample s : c.samples()) {
            CellMatrix m = s.cells();
            if (m instanceof CsrMatrix csr) {
                int[] idx = csr.columnIndices();
                float[] v = csr.values();
                for (int i = 0; i < csr.rows(); i++) {
                    for (int p = csr.rowStart(i); p < csr.rowEnd(i); p++) {
                        sum[idx[p]] += v[p];
                        sumSq[idx[p]] += (double) v[p] * v[p];
                    }
                }
            } else {
                float[] v = ((DenseMatrix) m).data();
                for (int p = 0; p < v.length; p++) {
                    int j = p % g;
                    sum[j] += v[p];
                    sumSq[j] += (double) v[p] * v[p];
                }
            }
            n += m.rows();
        }
        double[] var = new double[g];
        for (int j = 0; j < g; j++) {
            double mean = sum[j] / n;
            var[j] = Math.max(0, sumSq[j] / n - mean * mean);
        }
        return var;
    }

    /** The named genes in order; genes the data lacks become zero columns, with a warning. */
    static Cohort select(Cohort c, List<String> genes, Consumer<String> warnings) {
        int[] cols = c.featureColumns(genes);
        List<String> missing = new ArrayList<>();
        for (int j = 0; j < cols.length; j++) {
            if (cols[j] < 0) {
                missing.add(genes.get(j));
            }
        }
        if (missing.size() == genes.size()) {
            throw new IllegalArgumentException("none of the " + genes.size() + " genes of the preprocessing (e.g. "
                    + Names.abbreviate(missing) + ") is in the data; are the gene names of the same kind (symbols or ids)?");
        }
        if (!missing.isEmpty()) {
            warnings.accept(missing.size() + " of " + genes.size() + " genes are not in the data and count as zero: "
                    + Names.abbreviate(missing));
        }
        List<Sample> out = new ArrayList<>(c.size());
        for (Sample s : c.samples()) {
            out.add(s.withCells(selectOrZero(s.cells(), cols)));
        }
        return new Cohort(out, genes);
    }

    private static CellMatrix selectOrZero(CellMatrix m, int[] cols) {
        boolean allPresent = Arrays.stream(cols).allMatch(j -> j >= 0);
        if (allPresent) {
            return m.selectColumns(cols);
        }
        int[] present = Arrays.stream(cols).filter(j -> j >= 0).toArray();
        CellMatrix sub = m.selectColumns(present);
        int[] target = new int[present.length];
        for (int j = 0, t = 0; j < cols.length; j++) {
            if (cols[j] >= 0) {
                target[t++] = j;
            }
        }
        if (sub instanceof CsrMatrix csr) {
            int[] idx = csr.columnIndices().clone();
            for (int p = 0; p < idx.length; p++) {
                idx[p] = target[idx[p]];
            }
            return new CsrMatrix(csr.rows(), cols.length, csr.rowPointers(), idx, csr.values());
        }
        float[] out = new float[m.rows() * cols.length];
        for (int i = 0; i < m.rows(); i++) {
            for (int t = 0; t < present.length; t++) {
                out[i * cols.length + target[t]] = sub.get(i, t);
            }
        }
        return new DenseMatrix(m.rows(), cols.length, out);
    }
}
