package org.groundmetric.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.groundmetric.IllegalParameterException;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Sample;

/**
 * The group of every cell of a cohort (its cell type, cluster or state), read from a per-cell
 * annotation; cells without a value form the group {@value #MISSING}. Groups are numbered in name
 * order, so the numbering does not depend on the order of the samples.
 *
 * @param names       the groups, sorted by name
 * @param groupOfCell per sample, the group number of each cell
 * @param cells       per group, its number of cells in the cohort
 */
public record CellGroups(List<String> names, int[][] groupOfCell, long[] cells) {

    /** The group of cells whose annotation is empty. */
    public static final String MISSING = "NA";

    public CellGroups {
        names = List.copyOf(names);
    }

    /**
     * @param key the annotation (obs column) naming each cell's group, e.g. cell_type
     * @throws IllegalParameterException when a sample's cells do not carry the annotation
     */
    public static CellGroups of(Cohort cohort, String key) {
        TreeMap<String, Integer> number = new TreeMap<>();
        for (Sample s : cohort.samples()) {
            for (String g : annotation(s, key)) {
                number.put(name(g), 0);
            }
        }
        List<String> names = new ArrayList<>(number.keySet());
        for (int g = 0; g < names.size(); g++) {
            number.put(names.get(g), g);
        }
        int[][] of = new int[cohort.size()][];
        long[] cells = new long[names.size()];
        for (int s = 0; s < cohort.size(); s++) {
            List<String> values = annotation(cohort.sample(s), key);
            of[s] = new int[values.size()];
            for (int i = 0; i < values.size(); i++) {
                of[s][i] = number.get(name(values.get(i)));
                cells[of[s][i]]++;
            }
        }
        return new CellGroups(names, of, cells);
    }

    /** How many groups there are. */
    public int size() {
        return names.size();
    }

    private static List<String> annotation(Sample s, String key) {
        Map<String, List<String>> annotations = s.cellAnnotations();
        List<String> values = annotations.get(key);
        if (values == null) {
            throw new IllegalParameterException("CellGroups.key", "the cells of sample '" + s.id() + "' carry no '"
                    + key + "' annotation (they carry " + annotations.keySet() + "); name a categorical obs column"
                    + " such as a cell type or cluster");
        }
        return values;
    }

    private static String name(String value) {
        return value == null || value.isEmpty() ? MISSING : value;
    }
}
