package org.groundmetric.cli;

import org.groundmetric.data.CellSelection;
import org.groundmetric.data.Cohort;
import picocli.CommandLine.Option;

/**
 * {@code --cell-filter FILE[:MIN]} of embed and report: draw only the cells a per-cell correctness
 * table ({@code benchmark --cells-out}) marks right in at least MIN of the splits (the paper's Fig. 3).
 */
final class CellFilterOption {

    @Option(names = "--cell-filter", paramLabel = "FILE[:MIN]",
            description = "Draw only the cells of FILE (benchmark --cells-out) whose fraction_correct is at least MIN"
                    + " (default " + CellSelection.PAPER_THRESHOLD + ", the paper's 'correctly classified in at least"
                    + " 90%% of the splits'), e.g. --cell-filter cells.tsv:0.9. Only the cell tables and pictures change;"
                    + " W_θ and the sample layouts use every cell. Read the input with the benchmark's preprocessing, so"
                    + " the cell ids match.")
    String spec;

    /** The selected cells of {@code cohort}, or the cohort itself without --cell-filter. */
    Cohort apply(Cohort cohort) {
        if (spec == null) {
            return cohort;
        }
        CellSelection selection = selection();
        try {
            return selection.apply(cohort);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--cell-filter: " + e.getMessage(), e);
        }
    }

    /** The parsed --cell-filter, or null without it. */
    CellSelection selection() {
        if (spec == null) {
            return null;
        }
        try {
            return CellSelection.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--cell-filter " + spec + ": " + e.getMessage(), e);
        }
    }

    /** The table read (an input no output may overwrite), or null without --cell-filter. */
    java.nio.file.Path file() {
        return spec == null ? null : selection().file();
    }
}
