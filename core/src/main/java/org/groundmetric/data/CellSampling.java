package org.groundmetric.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.groundmetric.IllegalParameterException;

/**
 * Which cells of each sample are used: samples with fewer than {@code minCells} cells are dropped;
 * a seeded subsample of {@code cellsPerSample} cells is drawn from each larger sample; smaller
 * samples are dropped with a warning, or kept whole with {@code keepSmallSamples}. The draw
 * depends on the seed and the sample's id only, not on the order of the samples.
 *
 * @param minCells         null: keep every sample
 * @param cellsPerSample   null: every cell
 * @param keepSmallSamples keep samples below cellsPerSample whole instead of dropping them
 * @param seed             the subsample's seed
 */
public record CellSampling(Integer minCells, Integer cellsPerSample, boolean keepSmallSamples, long seed) {

    public CellSampling {
        positive(minCells, "minCells", "the minimum of cells per sample");
        positive(cellsPerSample, "cellsPerSample", "cells per sample");
    }

    /** The cohort's samples with the rule applied; warns of the samples it drops or keeps whole. */
    public Cohort apply(Cohort cohort, Consumer<String> warnings) {
        List<Sample> out = new ArrayList<>();
        List<String> tooFew = new ArrayList<>();
        List<String> small = new ArrayList<>();
        for (Sample s : cohort.samples()) {
            if (minCells != null && s.cellCount() < minCells) {
                tooFew.add(s.id() + " (" + s.cellCount() + ")");
                continue;
            }
            if (cellsPerSample == null || s.cellCount() == cellsPerSample) {
                out.add(s);
            } else if (s.cellCount() < cellsPerSample) {
                small.add(s.id() + " (" + s.cellCount() + ")");
                if (keepSmallSamples) {
                    out.add(s);
                }
            } else {
                out.add(subsample(s, cellsPerSample, seed));
            }
        }
        if (!tooFew.isEmpty()) {
            warnings.accept("dropped " + tooFew.size() + " samples with fewer than the minimum of " + minCells
                    + " cells: " + Names.abbreviate(tooFew));
        }
        if (!small.isEmpty()) {
            warnings.accept((keepSmallSamples ? "kept whole " : "dropped ") + small.size()
                    + " samples with fewer than the " + cellsPerSample + " cells per sample asked for: "
                    + Names.abbreviate(small) + (keepSmallSamples ? "" : " (keeping small samples would keep them)"));
        }
        if (out.isEmpty()) {
            boolean bySize = cellsPerSample != null && !keepSmallSamples;
            throw new IllegalParameterException(bySize ? "CellSampling.cellsPerSample" : "CellSampling.minCells",
                    "no sample is left: every sample has fewer cells than "
                    + (bySize ? cellsPerSample + " (cells per sample)" : minCells + " (the minimum of cells per sample)")
                    + "; lower it");
        }
        return new Cohort(out, cohort.featureNames());
    }

    /**
     * The rows {@code cellsPerSample} keeps of a sample, as a selection from {@code rows}; for
     * readers that can pick cells before copying them (see {@link CohortBuilder}), which saves a
     * copy of every cell of a large file. {@link #apply} then finds samples of exactly the requested
     * size and keeps them, so the cells are the same either way.
     */
    public int[] sampleRows(String sampleId, int[] rows) {
        if (cellsPerSample == null || rows.length <= cellsPerSample
                || minCells != null && rows.length < minCells) {
            return rows;
        }
        int[] positions = subsamplePositions(sampleId, rows.length, cellsPerSample, seed);
        int[] out = new int[positions.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows[positions[i]];
        }
        return out;
    }

    /** A seeded subsample; the stream depends on the seed and the sample id only, not on sample order. */
    static Sample subsample(Sample s, int count, long seed) {
        return s.selectCells(subsamplePositions(s.id(), s.cellCount(), count, seed));
    }

    /** {@code count} of the positions 0..n−1, ascending, drawn without replacement. */
    private static int[] subsamplePositions(String sampleId, int n, int count, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + sampleId.hashCode());
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < count; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] rows = Arrays.copyOf(perm, count);
        Arrays.sort(rows);
        return rows;
    }

    private static void positive(Integer value, String parameter, String what) {
        if (value != null && value <= 0) {
            throw new IllegalParameterException("CellSampling." + parameter, what + " is " + value
                    + "; expected a positive number");
        }
    }
}
