package org.groundmetric.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small made-up inputs for the figures: three classes of samples, a linkage, a W. */
final class ReportFixtures {

    private ReportFixtures() {
    }

    static final int SAMPLES = 9;

    /** Distances between 9 samples in 3 classes: 1 within a class, 4 between (plus a little seeded noise). */
    static double[][] distances() {
        Random r = new Random(3);
        double[][] d = new double[SAMPLES][SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            for (int j = i + 1; j < SAMPLES; j++) {
                d[i][j] = d[j][i] = (i / 3 == j / 3 ? 1 : 4) + 0.2 * r.nextDouble();
            }
        }
        return d;
    }

    /** A valid SciPy linkage of those samples: pairs within each class, then the classes. */
    static double[][] linkage() {
        return new double[][] {
            {0, 1, 1.0, 2}, {3, 4, 1.0, 2}, {6, 7, 1.0, 2},
            {2, 9, 1.1, 3}, {5, 10, 1.1, 3}, {8, 11, 1.1, 3},
            {12, 13, 4.0, 6}, {14, 15, 4.1, 9},
        };
    }

    static List<String> names() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            out.add("patient" + i);
        }
        return out;
    }

    static List<String> classes() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            out.add(List.of("control", "mild", "severe").get(i / 3));
        }
        return out;
    }
}
