package org.groundmetric.data;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.groundmetric.IllegalParameterException;

/**
 * The batch (site, chemistry, processing day) of every sample of a cohort, read from a cell
 * annotation that is the same on all cells of a sample (e.g. obs {@code batch}).
 *
 * @param key     the cell annotation naming the batch
 * @param names   the distinct batches, sorted
 * @param batchOf index into {@code names} of every sample, in cohort order
 */
public record SampleBatches(String key, List<String> names, int[] batchOf) {

    /** The setting a batch key is, as the Java API names it (for front ends to map to their own name). */
    public static final String PARAMETER = "BatchCorrection.batchKey";

    public SampleBatches {
        names = List.copyOf(names);
        batchOf = batchOf.clone();
    }

    /**
     * Reads each sample's batch from the annotation {@code key}.
     *
     * @throws IllegalParameterException when a cell lacks the annotation or a sample's cells are in two batches
     */
    public static SampleBatches of(Cohort cohort, String key) {
        String[] batch = new String[cohort.size()];
        for (int s = 0; s < cohort.size(); s++) {
            Sample sample = cohort.sample(s);
            List<String> values = sample.cellAnnotations().get(key);
            if (values == null) {
                throw new IllegalParameterException(PARAMETER, "batch key " + key + " is not a categorical cell"
                        + " annotation of the data; expected an obs column naming each sample's batch (e.g. batch, site)");
            }
            for (String v : values) {
                if (v == null || v.isEmpty()) {
                    throw new IllegalParameterException(PARAMETER, "sample '" + sample.id() + "' has cells without a"
                            + " value in the batch key " + key + "; every cell needs its batch");
                }
                if (!v.equals(values.get(0))) {
                    throw new IllegalParameterException(PARAMETER, "sample '" + sample.id() + "' has cells in batches '"
                            + values.get(0) + "' and '" + v + "' of the batch key " + key + "; a batch holds whole"
                            + " samples (check that the key names batches, not cell types)");
                }
            }
            batch[s] = values.get(0);
        }
        List<String> names = new ArrayList<>(new TreeSet<>(List.of(batch)));
        int[] batchOf = new int[batch.length];
        for (int s = 0; s < batch.length; s++) {
            batchOf[s] = names.indexOf(batch[s]);
        }
        return new SampleBatches(key, names, batchOf);
    }

    /** Number of samples of class c in batch b, [class][batch]. */
    public int[][] counts(int[] classOf, int classes) {
        int[][] n = new int[classes][names.size()];
        for (int s = 0; s < classOf.length; s++) {
            n[classOf[s]][batchOf[s]]++;
        }
        return n;
    }

    /**
     * Refuses a batch that cannot be told apart from the class: a single batch (nothing to correct),
     * or no class with samples in two batches (each batch then holds classes no other batch has, so
     * nothing can be learned apart from it).
     */
    public void requireSeparableFrom(int[] classOf, int classes) {
        if (names.size() < 2) {
            throw new IllegalParameterException(PARAMETER, "batch key " + key + " has a single batch ('" + names.get(0)
                    + "'); there is no batch effect to keep out of the metric");
        }
        int[][] n = counts(classOf, classes);
        for (int[] row : n) {
            int present = 0;
            for (int count : row) {
                present += count > 0 ? 1 : 0;
            }
            if (present >= 2) {
                return;
            }
        }
        throw new IllegalParameterException(PARAMETER, "every class of the batch key " + key + " lies in a single"
                + " batch, so the batch cannot be told apart from the class; a batch-aware metric needs a class"
                + " with samples in two batches");
    }
}
