package org.groundmetric.data.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.groundmetric.IllegalParameterException;
import org.groundmetric.linalg.DenseMatrix;

/**
 * Reads a CSV/TSV table with one cell per row: feature columns (numbers) plus metadata columns.
 * A first column named "", cell, cell_id, barcode, obs_names or index is the cell index. A column is
 * metadata when it is named in {@code metadataColumns} (the sample and label keys, which may well be
 * numeric ids) or when most of its values are not numbers (a cell type, a donor name); every other
 * column is a feature. A feature column whose values are mostly numbers but one is not is refused
 * naming the line and the column: reading it as metadata would make the gene disappear silently.
 * Missing values (empty, NA, NaN) and ±Inf in a feature column go to {@link NonFiniteCells}.
 */
public final class DelimitedReader {

    private static final Set<String> INDEX_NAMES = Set.of("", "cell", "cell_id", "barcode", "obs_names", "index");

    private DelimitedReader() {
    }

    /** Reads refusing non-finite feature values. */
    public static AnnData read(Path file, Set<String> metadataColumns) {
        return read(file, metadataColumns, CellDataReader.NonFiniteValues.REFUSE, w -> { });
    }

    public static AnnData read(Path file, Set<String> metadataColumns, CellDataReader.NonFiniteValues nonFinite,
                               Consumer<String> warnings) {
        TextTable t = TextTable.read(file);
        int n = t.rows().size();
        if (n == 0) {
            throw new IllegalArgumentException(file + " has a header but no cells");
        }
        boolean hasIndex = INDEX_NAMES.contains(t.header().get(0).toLowerCase(java.util.Locale.ROOT));
        List<String> index = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            index.add(hasIndex ? t.rows().get(i)[0] : Integer.toString(i));
        }
        List<Integer> featureCols = new ArrayList<>();
        Map<String, Column> obs = new LinkedHashMap<>();
        for (int j = hasIndex ? 1 : 0; j < t.header().size(); j++) {
            String name = t.header().get(j);
            if (metadataColumns.contains(name) || !mostlyNumbers(t, j)) {
                String[] values = new String[n];
                for (int i = 0; i < n; i++) {
                    values[i] = t.rows().get(i)[j];
                }
                obs.put(name, TextTable.metadataColumn(values));
            } else {
                featureCols.add(j);
            }
        }
        if (featureCols.isEmpty()) {
            throw new IllegalArgumentException(file + " has no numeric feature columns; columns: " + String.join(", ", t.header()));
        }
        int d = featureCols.size();
        float[] x = new float[n * d];
        List<String> features = new ArrayList<>(d);
        for (int c = 0; c < d; c++) {
            int j = featureCols.get(c);
            features.add(t.header().get(j));
            for (int i = 0; i < n; i++) {
                Double v = TextTable.number(t.rows().get(i)[j]);
                if (v == null) {
                    throw new IllegalParameterException("CellDataReader.Request.metadataColumns", file + " line "
                            + t.lines()[i] + ", column '" + t.header().get(j) + "': '" + t.rows().get(i)[j]
                            + "' is not a number, but the column's other values are: fix the value, or declare the"
                            + " column as cell metadata");
                }
                x[i * d + c] = v.floatValue();
            }
        }
        AnnData a = AnnData.of(new DenseMatrix(n, d, x), new DataFrame(index, obs), DataFrame.ofIndex(features));
        return NonFiniteCells.apply(a, nonFinite, i -> file.getFileName() + " line " + t.lines()[i], warnings);
    }

    /** A feature column: more than half of its present values are numbers (and at least one is). */
    private static boolean mostlyNumbers(TextTable t, int j) {
        int numbers = 0;
        int present = 0;
        for (String[] row : t.rows()) {
            if (TextTable.missing(row[j])) {
                continue;
            }
            present++;
            if (TextTable.number(row[j]) != null) {
                numbers++;
            }
        }
        return numbers > 0 && 2 * numbers > present;
    }
}
