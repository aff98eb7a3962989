package org.groundmetric.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import org.groundmetric.embed.PlanPicture;
import org.groundmetric.ot.TransportPlan;

/**
 * The optimal plan between two samples (the paper's Fig. 2d/e): the first sample's cells as
 * circles, the second's as squares, and over them one straight arc per plan entry from a cell of
 * the first to a cell of the second, its width and opacity growing linearly with the mass it
 * carries (the largest mass drawn {@value #MAX_WIDTH} px wide and nearly opaque). Each axis is
 * scaled to its own range, as a scatter plot. Plain Java2D, as the heatmap.
 */
public final class PlanFigure implements Figure {

    /** The arcs' colour (dark grey), drawn under the points. */
    public static final Color ARC = new Color(0x33, 0x33, 0x33);
    /** Width in px of the arc of the largest mass; a mass m is drawn MIN_WIDTH + (MAX_WIDTH − MIN_WIDTH)·m/max. */
    public static final double MAX_WIDTH = 2.5;
    /** Width in px of an arc of (almost) no mass. */
    public static final double MIN_WIDTH = 0.3;

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    private static final Font AXIS = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final double LEFT = 80;
    private static final double TOP = 60;
    private static final double SIZE = 600;

    private final String title;
    private final String nameA;
    private final String nameB;
    private final PlanPicture picture;

    public PlanFigure(String title, String nameA, String nameB, PlanPicture picture) {
        this.title = title;
        this.nameA = nameA;
        this.nameB = nameB;
        this.picture = picture;
    }

    @Override public int width() { return (int) (LEFT + SIZE + 340); }
    @Override public int height() { return (int) (TOP + SIZE + 70); }

    /** The width in px of an arc carrying {@code mass} when the largest carries {@code max}. */
    public static double arcWidth(double mass, double max) {
        return MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * mass / max;
    }

    @Override
    public void paint(Graphics2D g) {
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double[][] cloud : new double[][][] {picture.a(), picture.b()}) {
            for (double[] p : cloud) {
                for (int d = 0; d < 2; d++) {
                    lo[d] = Math.min(lo[d], p[d]);
                    hi[d] = Math.max(hi[d], p[d]);
                }
            }
        }
        // each axis scaled to its own range, as a scatter plot (Synth2D's noise axis is 1000× its class axis)
        double spanX = Math.max(hi[0] - lo[0], 1e-12) * 1.06;
        double spanY = Math.max(hi[1] - lo[1], 1e-12) * 1.06;
        double cx = (lo[0] + hi[0]) / 2;
        double cy = (lo[1] + hi[1]) / 2;
        java.util.function.DoubleUnaryOperator px = x -> LEFT + SIZE / 2 + (x - cx) / spanX * SIZE;
        java.util.function.DoubleUnaryOperator py = y -> TOP + SIZE / 2 - (y - cy) / spanY * SIZE;

        g.setColor(Color.BLACK);
        g.setFont(TITLE);
        g.drawString(title, (float) LEFT, 32f);
        g.setColor(new Color(0x999999));
        g.setStroke(new BasicStroke(1f));
        g.draw(new Rectangle2D.Double(LEFT, TOP, SIZE, SIZE));

        double r = picture.a().length + picture.b().length > 1000 ? 2.5 : 3.5;
        for (double[] p : picture.a()) {
            g.setColor(Palette.category(0));
            g.fill(new Ellipse2D.Double(px.applyAsDouble(p[0]) - r, py.applyAsDouble(p[1]) - r, 2 * r, 2 * r));
        }
        for (double[] p : picture.b()) {
            g.setColor(Palette.category(1));
            g.fill(new Rectangle2D.Double(px.applyAsDouble(p[0]) - r, py.applyAsDouble(p[1]) - r, 2 * r, 2 * r));
        }

        TransportPlan plan = picture.plan().plan();
        double max = 0;
        for (double m : plan.mass()) {
            max = Math.max(max, m);
        }
        for (int p = 0; p < plan.nonZeros(); p++) {
            double m = plan.mass()[p];
            double[] s = picture.a()[plan.rows()[p]];
            double[] t = picture.b()[plan.cols()[p]];
            g.setColor(new Color(ARC.getRed(), ARC.getGreen(), ARC.getBlue(), (int) Math.round(50 + 150 * m / max)));
            g.setStroke(new BasicStroke((float) arcWidth(m, max), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(px.applyAsDouble(s[0]), py.applyAsDouble(s[1]), px.applyAsDouble(t[0]),
                    py.applyAsDouble(t[1])));
        }
        g.setColor(Color.BLACK);
        g.setFont(AXIS);
        g.drawString(picture.axes() + " 1", (float) (LEFT + SIZE / 2 - 30), (float) (TOP + SIZE + 30));
        java.awt.geom.AffineTransform before = g.getTransform();
        g.rotate(-Math.PI / 2, LEFT - 30, TOP + SIZE / 2 + 30);
        g.drawString(picture.axes() + " 2", (float) (LEFT - 30), (float) (TOP + SIZE / 2 + 30));
        g.setTransform(before);
        g.setFont(SMALL);
        g.drawString(fmt(cx - spanX / 2), (float) LEFT, (float) (TOP + SIZE + 16));
        g.drawString(fmt(cx + spanX / 2), (float) (LEFT + SIZE - 60), (float) (TOP + SIZE + 16));
        g.drawString(fmt(cy + spanY / 2), (float) (LEFT - 75), (float) (TOP + 12));
        g.drawString(fmt(cy - spanY / 2), (float) (LEFT - 75), (float) (TOP + SIZE));

        double lx = LEFT + SIZE + 25;
        double ly = TOP + 20;
        g.setColor(Palette.category(0));
        g.fill(new Ellipse2D.Double(lx, ly - 9, 9, 9));
        g.setColor(Palette.category(1));
        g.fill(new Rectangle2D.Double(lx, ly + 16, 9, 9));
        g.setColor(Color.BLACK);
        g.drawString(nameA + " (" + picture.a().length + " cells)", (float) (lx + 16), (float) ly);
        g.drawString(nameB + " (" + picture.b().length + " cells)", (float) (lx + 16), (float) (ly + 25));
        g.drawString(plan.nonZeros() + " arcs, wider and darker", (float) (lx + 16), (float) (ly + 55));
        g.drawString("with the mass they move", (float) (lx + 16), (float) (ly + 73));
        g.drawString("largest mass " + fmt(max), (float) (lx + 16), (float) (ly + 95));
        g.drawString("cost " + fmt(picture.plan().cost()), (float) (lx + 16), (float) (ly + 115));
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.4g", x);
    }
}
