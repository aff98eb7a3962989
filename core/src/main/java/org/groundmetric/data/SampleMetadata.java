package org.groundmetric.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.groundmetric.data.io.Column;
import org.groundmetric.data.io.DataFrame;

/**
 * The cell table seen per sample: one row per sample, holding the obs columns whose value is the
 * same on every cell of each sample (the class label, donor metadata such as age or sex), in the
 * column's own kind (a categorical stays categorical), as a samples-level AnnData's obs. Columns
 * that vary within some sample (cell type, counts) are left out; so is the sample key, which is the
 * index.
 */
public final class SampleMetadata {

    private SampleMetadata() {
    }

    /**
     * @param obs       the cell table the samples were grouped from
     * @param sampleKey the obs column naming each cell's sample
     * @param sampleIds the samples wanted, in this order (each must have a cell in {@code obs})
     * @return one row per sample id, indexed by the ids
     */
    public static DataFrame of(DataFrame obs, String sampleKey, List<String> sampleIds) {
        Column samples = obs.column(sampleKey, "CohortBuilder.Spec.sampleKey", "sample key");
        Map<String, List<Integer>> rows = new HashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            String id = samples.text(i);
            if (id != null) {
                rows.computeIfAbsent(id, k -> new ArrayList<>()).add(i);
            }
        }
        int[] first = new int[sampleIds.size()];
        for (int s = 0; s < sampleIds.size(); s++) {
            List<Integer> r = rows.get(sampleIds.get(s));
            if (r == null) {
                throw new IllegalArgumentException("sample '" + sampleIds.get(s) + "' has no cell in the table");
            }
            first[s] = r.get(0);
        }
        Map<String, Column> kept = new LinkedHashMap<>();
        obs.columns().forEach((name, column) -> {
            if (!name.equals(sampleKey) && constantWithin(column, sampleIds, rows)) {
                kept.put(name, column.select(first));
            }
        });
        return new DataFrame(sampleIds, kept);
    }

    private static boolean constantWithin(Column column, List<String> sampleIds, Map<String, List<Integer>> rows) {
        for (String id : sampleIds) {
            List<Integer> r = rows.get(id);
            String value = column.text(r.get(0));
            for (int i = 1; i < r.size(); i++) {
                if (!Objects.equals(value, column.text(r.get(i)))) {
                    return false;
                }
            }
        }
        return true;
    }
}
