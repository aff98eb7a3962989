package org.groundmetric.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FiguresTest {

    /** Figures are kept under target/ so a person can look at them after the build. */
    static final Path OUT = Path.of("target", "figures-test");

    @Test
    void fixtureLinkageHasTheExpectedScipyLeafOrder() {
        // First child before second, from the root; the expected order is SciPy 1.10 dendrogram(Z, no_plot=True)["leaves"].
        int[] order = org.groundmetric.eval.HierarchicalClustering.leafOrder(ReportFixtures.linkage());
        assertArrayEquals(new int[] {8, 6, 7, 2, 0, 1, 5, 3, 4}, order); // scipy dendrogram(Z)["leaves"]
    }

    @Test
    void everyFigureRendersAsPngAndSvg() throws Exception {
        Random r = new Random(1);
        int n = 600;
        double[] x = new double[n];
        double[] y = new double[n];
        List<String> type = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int c = i % 10;
            x[i] = 5 * Math.cos(c) + r.nextGaussian();
            y[i] = 5 * Math.sin(c) + r.nextGaussian();
            type.add("type " + c);
        }
        List<Figure> figures = List.of(
                Plots.scatter("Cells (UMAP of X·Wᵀ)", "UMAP 1", "UMAP 2", x, y, type, "cell type", 4),
                Plots.importanceBars("Top features", List.of("ISG15", "IFI6", "IFIT3", "MX1", "LY6E"),
                        new double[] {0.3, 0.2, 0.1, 0.05, 0.01}),
                Plots.trainingCurve("Training loss", Map.of("loss", new double[] {2, 1.2, 0.8, 0.6, 0.55})),
                Plots.unitBalls(new double[] {2.0, 0.01, 0.5, 0.0}, 2, List.of("dim0", "dim1")),
                new DistanceHeatmap("W_θ between samples", ReportFixtures.distances(), ReportFixtures.names(),
                        ReportFixtures.classes(), ReportFixtures.linkage()));
        String[] names = {"scatter", "bars", "curve", "unit-balls", "heatmap"};
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            List<Path> files = FigureFiles.write(f, OUT, names[i]);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(files.get(0))));
            assertEquals(2 * f.width(), img.getWidth(), names[i]);
            assertEquals(2 * f.height(), img.getHeight(), names[i]);
            assertTrue(notBlank(img), names[i] + " has drawn content");
            String svg = Files.readString(files.get(1), StandardCharsets.UTF_8);
            assertTrue(svg.contains("<svg") && svg.contains("</svg>"), names[i] + " is an SVG document");
        }
    }

    @Test
    void unitBallPlotIsOnlyForTwoFeatures() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.unitBalls(new double[] {1, 2, 3}, 1, List.of("a", "b", "c")));
        assertTrue(e.getMessage().contains("2-feature"));
    }

    @Test
    void paletteIsOkabeItoAndViridisEnds() {
        assertEquals("#0072B2", Palette.hex(Palette.category(0)));
        assertEquals("#E69F00", Palette.hex(Palette.category(1)));
        assertEquals("#440154", Palette.hex(Palette.viridis(0)));
        assertEquals("#FDE725", Palette.hex(Palette.viridis(1)));
    }

    private static boolean notBlank(BufferedImage img) {
        int colours = 0;
        int first = img.getRGB(0, 0);
        for (int yy = 0; yy < img.getHeight(); yy += 7) {
            for (int xx = 0; xx < img.getWidth(); xx += 7) {
                if (img.getRGB(xx, yy) != first) {
                    colours++;
                }
            }
        }
        return colours > 100;
    }
}
