package org.groundmetric.predict;

/**
 * Scores of predicted against true class labels, from the confusion matrix (rows = true class,
 * columns = predicted class), with scikit-learn's definitions: accuracy = trace / total; balanced
 * accuracy = mean over classes that occur in the truth of their recall.
 */
public record ClassificationScores(long[][] confusion) {

    public static ClassificationScores of(int[] truth, int[] predicted, int numClasses) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true labels but " + predicted.length + " predictions");
        }
        long[][] m = new long[numClasses][numClasses];
        for (int i = 0; i < truth.length; i++) {
            m[truth[i]][predicted[i]]++;
        }
        return new ClassificationScores(m);
    }

    public long total() {
        long n = 0;
        for (long[] row : confusion) {
            for (long v : row) {
                n += v;
            }
        }
        return n;
    }

    public double accuracy() {
        long correct = 0;
        for (int c = 0; c < confusion.length; c++) {
            correct += confusion[c][c];
        }
        return (double) correct / total();
    }

    /** Recall of class c: the share of its samples predicted as c; NaN when c is absent from the truth. */
    public double recall(int c) {
        long rowTotal = 0;
        for (long v : confusion[c]) {
            rowTotal += v;
        }
        return rowTotal == 0 ? Double.NaN : (double) confusion[c][c] / rowTotal;
    }

    /** Mean recall over the classes present in the truth (scikit-learn drops absent classes with a warning). */
    public double balancedAccuracy() {
        double sum = 0;
        int present = 0;
        for (int c = 0; c < confusion.length; c++) {
            long rowTotal = 0;
            for (long v : confusion[c]) {
                rowTotal += v;
            }
            if (rowTotal > 0) {
                sum += (double) confusion[c][c] / rowTotal;
                present++;
            }
        }
        return present == 0 ? Double.NaN : sum / present;
    }
}
