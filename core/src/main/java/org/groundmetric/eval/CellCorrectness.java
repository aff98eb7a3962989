package org.groundmetric.eval;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.groundmetric.data.CellSelection;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Sample;
import org.groundmetric.data.io.DelimitedText;
import org.groundmetric.data.io.OutputFiles;

/**
 * How often each cell was classified right by the cell-level kNN ({@link CellKnn}) across the fits
 * of a benchmark that held its sample out: the paper's Fig. 3 shows only the cells "correctly
 * classified in at least 90 % of the splits". Counted per method from the fits'
 * {@link BenchmarkResult.Fit#cellCorrect() per-cell record}.
 *
 * @param method    the method whose fits were counted
 * @param evaluated per sample (cohort order), per cell: fits that held the sample out
 * @param correct   per sample, per cell: of those, fits whose cell-level vote was the sample's class
 */
public record CellCorrectness(String method, int[][] evaluated, int[][] correct) {

    /** Counts the ok fits of {@code method} in {@code result} over {@code cohort}, the cohort it ran on. */
    public static CellCorrectness of(BenchmarkResult result, Cohort cohort, String method) {
        int n = cohort.size();
        int[][] evaluated = new int[n][];
        int[][] correct = new int[n][];
        for (int s = 0; s < n; s++) {
            evaluated[s] = new int[cohort.sample(s).cellCount()];
            correct[s] = new int[evaluated[s].length];
        }
        boolean any = false;
        for (BenchmarkResult.Fit f : result.fits()) {
            if (!f.method().equals(method) || !f.ok()) {
                continue;
            }
            long cells = 0;
            for (int s : f.heldOut()) {
                cells += evaluated[s].length;
            }
            if (f.cellCorrect().length != cells) {
                throw new IllegalArgumentException("fit " + (f.index() + 1) + " of " + method + " records "
                        + f.cellCorrect().length + " cells, its held-out samples have " + cells);
            }
            any = true;
            int q = 0;
            for (int s : f.heldOut()) {
                for (int c = 0; c < evaluated[s].length; c++, q++) {
                    evaluated[s][c]++;
                    correct[s][c] += f.cellCorrect()[q] ? 1 : 0;
                }
            }
        }
        if (!any) {
            throw new IllegalArgumentException(method + " has no finished fit to count cells over");
        }
        return new CellCorrectness(method, evaluated, correct);
    }

    /** The share of the fits holding the cell out in which it was right; NaN when never held out. */
    public double fraction(int sample, int cell) {
        int e = evaluated[sample][cell];
        return e == 0 ? Double.NaN : (double) correct[sample][cell] / e;
    }

    /** Cells held out at least once whose fraction is at least {@code minFraction}. */
    public long atLeast(double minFraction) {
        long n = 0;
        for (int s = 0; s < evaluated.length; s++) {
            for (int c = 0; c < evaluated[s].length; c++) {
                n += evaluated[s][c] > 0 && fraction(s, c) >= minFraction ? 1 : 0;
            }
        }
        return n;
    }

    /**
     * Writes the table {@link CellSelection} reads: {@code sample, cell, class, splits_evaluated,
     * splits_correct, fraction_correct} for {@code lead}, then a column
     * {@code fraction_correct_METHOD} per further method; one row per cell held out in some fit.
     */
    public static void writeTsv(OutputFiles files, Path file, Cohort cohort, CellCorrectness lead,
                                List<CellCorrectness> others) {
        files.write(file, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            StringBuilder head = new StringBuilder(CellSelection.SAMPLE + "\t" + CellSelection.CELL
                    + "\tclass\tsplits_evaluated\tsplits_correct\t" + CellSelection.FRACTION);
            for (CellCorrectness o : others) {
                head.append('\t').append(CellSelection.FRACTION).append('_').append(o.method());
            }
            w.write(head.append('\n').toString());
            for (int s = 0; s < cohort.size(); s++) {
                Sample sample = cohort.sample(s);
                for (int c = 0; c < sample.cellCount(); c++) {
                    if (lead.evaluated[s][c] == 0) {
                        continue;
                    }
                    List<String> f = new ArrayList<>(List.of(field(sample.id()), field(sample.cellIds().get(c)),
                            field(sample.classLabel()), Integer.toString(lead.evaluated[s][c]),
                            Integer.toString(lead.correct[s][c]), fmt(lead.fraction(s, c))));
                    for (CellCorrectness o : others) {
                        f.add(fmt(o.fraction(s, c)));
                    }
                    w.write(String.join("\t", f));
                    w.write('\n');
                }
            }
            w.flush();
        });
    }

    private static String field(String s) {
        return DelimitedText.field(s, '\t');
    }

    private static String fmt(double x) {
        return Double.isNaN(x) ? "" : Double.toString(x);
    }
}
