package org.groundmetric.report;

import java.awt.Graphics2D;

/**
 * A picture that can paint itself at a fixed size onto any Graphics2D, so one drawing gives both
 * the PNG (a raster Graphics2D) and the SVG (VectorGraphics2D). XChart charts and our own Java2D
 * drawings (heatmap with dendrogram) are both figures.
 */
public interface Figure {

    int width();

    int height();

    /** Paints the whole figure into the rectangle (0, 0, width, height). */
    void paint(Graphics2D g);
}
