package org.groundmetric.report;

import java.awt.Color;

/**
 * Colours that colour-blind readers can tell apart. Categories use the Okabe–Ito palette (Okabe &amp;
 * Ito 2008), ordered so the first colours are the most distinct on white (yellow late, black last);
 * continuous values use viridis, which is perceptually uniform and readable in grey.
 */
public final class Palette {

    private static final Color[] OKABE_ITO = {
        new Color(0x0072B2), // blue
        new Color(0xE69F00), // orange
        new Color(0x009E73), // bluish green
        new Color(0xD55E00), // vermillion
        new Color(0x56B4E9), // sky blue
        new Color(0xCC79A7), // reddish purple
        new Color(0xF0E442), // yellow
        new Color(0x000000), // black
    };

    // viridis at 9 evenly spaced stops (matplotlib's table); linear interpolation between them.
    private static final int[] VIRIDIS = {
        0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5EC962, 0xADDC30, 0xFDE725
    };

    private Palette() {
    }

    /** Number of distinct category colours before they repeat (markers then tell repeats apart). */
    public static int categoryColours() {
        return OKABE_ITO.length;
    }

    /** The colour of category i (cycling after {@link #categoryColours()}). */
    public static Color category(int i) {
        return OKABE_ITO[Math.floorMod(i, OKABE_ITO.length)];
    }

    /** viridis at t ∈ [0, 1] (clamped). */
    public static Color viridis(double t) {
        double x = Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t)) * (VIRIDIS.length - 1);
        int i = Math.min((int) x, VIRIDIS.length - 2);
        double f = x - i;
        Color a = new Color(VIRIDIS[i]);
        Color b = new Color(VIRIDIS[i + 1]);
        return new Color(
                (int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    /** CSS hex of a colour, e.g. "#0072B2". */
    public static String hex(Color c) {
        return String.format("#%02X%02X%02X", c.getRed(), c.getGreen(), c.getBlue());
    }
}
