package org.groundmetric.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.groundmetric.data.io.DelimitedText;

/**
 * The cells a per-cell correctness table marks as reliably classified (the paper's Fig. 3 keeps
 * the cells "correctly classified in at least 90 % of the splits"): every row of a table with
 * columns {@code sample}, {@code cell} and {@code fraction_correct} (as the benchmark writes it)
 * whose fraction is at least {@code minFraction}. {@link #apply} keeps only those cells of a
 * cohort; samples left without a cell are dropped.
 *
 * @param file        the table (tab-separated; comma-separated for .csv)
 * @param minFraction the least fraction of splits in which a kept cell was classified right, in [0, 1]
 */
public record CellSelection(Path file, double minFraction) {

    /** The column of the sample id. */
    public static final String SAMPLE = "sample";
    /** The column of the cell id (the obs name). */
    public static final String CELL = "cell";
    /** The column of the fraction of splits in which the cell was classified right. */
    public static final String FRACTION = "fraction_correct";
    /** The paper's threshold: right in at least 90 % of the splits. */
    public static final double PAPER_THRESHOLD = 0.9;

    public CellSelection {
        if (!(minFraction >= 0 && minFraction <= 1)) {
            throw new IllegalArgumentException("the least fraction of splits correct is " + minFraction
                    + "; expected a number in [0, 1] such as 0.9");
        }
    }

    /**
     * Parses {@code FILE[:MIN]}: the table and the least fraction (default {@link #PAPER_THRESHOLD}),
     * e.g. {@code cells.tsv:0.9}. A suffix after the last ':' that is not a number is part of the file name.
     */
    public static CellSelection parse(String spec) {
        int colon = spec.lastIndexOf(':');
        if (colon > 0) {
            String tail = spec.substring(colon + 1);
            try {
                return new CellSelection(Path.of(spec.substring(0, colon)), Double.parseDouble(tail));
            } catch (NumberFormatException notAThreshold) {
                // a colon inside the file name
            }
        }
        return new CellSelection(Path.of(spec), PAPER_THRESHOLD);
    }

    /** The selected cell ids of every sample the table names (samples with none selected map to an empty set). */
    public Map<String, Set<String>> selected() {
        List<DelimitedText.Row> rows = DelimitedText.rows(file, DelimitedText.separator(file));
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("cell table " + file + " is empty; expected a header with columns "
                    + SAMPLE + ", " + CELL + ", " + FRACTION + " (as benchmark writes it)");
        }
        String[] header = rows.get(0).fields();
        int sample = column(header, SAMPLE);
        int cell = column(header, CELL);
        int fraction = column(header, FRACTION);
        Map<String, Set<String>> out = new HashMap<>();
        for (DelimitedText.Row row : rows.subList(1, rows.size())) {
            String[] f = row.fields();
            if (f.length != header.length) {
                throw new IllegalArgumentException("cell table " + file + " line " + row.line() + " has " + f.length
                        + " fields, the header " + header.length);
            }
            double v;
            try {
                v = Double.parseDouble(f[fraction]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("cell table " + file + " line " + row.line() + ": " + FRACTION
                        + " '" + f[fraction] + "' is not a number");
            }
            Set<String> cells = out.computeIfAbsent(f[sample], k -> new HashSet<>());
            if (v >= minFraction) {
                cells.add(f[cell]);
            }
        }
        return out;
    }

    /**
     * The cohort with only the selected cells, in their order; refuses a table naming a cell its
     * sample does not have (another input or other preprocessing), a table naming none of the
     * cohort's samples, and a selection that keeps no cell.
     */
    public Cohort apply(Cohort cohort) {
        Map<String, Set<String>> selected = selected();
        List<Sample> kept = new ArrayList<>();
        boolean anyNamed = false;
        for (Sample s : cohort.samples()) {
            Set<String> cells = selected.get(s.id());
            if (cells == null) {
                continue;
            }
            anyNamed = true;
            Set<String> ids = new HashSet<>(s.cellIds());
            for (String c : cells) {
                if (!ids.contains(c)) {
                    throw new IllegalArgumentException("cell table " + file + " names cell '" + c + "' of sample '"
                            + s.id() + "', which the input does not hold there; read the same input with the same"
                            + " preprocessing (cells per sample, seed, filters) as the benchmark that wrote the table");
                }
            }
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < s.cellCount(); i++) {
                if (cells.contains(s.cellIds().get(i))) {
                    rows.add(i);
                }
            }
            if (!rows.isEmpty()) {
                kept.add(s.selectCells(rows.stream().mapToInt(Integer::intValue).toArray()));
            }
        }
        if (!anyNamed) {
            throw new IllegalArgumentException("cell table " + file + " names none of the input's "
                    + cohort.size() + " samples (e.g. '" + cohort.sample(0).id() + "'); is it from another input?");
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "no cell of cell table %s has %s ≥ %s;"
                    + " lower the threshold", file, FRACTION, minFraction));
        }
        return new Cohort(kept, cohort.featureNames());
    }

    private int column(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("cell table " + file + " has no column '" + name + "' (columns: "
                + String.join(", ", header) + "); expected the per-cell correctness table a benchmark writes");
    }
}
