package org.groundmetric.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.groundmetric.IllegalParameterException;
import org.groundmetric.data.io.AnnData;
import org.groundmetric.data.io.Column;
import org.groundmetric.linalg.CellMatrix;

/**
 * Groups the cells of an {@link AnnData} into samples by an obs column (the sample key, e.g.
 * {@code donor_id}) and gives each sample its class label from another (the label key, e.g.
 * {@code disease}). Categorical obs columns other than the keys travel along as cell annotations.
 * A sample that keeps all its cells views them in a sparse X without copying them
 * ({@link CellMatrix#viewRows}), so a cohort built from a large file holds its cells once.
 */
public final class CohortBuilder {

    /** What to do when the cells of one sample carry different labels. */
    public enum LabelPolicy {
        /** Refuse: the sample key and the label key disagree about what a sample is. */
        STRICT,
        /** Take the most common label of the sample's cells (ties: alphabetically first), with a warning. */
        MAJORITY;

        /** The spelling of the command line: "strict", "majority". */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param sampleKey      obs column naming each cell's sample
     * @param labelKey       obs column with the class label; null for unlabelled samples
     * @param policy         how mixed labels within a sample are handled
     * @param labelsRequired true for commands that learn or evaluate (they need ≥ 2 classes)
     */
    public record Spec(String sampleKey, String labelKey, LabelPolicy policy, boolean labelsRequired) {
        public Spec {
            if (sampleKey == null || sampleKey.isBlank()) {
                throw new IllegalParameterException("CohortBuilder.Spec.sampleKey", "a sample key is needed:"
                        + " the obs column naming each cell's sample (e.g. donor_id)");
            }
            if (policy == null) {
                policy = LabelPolicy.STRICT;
            }
            if (labelsRequired && labelKey == null) {
                throw new IllegalParameterException("CohortBuilder.Spec.labelKey", "class labels are needed:"
                        + " name the obs column holding each sample's class (e.g. disease)");
            }
        }
    }

    private CohortBuilder() {
    }

    public static Cohort build(AnnData data, Spec spec, Consumer<String> warnings) {
        return build(data, spec, (id, rows) -> rows, warnings);
    }

    /**
     * Picks which cells of each sample to keep before copying them out of X, e.g.
     * {@link Preprocessing#sampleRows}; labels are decided on all of the sample's cells.
     */
    @FunctionalInterface
    public interface RowSelection {
        int[] select(String sampleId, int[] rows);
    }

    public static Cohort build(AnnData data, Spec spec, RowSelection selection, Consumer<String> warnings) {
        Column samples = data.obs().column(spec.sampleKey(), "CohortBuilder.Spec.sampleKey", "sample key");
        Column labels = spec.labelKey() == null ? null
                : data.obs().column(spec.labelKey(), "CohortBuilder.Spec.labelKey", "label key");
        Map<String, int[]> groups = group(samples, warnings, spec.sampleKey());
        if (groups.isEmpty()) {
            throw new IllegalParameterException("CohortBuilder.Spec.sampleKey", "sample key " + spec.sampleKey()
                    + " has no values: every cell is missing it");
        }
        Map<String, Column> annotations = new LinkedHashMap<>();
        data.obs().columns().forEach((name, c) -> {
            if (c instanceof Column.Categorical && !name.equals(spec.sampleKey())) {
                annotations.put(name, c);
            }
        });
        List<Sample> out = new ArrayList<>(groups.size());
        for (Map.Entry<String, int[]> g : groups.entrySet()) {
            String label = labels == null ? null : sampleLabel(g.getKey(), g.getValue(), labels, spec, warnings);
            int[] rows = selection.select(g.getKey(), g.getValue());
            List<String> cellIds = new ArrayList<>(rows.length);
            for (int r : rows) {
                cellIds.add(data.obs().index().get(r));
            }
            Map<String, List<String>> cellAnnotations = new LinkedHashMap<>();
            annotations.forEach((name, c) -> {
                String[] values = new String[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    values[i] = c.text(rows[i]);
                }
                cellAnnotations.put(name, Arrays.asList(values));
            });
            // Every cell of the sample: a view of X's rows (sparse X is then held once, not twice);
            // a subsample: a copy, so X need not outlive the cohort.
            CellMatrix cells = rows.length == g.getValue().length ? data.x().viewRows(rows) : data.x().selectRows(rows);
            out.add(new Sample(g.getKey(), label, cells, cellIds, cellAnnotations));
        }
        Cohort cohort = new Cohort(out, data.var().index());
        if (spec.labelsRequired()) {
            checkClasses(cohort, spec.labelKey());
        }
        return cohort;
    }

    /** Row indices per sample id, samples in order of first appearance; cells without a sample are dropped. */
    private static Map<String, int[]> group(Column samples, Consumer<String> warnings, String key) {
        Map<String, int[]> buffers = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        int missing = 0;
        for (int i = 0; i < samples.size(); i++) {
            String id = samples.text(i);
            if (id == null || id.isEmpty()) {
                missing++;
                continue;
            }
            int n = counts.getOrDefault(id, 0);
            int[] buf = buffers.get(id);
            if (buf == null || buf.length == n) {
                buf = buf == null ? new int[16] : Arrays.copyOf(buf, buf.length * 2);
                buffers.put(id, buf);
            }
            buf[n] = i;
            counts.put(id, n + 1);
        }
        if (missing > 0) {
            warnings.accept(missing + " cells have no value in the sample key " + key + " and were left out");
        }
        Map<String, int[]> out = new LinkedHashMap<>();
        buffers.forEach((id, buf) -> out.put(id, Arrays.copyOf(buf, counts.get(id))));
        return out;
    }

    private static String sampleLabel(String sample, int[] rows, Column labels, Spec spec, Consumer<String> warnings) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int r : rows) {
            String l = labels.text(r);
            if (l != null) {
                counts.merge(l, 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            if (spec.labelsRequired()) {
                throw new IllegalParameterException("CohortBuilder.Spec.labelKey", "sample '" + sample
                        + "' has no value in the label key " + spec.labelKey() + " on any of its " + rows.length
                        + " cells");
            }
            return null;
        }
        if (counts.size() == 1) {
            return counts.keySet().iterator().next();
        }
        List<Map.Entry<String, Integer>> byCount = new ArrayList<>(counts.entrySet());
        byCount.sort((a, b) -> Integer.compare(b.getValue(), a.getValue()));
        Map.Entry<String, Integer> first = byCount.get(0);
        Map.Entry<String, Integer> second = byCount.get(1);
        String mixed = "sample '" + sample + "' has cells labelled '" + first.getKey() + "' (" + first.getValue()
                + ") and '" + second.getKey() + "' (" + second.getValue() + ") in the label key " + spec.labelKey();
        if (spec.policy() == LabelPolicy.STRICT) {
            throw new IllegalParameterException("CohortBuilder.Spec.policy", mixed + "; a sample needs one label:"
                    + " check that the sample key names samples (e.g. donor_id, not cell_type), or take the"
                    + " majority label (label policy majority)");
        }
        warnings.accept(mixed + "; using the majority label '" + first.getKey() + "'");
        return first.getKey();
    }

    private static void checkClasses(Cohort cohort, String labelKey) {
        List<String> classes = cohort.classNames();
        if (classes.size() < 2) {
            throw new IllegalParameterException("CohortBuilder.Spec.labelKey", "label key " + labelKey
                    + " has only one class ("
                    + (classes.isEmpty() ? "none" : "'" + classes.get(0) + "'") + ") across the "
                    + cohort.size() + " samples; learning a metric needs at least two classes");
        }
    }
}
