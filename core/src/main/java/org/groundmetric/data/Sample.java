package org.groundmetric.data;

import java.util.List;
import java.util.Map;
import org.groundmetric.linalg.CellMatrix;

/**
 * One sample of the paper (a patient, a distribution): its cells as rows of a cells × features
 * matrix, and the class label every cell of it shares.
 *
 * @param id              sample id, e.g. the donor
 * @param classLabel      the sample's class (disease state); may be null for unlabelled new samples
 * @param cells           cells × features, dense or sparse
 * @param cellIds         one id per cell (the obs index), same order as the rows
 * @param cellAnnotations other per-cell obs columns as strings (e.g. cell type), each of length rows
 */
public record Sample(String id, String classLabel, CellMatrix cells, List<String> cellIds,
                     Map<String, List<String>> cellAnnotations) {

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
        cellIds = List.copyOf(cellIds);
        cellAnnotations = Map.copyOf(cellAnnotations);
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

    /** The same sample with other cells (e.g. after gene filtering); ids and annotations are kept. */
    public Sample withCells(CellMatrix newCells) {
        if (newCells.rows() != cells.rows()) {
            throw new IllegalArgumentException("withCells keeps the cells, only features may change: "
                    + cells.rows() + " rows expected, got " + newCells.rows());
        }
        return new Sample(id, classLabel, newCells, cellIds, cellAnnotations);
    }
}
