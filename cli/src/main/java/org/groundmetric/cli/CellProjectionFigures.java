package org.groundmetric.cli;

import org.groundmetric.report.Embeddings;
import org.groundmetric.report.HtmlReport;
import org.groundmetric.report.Plots;

/**
 * The report's scatter of the cells' images X·Wᵀ themselves when W has two rows: the paper's
 * Fig. 2b (each method's transformed cells), and Fig. 2a (the raw cells) for a 2-feature model of
 * W = I, such as {@code benchmark --save-models}' euclidean.json on Synth2D.
 */
final class CellProjectionFigures {
    private CellProjectionFigures() {
    }

    static void add(HtmlReport page, Embeddings e, String cellTypeKey) {
        if (e.rank() != 2) {
            return;
        }
        int n = e.projection().length / 2;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = e.projection()[2 * i];
            y[i] = e.projection()[2 * i + 1];
        }
        int marker = n > 5000 ? 3 : 5;
        page.figure("cells-projection-class", "The cells' images X·Wᵀ (k = 2), coloured by class",
                Plots.scatter("Cells: X·Wᵀ", "proj 1", "proj 2", x, y, e.cellColumn("class"), "class", marker));
        if (cellTypeKey != null) {
            page.figure("cells-projection-celltype", "The same, coloured by " + cellTypeKey,
                    Plots.scatter("Cells: X·Wᵀ", "proj 1", "proj 2", x, y, e.cellColumn(cellTypeKey), cellTypeKey,
                            marker));
        }
    }
}
