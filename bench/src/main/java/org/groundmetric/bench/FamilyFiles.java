package org.groundmetric.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.groundmetric.ot.PointClouds;

/**
 * Writes every {@link Family} at the given sizes as CSV files that {@code groundmetric emd} and
 * POT both read: {@code NAME_a.csv}, {@code NAME_b.csv} (one point per row), {@code NAME_wa.txt},
 * {@code NAME_wb.txt} for weighted families, and {@code problems.tsv} listing name, family, n, m,
 * dim, metric and whether weights are given.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.groundmetric.bench.FamilyFiles DIR [sizes, default 300,1000,2000,5000] [families, default all]</pre>
 */
public final class FamilyFiles {
    /** Seed of every family's problems (the size is mixed in by {@link Family#generate}). */
    static final long SEED = 13;

    private FamilyFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: FamilyFiles DIR [300,1000,2000,5000] [uniform,far,...]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        int[] sizes = sizes(args.length > 1 ? args[1] : "300,1000,2000,5000");
        List<Family> families = families(args.length > 2 ? args[2] : "all");
        try (PrintWriter manifest = new PrintWriter(Files.newBufferedWriter(dir.resolve("problems.tsv")))) {
            manifest.println("name\tfamily\tn\tm\tdim\tmetric\tweighted\tdescription");
            for (Family family : families) {
                for (int n : sizes) {
                    PointClouds p = family.generate(n, SEED + n);
                    String name = family.label() + "_" + n;
                    writePoints(dir.resolve(name + "_a.csv"), p.x(), p.dim());
                    writePoints(dir.resolve(name + "_b.csv"), p.y(), p.dim());
                    boolean weighted = !p.isAssignment() && !uniform(p.a());
                    if (weighted) {
                        writeWeights(dir.resolve(name + "_wa.txt"), p.a());
                        writeWeights(dir.resolve(name + "_wb.txt"), p.b());
                    }
                    manifest.printf(Locale.ROOT, "%s\t%s\t%d\t%d\t%d\t%s\t%d\t%s%n", name, family.label(), p.n(), p.m(),
                            p.dim(), p.metric().label(), weighted ? 1 : 0, family.description());
                }
            }
        }
    }

    static int[] sizes(String list) {
        return java.util.Arrays.stream(list.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    }

    static List<Family> families(String list) {
        List<Family> out = new ArrayList<>();
        if (list.equals("all")) {
            out.addAll(List.of(Family.values()));
        } else {
            for (String name : list.split(",")) {
                out.add(Family.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            }
        }
        return out;
    }

    private static boolean uniform(double[] w) {
        for (double x : w) {
            if (x != w[0]) {
                return false;
            }
        }
        return true;
    }

    private static void writePoints(Path file, double[] p, int dim) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.length / dim; i++) {
            for (int q = 0; q < dim; q++) {
                if (q > 0) {
                    sb.append(',');
                }
                sb.append(p[i * dim + q]);
            }
            sb.append('\n');
        }
        Files.writeString(file, sb);
    }

    private static void writeWeights(Path file, double[] w) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (double x : w) {
            sb.append(x).append('\n');
        }
        Files.writeString(file, sb);
    }
}
