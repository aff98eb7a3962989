package org.groundmetric.data.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.groundmetric.linalg.CsrMatrix;

/**
 * Reads a 10x Genomics matrix directory (Cell Ranger ≥ 3: {@code matrix.mtx.gz},
 * {@code features.tsv.gz}, {@code barcodes.tsv.gz}; Cell Ranger 2: uncompressed with
 * {@code genes.tsv}). The matrix file is genes × cells; we store cells × genes, CSR. Features are
 * named by gene symbol (made unique as scanpy does) with the ids in var column {@code gene_ids}.
 * Cell metadata (sample, label…) comes from a CSV/TSV table whose first column is the barcode: the
 * given file, else {@code obs.tsv}/{@code obs.csv}/{@code metadata.tsv}/{@code metadata.csv} (optionally .gz) in the directory.
 */
public final class TenXReader {

    private static final String[] METADATA_NAMES = {"obs", "metadata", "cell_metadata"};

    private TenXReader() {
    }

    public static boolean isTenXDirectory(Path dir) {
        return Files.isDirectory(dir) && find(dir, "matrix.mtx") != null;
    }

    public static AnnData read(Path dir, Path cellMetadata) {
        Path matrix = find(dir, "matrix.mtx");
        Path barcodesFile = find(dir, "barcodes.tsv");
        Path featuresFile = find(dir, "features.tsv");
        if (featuresFile == null) {
            featuresFile = find(dir, "genes.tsv");
        }
        if (matrix == null || barcodesFile == null || featuresFile == null) {
            throw new IllegalArgumentException(dir + " is not a complete 10x matrix directory: it needs matrix.mtx[.gz],"
                    + " barcodes.tsv[.gz] and features.tsv[.gz] (or genes.tsv)");
        }
        List<String> barcodes = firstColumns(barcodesFile, 1).get(0);
        List<List<String>> features = firstColumns(featuresFile, 3);
        CsrMatrix x = readMatrix(matrix, features.get(0).size(), barcodes.size());
        List<String> symbols = features.get(1).isEmpty() ? features.get(0) : features.get(1);
        Map<String, Column> varCols = new LinkedHashMap<>();
        varCols.put("gene_ids", new Column.Strings(features.get(0).toArray(new String[0])));
        if (!features.get(2).isEmpty()) {
            varCols.put("feature_types", Column.Categorical.of(features.get(2)));
        }
        DataFrame var = new DataFrame(unique(symbols), varCols);
        Path meta = cellMetadata != null ? cellMetadata : findMetadata(dir);
        DataFrame obs = meta == null ? DataFrame.ofIndex(barcodes) : joinMetadata(barcodes, meta);
        return AnnData.of(x, obs, var);
    }

