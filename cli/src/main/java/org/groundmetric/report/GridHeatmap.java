package org.groundmetric.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;

/**
 * The paper's Fig. 5: a score over the α × λ grid of {@code tune} as a heatmap, rows α, columns λ,
 * each cell coloured on a fixed 0–1 viridis scale and labelled with its value (blank when NaN).
 */
public final class GridHeatmap implements Figure {
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final double LEFT = 90;
    private static final double TOP = 60;
    private static final double CELL = 70;

    private final String title;
    private final double[] alphas;
    private final double[] lambdas;
    private final double[][] values;

    /** values[i][j] for alpha i and lambda j, in [0, 1] or NaN. */
    public GridHeatmap(String title, double[] alphas, double[] lambdas, double[][] values) {
        this.title = title;
        this.alphas = alphas.clone();
        this.lambdas = lambdas.clone();
        this.values = values;
    }

    @Override public int width() { return (int) (LEFT + CELL * lambdas.length + 40); }

    @Override public int height() { return (int) (TOP + CELL * alphas.length + 60); }

    @Override
    public void paint(Graphics2D g) {
        g.setColor(Color.BLACK);
        g.setFont(TITLE);
        g.drawString(title, 10f, 24f);
        g.setFont(LABEL);
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < alphas.length; i++) {
            for (int j = 0; j < lambdas.length; j++) {
                double x = LEFT + CELL * j;
                double y = TOP + CELL * i;
                double v = values[i][j];
                Color fill = Double.isNaN(v) ? Color.LIGHT_GRAY : Palette.viridis(Math.max(0, Math.min(1, v)));
                g.setColor(fill);
                g.fill(new Rectangle2D.Double(x, y, CELL, CELL));
                g.setColor(Color.WHITE);
                g.draw(new Rectangle2D.Double(x, y, CELL, CELL));
                if (!Double.isNaN(v)) {
                    String s = String.format(Locale.ROOT, "%.2f", v);
                    g.setColor(v > 0.6 ? Color.BLACK : Color.WHITE);
                    g.drawString(s, (float) (x + (CELL - fm.stringWidth(s)) / 2), (float) (y + CELL / 2 + 5));
                }
            }
        }
        g.setColor(Color.BLACK);
        for (int i = 0; i < alphas.length; i++) {
            String s = num(alphas[i]);
            g.drawString(s, (float) (LEFT - 8 - fm.stringWidth(s)), (float) (TOP + CELL * i + CELL / 2 + 5));
        }
        for (int j = 0; j < lambdas.length; j++) {
            String s = num(lambdas[j]);
            g.drawString(s, (float) (LEFT + CELL * j + (CELL - fm.stringWidth(s)) / 2),
                    (float) (TOP + CELL * alphas.length + 18));
        }
        g.drawString("α (margin)", 10f, (float) (TOP - 8));
        String lambda = "λ (regularisation)";
        g.drawString(lambda, (float) (LEFT + (CELL * lambdas.length - fm.stringWidth(lambda)) / 2),
                (float) (TOP + CELL * alphas.length + 40));
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? Long.toString((long) v) : Double.toString(v);
    }
}
