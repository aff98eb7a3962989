package org.groundmetric.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Sample;
import org.groundmetric.data.io.OutputFiles;
import org.groundmetric.embed.PlanPicture;
import org.groundmetric.metric.ProjectedMetric;
import org.groundmetric.report.HtmlReport;
import org.groundmetric.report.PlanFigure;

/**
 * {@code report --plan-pair A:B}: the optimal plan of each chosen pair of samples under the model's
 * metric as a figure (the paper's Fig. 2d/e; {@link PlanPicture} says where the cells are drawn)
 * and as sparse triplets {@code plan-A__B.tsv} beside it, as {@code distances --plan-out} writes them.
 */
final class PlanFigures {

    private final List<PlanOutput.SamplePair> pairs;
    private final List<PlanPicture> pictures = new ArrayList<>();
    private final Cohort cohort;

    private PlanFigures(List<PlanOutput.SamplePair> pairs, Cohort cohort) {
        this.pairs = pairs;
        this.cohort = cohort;
    }

    /** Solves every pair of {@code spec} (null or empty: none) among the cohort's samples; files go to {@code dir}. */
    static PlanFigures solve(List<String> spec, Cohort cohort, ProjectedMetric metric, Path dir) {
        List<PlanOutput.SamplePair> pairs = spec == null ? List.of()
                : PlanOutput.resolve("--plan-pair", "plan-", spec, cohort.samples(), dir);
        PlanFigures out = new PlanFigures(pairs, cohort);
        for (PlanOutput.SamplePair p : pairs) {
            out.pictures.add(PlanPicture.of(cohort.sample(p.a()), cohort.sample(p.b()), metric));
        }
        return out;
    }

    /** A section with one figure per pair (nothing without pairs). */
    void add(HtmlReport page, int rank) {
        if (pairs.isEmpty()) {
            return;
        }
        page.heading("Optimal plans");
        String where = rank == 2 ? "the cells' images X·Wᵀ themselves (k = 2), each axis scaled to its own range"
                : rank == 1 ? "the cells' images X·Wᵀ on one axis (k = 1)"
                : "the first two principal axes of the two samples' images X·Wᵀ (k = " + rank + "; a linear view,"
                        + " the plan itself is solved in all k dimensions), each axis scaled to its own range";
        for (int i = 0; i < pairs.size(); i++) {
            Sample a = cohort.sample(pairs.get(i).a());
            Sample b = cohort.sample(pairs.get(i).b());
            PlanPicture pic = pictures.get(i);
            String name = pairs.get(i).file().getFileName().toString().replaceFirst("\\.tsv$", "");
            page.figure(name, String.format(Locale.ROOT, "The optimal plan between %s (circles) and %s (squares)"
                    + " under the model's metric, cost W_θ = %.4g: %d arcs, one per plan entry, wider and darker with"
                    + " the mass it moves. The cells are drawn at %s. The triplets are in %s.", a.id(), b.id(),
                    pic.plan().cost(), pic.plan().plan().nonZeros(), where, pairs.get(i).file().getFileName()),
                    new PlanFigure("Optimal plan: " + a.id() + " → " + b.id(), a.id(), b.id(), pic));
        }
    }

    /** Stages every pair's triplets (i, j, mass, cell_a, cell_b). */
    void write(OutputFiles files) {
        for (int i = 0; i < pairs.size(); i++) {
            Sample a = cohort.sample(pairs.get(i).a());
            Sample b = cohort.sample(pairs.get(i).b());
            PlanOutput.write(files, pairs.get(i).file(), pictures.get(i).plan().plan(), a.cellIds(), b.cellIds());
        }
    }
}
