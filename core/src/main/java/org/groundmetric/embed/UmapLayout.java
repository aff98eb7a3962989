package org.groundmetric.embed;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.groundmetric.Progress;

/**
 * UMAP's layout: stochastic gradient descent on the fuzzy graph's cross-entropy in two dimensions,
 * with negative sampling, as umap-learn's optimize_layout_euclidean. Each edge is sampled in
 * proportion to its weight; the learning rate decays linearly to 0; one seeded random stream drives
 * the start's jitter and the negative samples, so a seed gives one layout on any machine.
 */
final class UmapLayout {
    private final Umap.Config config;
    private final double a;
    private final double b;

    UmapLayout(Umap.Config config, UmapCurve curve) {
        this.config = config;
        this.a = curve.a();
        this.b = curve.b();
    }

    /** Lays out the graph's n points from {@code init} (n × 2). */
    double[][] run(FuzzyGraph g, double[][] init, Progress progress) {
        int n = init.length;
        int epochs = config.epochs() > 0 ? config.epochs() : (n <= 10_000 ? 500 : 200);
        double maxWeight = Arrays.stream(g.weight()).max().orElse(1);
        int edges = g.edges();
        double[] perSample = new double[edges];
        for (int e = 0; e < edges; e++) {
            // Edges too weak to be sampled even once in all epochs are dropped, as umap-learn does.
            perSample[e] = g.weight()[e] < maxWeight / epochs ? -1 : maxWeight / g.weight()[e];
        }
        SplittableRandom random = new SplittableRandom(config.seed());
        double[] y = startingLayout(init, random);
        optimise(y, n, g, perSample, epochs, random, progress);
        double[][] out = new double[n][2];
        for (int i = 0; i < n; i++) {
            out[i][0] = y[2 * i];
            out[i][1] = y[2 * i + 1];
        }
        return out;
    }

    /** The initial layout rescaled to [0, 10] per axis, plus a little seeded jitter against ties. */
    private static double[] startingLayout(double[][] init, SplittableRandom random) {
        int n = init.length;
        double[] y = new double[2 * n];
        for (int c = 0; c < 2; c++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] p : init) {
                min = Math.min(min, p[c]);
                max = Math.max(max, p[c]);
            }
            double scale = max > min ? 10 / (max - min) : 0;
            for (int i = 0; i < n; i++) {
                y[2 * i + c] = (init[i][c] - min) * scale + 1e-4 * random.nextGaussian();
            }
        }
        return y;
    }

    private void optimise(double[] y, int n, FuzzyGraph g, double[] perSample, int epochs, SplittableRandom random,
                          Progress progress) {
        int edges = perSample.length;
        int negRate = config.negativeSamples();
        double[] nextSample = perSample.clone();
        double[] perNegative = new double[edges];
        double[] nextNegative = new double[edges];
        for (int e = 0; e < edges; e++) {
            perNegative[e] = negRate == 0 ? Double.POSITIVE_INFINITY : perSample[e] / negRate;
            nextNegative[e] = perNegative[e];
        }
        int[] head = g.head();
        int[] tail = g.tail();
        progress.start("UMAP epochs", epochs);
        for (int epoch = 0; epoch < epochs; epoch++) {
            double alpha = config.learningRate() * (1 - (double) epoch / epochs);
            for (int e = 0; e < edges; e++) {
                if (perSample[e] < 0 || nextSample[e] > epoch) {
                    continue;
                }
                int i = head[e];
                int j = tail[e];
                attract(y, i, j, alpha);
                nextSample[e] += perSample[e];
                int negatives = (int) ((epoch - nextNegative[e]) / perNegative[e]);
                for (int s = 0; s < negatives; s++) {
                    int other = random.nextInt(n);
                    if (other != i) {
                        repel(y, i, other, alpha);
                    }
                }
                nextNegative[e] += negatives * perNegative[e];
            }
            progress.advance(1, null);
        }
        progress.finish();
    }

    private void attract(double[] y, int i, int j, double alpha) {
        double dx = y[2 * i] - y[2 * j];
        double dy = y[2 * i + 1] - y[2 * j + 1];
        double d2 = dx * dx + dy * dy;
        if (d2 <= 0) {
            return;
        }
        double d2b = Math.pow(d2, b); // one pow per update: d2^(b−1) = d2^b / d2
        double coeff = -2 * a * b * (d2b / d2) / (a * d2b + 1);
        double gx = clip(coeff * dx) * alpha;
        double gy = clip(coeff * dy) * alpha;
        y[2 * i] += gx;
        y[2 * i + 1] += gy;
        y[2 * j] -= gx;
        y[2 * j + 1] -= gy;
    }

    private void repel(double[] y, int i, int k, double alpha) {
        double dx = y[2 * i] - y[2 * k];
        double dy = y[2 * i + 1] - y[2 * k + 1];
        double d2 = dx * dx + dy * dy;
        if (d2 <= 0) {
            // Coincident points: push apart with the largest step, as umap-learn does.
            y[2 * i] += 4 * alpha;
            y[2 * i + 1] += 4 * alpha;
            return;
        }
        double coeff = 2 * b / ((0.001 + d2) * (a * Math.pow(d2, b) + 1));
        y[2 * i] += clip(coeff * dx) * alpha;
        y[2 * i + 1] += clip(coeff * dy) * alpha;
    }

    private static double clip(double v) {
        return Math.max(-4, Math.min(4, v));
    }
}
