package org.groundmetric.eval;

/**
 * How much a distance matrix between samples still tracks a batch: within each class, the chance
 * that a sample's class-mate from its own batch is nearer than a class-mate from another batch,
 * over every sample with class-mates in both (ties count one half). 0.5: the distances ignore the
 * batch; 1: within every class, every sample's own batch comes first. The score is a rank
 * statistic (the area under the ROC curve of "same batch" against distance), so it needs no
 * neighbour count and stays defined when a batch holds a single sample of a class.
 *
 * <p>Two forms: {@link #score} among one set of samples (each compared with the others), and
 * {@link #againstReference} for new samples compared with reference samples (e.g. validation
 * samples against the samples a metric was fitted on), one value per new sample.
 */
public final class BatchSeparation {

    /** The chance level: distances that ignore the batch. */
    public static final double CHANCE = 0.5;

    private BatchSeparation() {
    }

    /**
     * @param distances n×n distances between samples
     * @param classOf   class index of every sample
     * @param batchOf   batch index of every sample
     * @return the score, or NaN when no sample has class-mates in its own and in another batch
     */
    public static double score(double[][] distances, int[] classOf, int[] batchOf) {
        int n = classOf.length;
        if (distances.length != n || batchOf.length != n) {
            throw new IllegalArgumentException("batch separation needs " + n + "×" + n + " distances and " + n
                    + " batches; got " + distances.length + " rows and " + batchOf.length + " batches");
        }
        double[] rows = new double[n];
        for (int i = 0; i < n; i++) {
            rows[i] = row(distances[i], classOf[i], batchOf[i], classOf, batchOf, i);
        }
        return mean(rows);
    }

    /**
     * The score of each new sample against reference samples: within its class, the chance that a
     * reference class-mate from its own batch is nearer than one from another batch.
     *
     * @param distances      rows new samples, columns reference samples
     * @param classOf        class index of every new sample
     * @param batchOf        batch index of every new sample
     * @param referenceClass class index of every reference sample
     * @param referenceBatch batch index of every reference sample
     * @return one score per new sample, NaN where the references hold no class-mate of its own batch
     *         or none of another
     */
    public static double[] againstReference(double[][] distances, int[] classOf, int[] batchOf, int[] referenceClass,
                                            int[] referenceBatch) {
        int n = classOf.length;
        if (distances.length != n || batchOf.length != n || referenceClass.length != referenceBatch.length) {
            throw new IllegalArgumentException("batch separation against references needs one row, class and batch"
                    + " per new sample and one class and batch per reference; got " + distances.length + " rows, "
                    + n + " classes, " + batchOf.length + " batches, " + referenceClass.length + " reference classes, "
                    + referenceBatch.length + " reference batches");
        }
        double[] rows = new double[n];
        for (int i = 0; i < n; i++) {
            if (distances[i].length != referenceClass.length) {
                throw new IllegalArgumentException("row " + i + " holds " + distances[i].length + " distances for "
                        + referenceClass.length + " reference samples");
            }
            rows[i] = row(distances[i], classOf[i], batchOf[i], referenceClass, referenceBatch, -1);
        }
        return rows;
    }

    /** The mean of the defined (non-NaN) scores; NaN when none is. */
    public static double mean(double[] scores) {
        double sum = 0;
        int counted = 0;
        for (double s : scores) {
            if (!Double.isNaN(s)) {
                sum += s;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    /** One sample's chance (its distances {@code d}; {@code self}: its own column, or −1). */
    private static double row(double[] d, int cls, int batch, int[] classOf, int[] batchOf, int self) {
        double wins = 0;
        long pairs = 0;
        for (int a = 0; a < d.length; a++) {
            if (a == self || classOf[a] != cls || batchOf[a] != batch) {
                continue;
            }
            for (int b = 0; b < d.length; b++) {
                if (classOf[b] != cls || batchOf[b] == batch) {
                    continue;
                }
                wins += d[a] < d[b] ? 1 : d[a] == d[b] ? 0.5 : 0;
                pairs++;
            }
        }
        return pairs == 0 ? Double.NaN : wins / pairs;
    }
}
