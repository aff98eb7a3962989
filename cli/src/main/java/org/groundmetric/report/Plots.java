package org.groundmetric.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.groundmetric.linalg.SymmetricEigen;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.knowm.xchart.style.lines.SeriesLines;

/**
 * The report's charts, drawn with XChart: embeddings coloured by a category, gene importance
 * bars, the training curve, and the learned metric's unit ellipse beside the Euclidean circle.
 * All share one look: white background, large axis labels, legend outside the plot, Okabe–Ito colours.
 */
public final class Plots {

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    private static final Font AXIS = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Marker[] MARKERS = {
        SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP,
        SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS
    };

    private Plots() {
    }

    /** An XChart chart as a {@link Figure} at its own size. */
    public static Figure figure(Chart<?, ?> chart) {
        return new Figure() {
            @Override public int width() { return chart.getWidth(); }
            @Override public int height() { return chart.getHeight(); }
            @Override public void paint(Graphics2D g) { chart.paint(g, chart.getWidth(), chart.getHeight()); }
        };
    }

    /**
     * Points (x, y) coloured by category, one legend entry per category (sorted by name).
     * Colours cycle after eight categories; the marker shape changes with each cycle so every
     * category stays distinguishable. {@code markerSize} small (3–4) for thousands of cells.
     */
    public static Figure scatter(String title, String xLabel, String yLabel, double[] x, double[] y,
                                 List<String> category, String legendTitle, int markerSize) {
        return scatter(title, xLabel, yLabel, x, y, category, legendTitle, markerSize, null);
    }

    /** The same, with a text label above each point (for a few dozen samples; null for none). */
    public static Figure scatter(String title, String xLabel, String yLabel, double[] x, double[] y,
                                 List<String> category, String legendTitle, int markerSize, List<String> pointLabels) {
        return scatter(title, xLabel, yLabel, x, y, category, legendTitle, markerSize, pointLabels, null, null);
    }

