package org.groundmetric.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.groundmetric.data.io.AtomicOutput;
import org.groundmetric.eval.GridSearch;
import org.groundmetric.report.FigureFiles;
import org.groundmetric.report.GridHeatmap;

/** tune --heatmap: the grid's validation balanced accuracies as a figure (Fig. 5). */
final class TuneHeatmap {
    private TuneHeatmap() {
    }

    static GridHeatmap figure(GridSearch.Grid grid, String what) {
        double[][] v = new double[grid.alphas().length][grid.lambdas().length];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v[i].length; j++) {
                v[i][j] = grid.cell(i, j).balancedAccuracy();
            }
        }
        return new GridHeatmap("validation balanced accuracy, " + what, grid.alphas(), grid.lambdas(), v);
    }

    static void write(Path file, GridSearch.Grid grid, String what) {
        GridHeatmap f = figure(grid, what);
        boolean png = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
        byte[] bytes = png ? FigureFiles.png(f) : FigureFiles.svg(f);
        AtomicOutput.write(file, s -> s.write(bytes));
    }
}
