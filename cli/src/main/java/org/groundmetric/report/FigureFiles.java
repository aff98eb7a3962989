package org.groundmetric.report;

import de.erichseifert.vectorgraphics2d.Processor;
import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.groundmetric.data.io.OutputFiles;

/** Renders a {@link Figure} to PNG and SVG bytes, and writes {@code NAME.png} / {@code NAME.svg}. */
public final class FigureFiles {

    private FigureFiles() {
    }

    /** PNG bytes; drawn at twice the nominal size so text stays sharp on high-density screens. */
    public static byte[] png(Figure f) {
        int scale = 2;
        BufferedImage img = new BufferedImage(f.width() * scale, f.height() * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(scale, scale);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, f.width(), f.height());
            f.paint(g);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode PNG: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** SVG bytes (vector: scales without blur, text stays text). */
    public static byte[] svg(Figure f) {
        VectorGraphics2D g = new VectorGraphics2D();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, f.width(), f.height());
        f.paint(g);
        Processor svg = Processors.get("svg");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            svg.getDocument(g.getCommands(), new PageSize(0, 0, f.width(), f.height())).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode SVG: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Writes {@code dir/name.png} and {@code dir/name.svg}, both or neither; returns the two paths. */
    public static List<Path> write(Figure f, Path dir, String name) {
        try (OutputFiles files = new OutputFiles()) {
            List<Path> written = write(files, f, dir, name);
            files.commit();
            return written;
        }
    }

    /** As {@link #write(Figure, Path, String)}, as files of a larger set written all or nothing. */
    public static List<Path> write(OutputFiles files, Figure f, Path dir, String name) {
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");
        byte[] pngBytes = png(f);
        byte[] svgBytes = svg(f);
        files.write(png, out -> out.write(pngBytes));
        files.write(svg, out -> out.write(svgBytes));
        return List.of(png, svg);
    }
}
