package org.groundmetric.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.groundmetric.data.CellSelection;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.io.OutputFiles;
import org.groundmetric.eval.BenchmarkResult;
import org.groundmetric.eval.CellCorrectness;

/**
 * {@code benchmark --cells-out}: every held-out cell's correctness across the fits, GGML's first
 * and every other finished method's fraction beside it (the paper's Fig. 3 cell selection).
 */
record CellsOutput(Cohort cohort, CellCorrectness ggml, List<CellCorrectness> others) {

    static CellsOutput of(BenchmarkResult result, Cohort cohort) {
        CellCorrectness ggml = null;
        List<CellCorrectness> others = new ArrayList<>();
        for (BenchmarkResult.Method m : result.methods()) {
            boolean isGgml = m.name().equals(BenchmarkCommand.Method.GGML.toString());
            if (!"ok".equals(m.status())) {
                if (isGgml) {
                    throw new IllegalArgumentException("--cells-out counts GGML's cells, but GGML did not finish ("
                            + m.status() + "), so nothing is written; give it more time (--budget-minutes) or drop"
                            + " --cells-out");
                }
                continue;
            }
            CellCorrectness c = CellCorrectness.of(result, cohort, m.name());
            if (isGgml) {
                ggml = c;
            } else {
                others.add(c);
            }
        }
        return new CellsOutput(cohort, ggml, others);
    }

    void write(OutputFiles files, Path file) {
        CellCorrectness.writeTsv(files, file, cohort, ggml, others);
    }

    /** "wrote cells.tsv: 9000 held-out cells, 5112 of them right in ≥ 90 % of GGML's splits". */
    String summary(Path file) {
        return String.format(Locale.ROOT, "wrote %s: %d held-out cells, %d of them right in at least %.0f %% of"
                + " GGML's splits (--cell-filter %s:%s keeps those)", file, ggml.atLeast(0), ggml.atLeast(
                        CellSelection.PAPER_THRESHOLD), 100 * CellSelection.PAPER_THRESHOLD, file,
                CellSelection.PAPER_THRESHOLD);
    }
}
