package org.groundmetric.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.groundmetric.data.io.DelimitedText;

/**
 * Reads the small text files of {@code groundmetric emd}: points (one per row, comma or tab
 * separated, an optional header line of non-numbers) and weights (one number per line).
 */
final class PointFile {
    private PointFile() {
    }

    /** One point per row; all rows must have the same number of coordinates. */
    static double[][] readPoints(Path file) {
        List<String> lines = lines(file);
        List<double[]> rows = new ArrayList<>();
        int dim = -1;
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split(line.indexOf('\t') >= 0 ? "\t" : ",", -1);
            if (rows.isEmpty() && dim < 0 && !isNumber(fields[0].strip())) {
                dim = 0;   // a header line: skipped, only the first non-empty line may be one
                continue;
            }
            double[] p = new double[fields.length];
            for (int k = 0; k < fields.length; k++) {
                p[k] = number(file, ln, fields[k].strip());
            }
            if (!rows.isEmpty() && p.length != rows.get(0).length) {
                throw new IllegalArgumentException(file + " line " + (ln + 1) + " has " + p.length
                        + " coordinates but the first point has " + rows.get(0).length
                        + "; every row must be one point with the same number of columns");
            }
            rows.add(p);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no points; expected one point per line, e.g. 0.1,2.5,3");
        }
        return rows.toArray(new double[0][]);
    }

    /** One non-negative weight per line. */
    static double[] readWeights(Path file) {
        List<String> lines = lines(file);
        List<Double> w = new ArrayList<>();
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln).strip();
            if (!line.isEmpty()) {
                w.add(number(file, ln, line));
            }
        }
        if (w.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no weights; expected one number per line");
        }
        double[] out = new double[w.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = w.get(k);
        }
        return out;
    }

    /** The file's lines without a byte-order mark (else "\uFEFF1.5" would look like a header and drop a point). */
    private static List<String> lines(Path file) {
        return DelimitedText.lines(file);
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double number(Path file, int line, String field) {
        double v;
        try {
            v = Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " line " + (line + 1) + ": '" + field
                    + "' is not a number; expected numbers separated by commas or tabs");
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(file + " line " + (line + 1) + ": '" + field
                    + "' is not a finite number");
        }
        return v;
    }
}