    /**
     * The same, with a black ring around the points flagged in {@code ringed} (e.g. the samples a
     * model was trained on, the paper's Fig. 3) and a legend entry "{@code ringLabel} (n)"; null: none.
     */
    public static Figure scatter(String title, String xLabel, String yLabel, double[] x, double[] y,
                                 List<String> category, String legendTitle, int markerSize, List<String> pointLabels,
                                 boolean[] ringed, String ringLabel) {
        if (x.length != y.length || x.length != category.size()) {
            throw new IllegalArgumentException("scatter needs equally many x, y and categories; got "
                    + x.length + ", " + y.length + ", " + category.size());
        }
        XYChart chart = new XYChartBuilder().width(860).height(640).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        style(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(markerSize);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        Map<String, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < x.length; i++) {
            String c = category.get(i) == null ? "(none)" : category.get(i);
            groups.computeIfAbsent(c, k -> new ArrayList<>()).add(i);
        }
        int g = 0;
        for (Map.Entry<String, List<Integer>> e : groups.entrySet()) {
            List<Integer> idx = e.getValue();
            double[] gx = new double[idx.size()];
            double[] gy = new double[idx.size()];
            for (int i = 0; i < gx.length; i++) {
                gx[i] = x[idx.get(i)];
                gy[i] = y[idx.get(i)];
            }
            XYSeries s = chart.addSeries(e.getKey() + " (" + idx.size() + ")", gx, gy);
            Color c = Palette.category(g);
            s.setMarkerColor(markerSize <= 4 ? translucent(c) : c);
            s.setMarker(MARKERS[(g / Palette.categoryColours()) % MARKERS.length]);
            g++;
        }
        if (ringed != null) {
            ring(chart, x, y, ringed, ringLabel);
        }
        chart.getStyler().setLegendVisible(true);
        if (pointLabels != null) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : y) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            double lift = hi > lo ? 0.035 * (hi - lo) : 0.1;
            chart.getStyler().setAnnotationTextFont(LEGEND.deriveFont(12f));
            for (int i = 0; i < x.length; i++) {
                chart.addAnnotation(new AnnotationText(pointLabels.get(i), x[i], y[i] + lift, false));
            }
        }
        return titled(chart, legendTitle);
    }

    /** An overlay series of black rings around the flagged points (none flagged: no series). */
    private static void ring(XYChart chart, double[] x, double[] y, boolean[] ringed, String label) {
        if (ringed.length != x.length) {
            throw new IllegalArgumentException("ringed flags " + ringed.length + " points of " + x.length);
        }
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (ringed[i]) {
                pts.add(new double[] {x[i], y[i]});
            }
        }
        if (pts.isEmpty()) {
            return;
        }
        double[][] xy = toArrays(pts);
        XYSeries s = chart.addSeries(label + " (" + pts.size() + ")", xy[0], xy[1]);
        s.setMarker(new Ring());
        s.setMarkerColor(Color.BLACK);
    }

    /** An unfilled circle larger than the point it surrounds. */
    private static final class Ring extends Marker {
        @Override
        public void paint(Graphics2D g, double x, double y, int markerSize) {
            double size = markerSize * 1.7;
            java.awt.Stroke before = g.getStroke();
            g.setStroke(new java.awt.BasicStroke(2f));
            g.draw(new java.awt.geom.Ellipse2D.Double(x - size / 2, y - size / 2, size, size));
            g.setStroke(before);
        }
    }

    /** Vertical bars of the top features' importance, most important on the left. */
    public static Figure importanceBars(String title, List<String> names, double[] importance) {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(560).title(title)
                .xAxisTitle("feature").yAxisTitle("importance (share of the total)").build();
        style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(60);
        chart.getStyler().setSeriesColors(new Color[] {Palette.category(0)});
        chart.getStyler().setAvailableSpaceFill(0.8);
        chart.getStyler().setYAxisDecimalPattern("0.###");
        List<Number> values = new ArrayList<>();
        for (double v : importance) {
            values.add(v);
        }
        chart.addSeries("importance", new ArrayList<>(names), values);
        return figure(chart);
    }

    /** Loss per epoch (one or more named curves, e.g. training loss and the regulariser). */
    public static Figure trainingCurve(String title, Map<String, double[]> curves) {
        XYChart chart = new XYChartBuilder().width(860).height(520).title(title)
                .xAxisTitle("epoch").yAxisTitle("loss").build();
        style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setMarkerSize(6);
        int g = 0;
        for (Map.Entry<String, double[]> e : curves.entrySet()) {
            double[] y = e.getValue();
            double[] x = new double[y.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i + 1;
            }
            XYSeries s = chart.addSeries(e.getKey(), x, y);
            s.setLineColor(Palette.category(g));
            s.setMarkerColor(Palette.category(g));
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineWidth(2.5f);
            g++;
        }
        return figure(chart);
    }

    /**
     * Paper Fig. 2c for 2-feature data: the learned metric's unit ball {x : ‖Wx‖ = 1} (an ellipse,
     * or a band between two lines when W has rank 1) beside the Euclidean unit circle, on equal axes.
     * A unit ball stretched along a feature means the metric ignores that feature.
     */
    public static Figure unitBalls(double[] w, int k, List<String> featureNames) {
        if (w.length != 2 * k || featureNames.size() != 2) {
            throw new IllegalArgumentException("the unit-ball plot is for 2-feature data (W is k×2); got "
                    + featureNames.size() + " features, " + w.length + " values for k=" + k);
        }
        double[][] m = new double[2][2];
        for (int r = 0; r < k; r++) {
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) {
                    m[a][b] += w[r * 2 + a] * w[r * 2 + b];
                }
            }
        }
        SymmetricEigen eig = SymmetricEigen.of(m);
        double l1 = eig.largestValue(0);
        double l2 = Math.max(eig.largestValue(1), 0);
        if (!(l1 > 0)) {
            throw new IllegalArgumentException("W is zero; its unit ball is the whole plane");
        }
        double shortAxis = 1 / Math.sqrt(l1);
        // Show the circle, the short axis in full, and the long axis up to 4× the larger of the two.
        double range = 1.25 * Math.max(1, Math.min(l2 > 0 ? 1 / Math.sqrt(l2) : Double.POSITIVE_INFINITY,
                4 * Math.max(1, shortAxis)));
        XYChart chart = new XYChartBuilder().width(700).height(640)
                .title("Unit balls: learned metric vs Euclidean")
                .xAxisTitle(featureNames.get(0)).yAxisTitle(featureNames.get(1)).build();
        style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setXAxisMin(-range).setXAxisMax(range).setYAxisMin(-range).setYAxisMax(range);
        chart.getStyler().setPlotContentSize(0.95);
        curve(chart, "Euclidean ‖x‖ = 1", ellipse(new double[] {1, 0}, new double[] {0, 1}, 1, 1, range),
                Palette.category(1), 2.5f);
        double[] v1 = eig.largestVector(0);
        double[] v2 = eig.largestVector(1);
        double semiLong = l2 > 1e-12 * l1 ? 1 / Math.sqrt(l2) : 1e6 * range;
        curve(chart, "learned ‖Wx‖ = 1", ellipse(v1, v2, shortAxis, semiLong, range),
                Palette.category(0), 3.5f);
        return figure(chart);
    }

    /** One legend entry; each further piece of a clipped curve is its own unlabelled series. */
    private static void curve(XYChart chart, String name, List<double[][]> pieces, Color c, float width) {
        for (int p = 0; p < pieces.size(); p++) {
            double[][] xy = pieces.get(p);
            XYSeries s = chart.addSeries(p == 0 ? name : name + " #" + p, xy[0], xy[1]);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setLineColor(c);
            s.setLineWidth(width);
            s.setLineStyle(SeriesLines.SOLID);
            s.setMarker(SeriesMarkers.NONE);
            s.setShowInLegend(p == 0);
        }
    }

    /**
     * The ellipse a·cos t·v1 + b·sin t·v2 as polylines clipped to the square [−range, range]²:
     * a very long ellipse shows as two lines across the plot (the metric ignores that direction)
     * instead of running off it.
     */
    static List<double[][]> ellipse(double[] v1, double[] v2, double a, double b, double range) {
        int n = 2001;
        List<double[][]> pieces = new ArrayList<>();
        List<double[]> current = new ArrayList<>();
        double[] prev = null;
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / (n - 1);
            double[] p = {a * Math.cos(t) * v1[0] + b * Math.sin(t) * v2[0],
                          a * Math.cos(t) * v1[1] + b * Math.sin(t) * v2[1]};
            boolean inside = Math.abs(p[0]) <= range && Math.abs(p[1]) <= range;
            if (inside) {
                if (current.isEmpty() && prev != null) {
                    current.add(toBorder(p, prev, range));
                }
                current.add(p);
            } else if (!current.isEmpty()) {
                current.add(toBorder(current.get(current.size() - 1), p, range));
                pieces.add(toArrays(current));
                current = new ArrayList<>();
            }
            prev = p;
        }
        if (!current.isEmpty()) {
            pieces.add(toArrays(current));
        }
        return pieces;
    }

    /** The point where the segment from {@code in} (inside) towards {@code out} leaves the square. */
    private static double[] toBorder(double[] in, double[] out, double range) {
        double t = 1;
        for (int c = 0; c < 2; c++) {
            double d = out[c] - in[c];
            if (d > 0 && out[c] > range) {
                t = Math.min(t, (range - in[c]) / d);
            } else if (d < 0 && out[c] < -range) {
                t = Math.min(t, (-range - in[c]) / d);
            }
        }
        return new double[] {in[0] + t * (out[0] - in[0]), in[1] + t * (out[1] - in[1])};
    }

    private static double[][] toArrays(List<double[]> pts) {
        double[][] xy = new double[2][pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            xy[0][i] = pts.get(i)[0];
            xy[1][i] = pts.get(i)[1];
        }
        return xy;
    }

    private static void style(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0x999999));
        s.setChartTitleFont(TITLE);
        s.setChartTitleBoxVisible(false);
        s.setLegendFont(LEGEND);
        s.setLegendBorderColor(new Color(0xCCCCCC));
        s.setAntiAlias(true);
        if (s instanceof org.knowm.xchart.style.AxesChartStyler a) {
            a.setAxisTitleFont(AXIS);
            a.setAxisTickLabelsFont(TICKS);
            a.setPlotGridLinesColor(new Color(0xE5E5E5));
        }
    }

    /** Legend title: XChart has none, so the category name goes into the chart title. */
    private static Figure titled(XYChart chart, String legendTitle) {
        if (legendTitle != null && !legendTitle.isEmpty()) {
            chart.setTitle(chart.getTitle() + " — coloured by " + legendTitle);
        }
        return figure(chart);
    }

    private static Color translucent(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 170);
    }

    /** Curves in insertion order (for callers building a training-curve map). */
    public static Map<String, double[]> curves() {
        return new LinkedHashMap<>();
    }
}
