package org.groundmetric.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.groundmetric.eval.HierarchicalClustering;

/**
 * The distance matrix between samples (e.g. W_θ) as a heatmap whose rows and columns follow the
 * leaf order of a hierarchical clustering, with the dendrogram drawn to its left, a strip of class
 * colours, the sample names and a viridis colour bar. Plain Java2D: charting libraries have no
 * dendrogram. The linkage is in SciPy's format: row i joins clusters Z[i][0] and Z[i][1]
 * (ids &lt; n are samples, n + i is the cluster made in row i) at height Z[i][2].
 */
public final class DistanceHeatmap implements Figure {

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final double TOP = 60;
    private static final double LEFT = 190;
    private static final double SIZE = 640;
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private final String title;
    private final double[][] distance;
    private final List<String> names;
    private final List<String> classes;
    private final double[][] linkage;
    private final int[] order;
    private final int width;
    private final int height;

    /**
     * @param distance n×n symmetric distances
     * @param names    sample names (shown when there are at most 80 samples)
     * @param classes  class label per sample, for the colour strip (null entries allowed)
     * @param linkage  (n−1)×4 SciPy linkage of the same samples
     */
    public DistanceHeatmap(String title, double[][] distance, List<String> names, List<String> classes,
                           double[][] linkage) {
        int n = distance.length;
        if (names.size() != n || classes.size() != n || linkage.length != n - 1) {
            throw new IllegalArgumentException("heatmap of " + n + " samples needs " + n + " names, " + n
                    + " classes and an " + (n - 1) + "-row linkage; got " + names.size() + ", "
                    + classes.size() + ", " + linkage.length);
        }
        this.title = title;
        this.distance = distance;
        this.names = names;
        this.classes = classes;
        this.linkage = linkage;
        this.order = HierarchicalClustering.leafOrder(linkage);
        int classCount = new TreeSet<>(nonNull(classes)).size();
        this.width = (int) (LEFT + SIZE + 260);
        this.height = (int) (TOP + SIZE + 40 + Math.max(50, 18 * (classCount + 1)));
    }

    @Override public int width() { return width; }
    @Override public int height() { return height; }

    @Override
    public void paint(Graphics2D g) {
        int n = distance.length;
        boolean showNames = n <= 80;
        double top = TOP;
        double left = LEFT;
        double size = SIZE;
        double cell = size / n;

        g.setColor(Color.BLACK);
        g.setFont(TITLE);
        g.drawString(title, (float) left, 32f);

        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    min = Math.min(min, distance[i][j]);
                    max = Math.max(max, distance[i][j]);
                }
            }
        }
        if (!(max > min)) {
            min = 0;
            max = Math.max(max, 1);
        }
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double v = distance[order[r]][order[c]];
                g.setColor(Palette.viridis((v - min) / (max - min)));
                // Slight overlap hides hairline seams between cells in raster output.
                g.fill(new Rectangle2D.Double(left + c * cell, top + r * cell, cell + 0.5, cell + 0.5));
            }
        }
        drawDendrogram(g, left - 12, top, cell, 160);
        List<String> classNames = new ArrayList<>(new TreeSet<>(nonNull(classes)));
        double strip = left + size + 6;
        for (int r = 0; r < n; r++) {
            String cls = classes.get(order[r]);
            g.setColor(cls == null ? Color.LIGHT_GRAY : Palette.category(classNames.indexOf(cls)));
            g.fill(new Rectangle2D.Double(strip, top + r * cell, 14, cell + 0.5));
        }
        if (showNames) {
            g.setFont(fitFont(cell));
            g.setColor(Color.BLACK);
            FontMetrics fm = g.getFontMetrics();
            for (int r = 0; r < n; r++) {
                g.drawString(names.get(order[r]), (float) (strip + 20),
                        (float) (top + r * cell + cell / 2 + fm.getAscent() / 2.0 - 1));
            }
        }
        drawColourBar(g, left, top + size + 24, size, min, max);
        drawClassLegend(g, strip + 20, top + size + 24, classNames);
    }

    private void drawDendrogram(Graphics2D g, double right, double top, double cell, double span) {
        int n = distance.length;
        double[] pos = new double[2 * n - 1];
        double[] h = new double[2 * n - 1];
        for (int r = 0; r < n; r++) {
            pos[order[r]] = top + (r + 0.5) * cell;
        }
        double maxHeight = 0;
        for (double[] row : linkage) {
            maxHeight = Math.max(maxHeight, row[2]);
        }
        double scale = maxHeight > 0 ? span / maxHeight : 0;
        g.setColor(new Color(0x333333));
        g.setStroke(new BasicStroke(1.2f));
        for (int i = 0; i < linkage.length; i++) {
            int a = (int) linkage[i][0];
            int b = (int) linkage[i][1];
            double x = right - linkage[i][2] * scale;
            double xa = right - h[a] * scale;
            double xb = right - h[b] * scale;
            g.draw(new Line2D.Double(xa, pos[a], x, pos[a]));
            g.draw(new Line2D.Double(xb, pos[b], x, pos[b]));
            g.draw(new Line2D.Double(x, pos[a], x, pos[b]));
            pos[n + i] = (pos[a] + pos[b]) / 2;
            h[n + i] = linkage[i][2];
        }
        g.setFont(SMALL);
        g.drawString("merge height", (float) (right - span), (float) (top - 8));
    }

    private static void drawColourBar(Graphics2D g, double x, double y, double w, double min, double max) {
        int steps = 100;
        for (int i = 0; i < steps; i++) {
            g.setColor(Palette.viridis(i / (steps - 1.0)));
            g.fill(new Rectangle2D.Double(x + w * i / steps, y, w / steps + 0.5, 14));
        }
        g.setColor(Color.BLACK);
        g.setFont(LABEL);
        FontMetrics fm = g.getFontMetrics();
        String lo = fmt(min);
        String hi = fmt(max);
        g.drawString(lo, (float) x, (float) (y + 30));
        g.drawString(hi, (float) (x + w - fm.stringWidth(hi)), (float) (y + 30));
        String label = "distance";
        g.drawString(label, (float) (x + (w - fm.stringWidth(label)) / 2), (float) (y + 30));
    }

    private static void drawClassLegend(Graphics2D g, double x, double y, List<String> classNames) {
        g.setFont(LABEL);
        g.setColor(Color.BLACK);
        g.drawString("class", (float) x, (float) (y + 11));
        for (int i = 0; i < classNames.size(); i++) {
            double yy = y + 18 + i * 18;
            g.setColor(Palette.category(i));
            g.fill(new Rectangle2D.Double(x, yy, 14, 14));
            g.setColor(Color.BLACK);
            g.drawString(classNames.get(i), (float) (x + 20), (float) (yy + 12));
        }
    }

    private static Font fitFont(double cell) {
        float size = (float) Math.max(7, Math.min(13, cell * 0.8));
        return LABEL.deriveFont(size);
    }

    private static List<String> nonNull(List<String> xs) {
        List<String> out = new ArrayList<>();
        for (String s : xs) {
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
