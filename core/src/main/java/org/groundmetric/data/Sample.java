package org.groundmetric.data;

import java.util.List;
import java.util.Map;
import org.groundmetric.linalg.CellMatrix;

/**
 * One sample of the paper (a patient, a distribution): its cells as rows of a cells × features
 * matrix, and the class label every cell of it shares. A sample is a distribution over its cells:
 * uniform (every cell 1/n) unless it carries cell weights, as a summarised sample does (its rows
 * are centroids, each weighted by the share of the cells it stands for; {@link SampleSummary}).
 *
 * @param id              sample id, e.g. the donor
 * @param classLabel      the sample's class (disease state); may be null for unlabelled new samples
 * @param cells           cells × features, dense or sparse
 * @param cellIds         one id per cell (the obs index), same order as the rows
 * @param cellAnnotations other per-cell obs columns as strings (e.g. cell type), each of length rows
 * @param cellWeights     the mass of each row (non-negative, summing to 1), or null for uniform 1/n
 */
public record Sample(String id, String classLabel, CellMatrix cells, List<String> cellIds,
                     Map<String, List<String>> cellAnnotations, double[] cellWeights) {

    /** Total mass may differ from 1 by this much. */
    private static final double MASS_TOLERANCE = 1e-9;

    public Sample {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("a sample needs a non-empty id");
        }
        if (cells.rows() == 0) {
            throw new IllegalArgumentException("sample '" + id + "' has no cells");
        }
        if (cellIds.size() != cells.rows()) {
            throw new IllegalArgumentException("sample '" + id + "' has " + cells.rows() + " cells but "
                    + cellIds.size() + " cell ids");
        }
        for (Map.Entry<String, List<String>> e : cellAnnotations.entrySet()) {
            if (e.getValue().size() != cells.rows()) {
                throw new IllegalArgumentException("sample '" + id + "': annotation '" + e.getKey() + "' has "
                        + e.getValue().size() + " values for " + cells.rows() + " cells");
            }
        }
        if (cellWeights != null) {
            checkWeights(id, cellWeights, cells.rows());
        }
        cellIds = List.copyOf(cellIds);
        cellAnnotations = Map.copyOf(cellAnnotations);
    }

    /** A sample of equally weighted cells. */
    public Sample(String id, String classLabel, CellMatrix cells, List<String> cellIds,
                  Map<String, List<String>> cellAnnotations) {
        this(id, classLabel, cells, cellIds, cellAnnotations, null);
    }

    /** A sample with generated cell ids ("id:0", "id:1", …) and no annotations. */
    public static Sample of(String id, String classLabel, CellMatrix cells) {
        String[] ids = new String[cells.rows()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = id + ":" + i;
        }
        return new Sample(id, classLabel, cells, List.of(ids), Map.of());
    }

    public int cellCount() {
        return cells.rows();
    }

    /** True when the rows carry their own masses (a summarised sample), false for uniform cells. */
    public boolean weighted() {
        return cellWeights != null;
    }

    /** The mass of every row: the cell weights, or 1/n each (a new array either way). */
    public double[] masses() {
        if (cellWeights != null) {
            return cellWeights.clone();
        }
        double[] w = new double[cells.rows()];
        java.util.Arrays.fill(w, 1.0 / w.length);
        return w;
    }

    /** The same sample with other cells (e.g. after gene filtering); ids and annotations are kept. */
    public Sample withCells(CellMatrix newCells) {
        if (newCells.rows() != cells.rows()) {
            throw new IllegalArgumentException("withCells keeps the cells, only features may change: "
                    + cells.rows() + " rows expected, got " + newCells.rows());
        }
        return new Sample(id, classLabel, newCells, cellIds, cellAnnotations, cellWeights);
    }

    /**
     * The same sample with only the cells at {@code rows} (positions 0..n−1, in the order given),
     * their ids and annotations; refused for a summarised sample, whose rows are weighted centroids.
     */
    public Sample selectCells(int[] rows) {
        if (cellWeights != null) {
            throw new IllegalArgumentException("sample '" + id + "' is summarised (its rows are weighted centroids),"
                    + " so its cells cannot be selected");
        }
        List<String> ids = new java.util.ArrayList<>(rows.length);
        for (int r : rows) {
            ids.add(cellIds.get(r));
        }
        Map<String, List<String>> ann = new java.util.HashMap<>();
        cellAnnotations.forEach((k, v) -> {
            List<String> out = new java.util.ArrayList<>(rows.length);
            for (int r : rows) {
                out.add(v.get(r));
            }
            ann.put(k, out);
        });
        return new Sample(id, classLabel, cells.selectRows(rows), ids, ann);
    }

    private static void checkWeights(String id, double[] w, int rows) {
        if (w.length != rows) {
            throw new IllegalArgumentException("sample '" + id + "' has " + rows + " cells but " + w.length
                    + " cell weights");
        }
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            if (!(w[i] >= 0) || !Double.isFinite(w[i])) {
                throw new IllegalArgumentException("sample '" + id + "': cell weight " + i + " is " + w[i]
                        + "; weights must be finite and non-negative");
            }
            sum += w[i];
        }
        if (Math.abs(sum - 1) > MASS_TOLERANCE) {
            throw new IllegalArgumentException("sample '" + id + "': cell weights sum to " + sum
                    + "; a sample's weights must sum to 1");
        }
    }
}
