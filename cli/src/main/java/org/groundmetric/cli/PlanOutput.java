package org.groundmetric.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Sample;
import org.groundmetric.data.io.DelimitedText;
import org.groundmetric.data.io.OutputFiles;
import org.groundmetric.metric.GroundMetric;
import org.groundmetric.ot.TransportPlan;
import org.groundmetric.wasserstein.SamplePlan;

/**
 * An optimal plan as sparse triplets (the paper's Fig. 2d/e): a TSV with a header
 * {@code i, j, mass} and one row per plan entry of non-zero mass, i the source point (0-based row of
 * A, or cell of the first sample), j the target; distances adds the two cells' ids.
 */
final class PlanOutput {
    private PlanOutput() {
    }

    /** The plan of emd: i, j, mass. */
    static void write(OutputFiles files, Path target, TransportPlan plan) {
        write(files, target, plan, null, null);
    }

    /** With cell ids (both non-null): i, j, mass, cell_a, cell_b. */
    static void write(OutputFiles files, Path target, TransportPlan plan, List<String> cellsA, List<String> cellsB) {
        files.write(target, out -> {
            StringBuilder sb = new StringBuilder(cellsA == null ? "i\tj\tmass\n" : "i\tj\tmass\tcell_a\tcell_b\n");
            for (int p = 0; p < plan.nonZeros(); p++) {
                if (plan.mass()[p] <= 0) {
                    continue;
                }
                sb.append(plan.rows()[p]).append('\t').append(plan.cols()[p]).append('\t').append(plan.mass()[p]);
                if (cellsA != null) {
                    sb.append('\t').append(DelimitedText.field(cellsA.get(plan.rows()[p]), '\t')).append('\t')
                            .append(DelimitedText.field(cellsB.get(plan.cols()[p]), '\t'));
                }
                sb.append('\n');
            }
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        });
    }

    /** A pair of samples asked by --pairs a:b, resolved to their indices in the cohort. */
    record SamplePair(int a, int b, Path file) {
    }

    /** Resolves "a:b" pairs against the cohort's sample ids; the file is DIR/a__b.tsv (unsafe characters as _). */
    static List<SamplePair> resolve(List<String> pairs, List<Sample> samples, Path dir) {
        return resolve("--pairs", "", pairs, samples, dir);
    }

    /** As above for the pairs of {@code option}; the file is DIR/PREFIXa__b.tsv. */
    static List<SamplePair> resolve(String option, String prefix, List<String> pairs, List<Sample> samples, Path dir) {
        List<String> ids = new ArrayList<>();
        for (Sample s : samples) {
            ids.add(s.id());
        }
        List<SamplePair> out = new ArrayList<>();
        for (String pair : pairs) {
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw new IllegalArgumentException(option + " entry '" + pair + "' is not SAMPLE_A:SAMPLE_B (e.g. "
                        + ids.get(0) + ":" + ids.get(ids.size() - 1) + ")");
            }
            int a = index(option, ids, pair.substring(0, colon));
            int b = index(option, ids, pair.substring(colon + 1));
            out.add(new SamplePair(a, b, dir.resolve(prefix + safe(ids.get(a)) + "__" + safe(ids.get(b)) + ".tsv")));
        }
        return out;
    }

    /** Solves each pair exactly under {@code ground} (uniform weights) and writes its plan with cell ids. */
    static void writeSamplePlans(OutputFiles files, List<SamplePair> pairs, Cohort cohort, GroundMetric ground,
                                 Path dir) {
        if (pairs.isEmpty()) {
            return;
        }
        files.directory(dir);
        for (SamplePair p : pairs) {
            Sample a = cohort.sample(p.a());
            Sample b = cohort.sample(p.b());
            write(files, p.file(), SamplePlan.solve(a, b, ground).plan(), a.cellIds(), b.cellIds());
        }
    }

    private static int index(String option, List<String> ids, String id) {
        int i = ids.indexOf(id);
        if (i < 0) {
            throw new IllegalArgumentException(option + " names sample '" + id + "', which is not among the " + ids.size()
                    + " samples kept (e.g. " + String.join(", ", ids.subList(0, Math.min(3, ids.size()))) + ")");
        }
        return i;
    }

    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