    private static CsrMatrix readMatrix(Path file, int genes, int cells) {
        try (BufferedReader in = DelimitedText.open(file)) {
            String header = in.readLine();
            if (header == null || !header.startsWith("%%MatrixMarket matrix coordinate")) {
                throw new IllegalArgumentException(file + " is not a MatrixMarket coordinate file (first line: " + header + ")");
            }
            boolean pattern = header.contains("pattern");
            String line = in.readLine();
            while (line != null && line.startsWith("%")) {
                line = in.readLine();
            }
            if (line == null) {
                throw new IllegalArgumentException(file + " ends before its size line");
            }
            String[] size = line.trim().split("\\s+");
            if (size.length != 3) {
                throw new IllegalArgumentException(file + ": the size line '" + line + "' should hold three numbers:"
                        + " genes, cells, entries");
            }
            int rows = count(size[0], file, line);
            int cols = count(size[1], file, line);
            int nnz = count(size[2], file, line);
            if (rows != genes || cols != cells) {
                throw new IllegalArgumentException(file + " is " + rows + " genes × " + cols + " cells but the directory names "
                        + genes + " features and " + cells + " barcodes");
            }
            int[] cell = new int[nnz];
            int[] gene = new int[nnz];
            float[] value = new float[nnz];
            for (int e = 0; e < nnz; e++) {
                line = in.readLine();
                if (line == null) {
                    throw new IllegalArgumentException(file + " is truncated: " + e + " of " + nnz + " entries");
                }
                try {
                    int a = nextSpace(line, 0);
                    int b = nextSpace(line, a + 1);
                    gene[e] = Integer.parseInt(line, 0, a, 10) - 1;
                    cell[e] = Integer.parseInt(line, a + 1, b, 10) - 1;
                    value[e] = pattern ? 1f : Float.parseFloat(line.substring(b + 1).trim());
                } catch (NumberFormatException | IndexOutOfBoundsException bad) {
                    throw new IllegalArgumentException(file + " entry " + (e + 1) + " ('" + line + "') is not"
                            + (pattern ? " 'gene cell'" : " 'gene cell value'") + " in numbers");
                }
                if (gene[e] < 0 || gene[e] >= genes || cell[e] < 0 || cell[e] >= cells) {
                    throw new IllegalArgumentException(file + " entry " + (e + 1) + " (" + line + ") is outside "
                            + genes + " × " + cells);
                }
            }
            return SparseAssembly.fromTriplets(cells, genes, cell, gene, value);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static int count(String text, Path file, String line) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(file + ": the size line '" + line + "' should hold three counts ≥ 0");
    }

    private static int nextSpace(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) != ' ' && s.charAt(i) != '\t') {
            i++;
        }
        return i;
    }

    /** The first {@code count} tab-separated columns (empty lists for absent columns); no header. */
    private static List<List<String>> firstColumns(Path file, int count) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new ArrayList<>());
        }
        try (BufferedReader in = DelimitedText.open(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split("\t");
                for (int i = 0; i < count && i < f.length; i++) {
                    out.get(i).add(f[i]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static DataFrame joinMetadata(List<String> barcodes, Path meta) {
        TextTable t = TextTable.read(meta);
        Map<String, Integer> row = new HashMap<>();
        for (int i = 0; i < t.rows().size(); i++) {
            row.put(t.rows().get(i)[0], i);
        }
        int[] order = new int[barcodes.size()];
        int missing = 0;
        for (int i = 0; i < order.length; i++) {
            Integer r = row.get(barcodes.get(i));
            if (r == null) {
                missing++;
            }
            order[i] = r == null ? -1 : r;
        }
        if (missing > 0) {
            throw new IllegalArgumentException(meta + " has no row for " + missing + " of " + barcodes.size()
                    + " barcodes (e.g. " + barcodes.get(java.util.stream.IntStream.range(0, order.length)
                    .filter(i -> order[i] < 0).findFirst().orElse(0)) + "); its first column must hold the barcodes");
        }
        Map<String, Column> cols = new LinkedHashMap<>();
        for (int j = 1; j < t.header().size(); j++) {
            String[] values = new String[order.length];
            for (int i = 0; i < order.length; i++) {
                values[i] = t.rows().get(order[i])[j];
            }
            cols.put(t.header().get(j), TextTable.metadataColumn(values));
        }
        return new DataFrame(barcodes, cols);
    }

    private static Path findMetadata(Path dir) {
        for (String base : METADATA_NAMES) {
            for (String ext : new String[] {".tsv", ".csv"}) {
                Path p = find(dir, base + ext);
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }

    private static Path find(Path dir, String name) {
        Path plain = dir.resolve(name);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gz = dir.resolve(name + ".gz");
        return Files.isRegularFile(gz) ? gz : null;
    }

    private static List<String> unique(List<String> names) {
        List<String> out = new ArrayList<>(names.size());
        Map<String, Integer> seen = new HashMap<>();
        for (String n : names) {
            int c = seen.merge(n, 1, Integer::sum);
            out.add(c == 1 ? n : n + "-" + (c - 1));
        }
        return out;
    }
}
