package org.groundmetric.learn;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.groundmetric.data.Preprocessing;

/**
 * The field-by-field checks of a {@link TrainedMetric}, whether trained here or read from a model
 * file someone may have edited: every number finite, every length consistent (W is rank × D, one
 * scale and one name per feature, weights as their {@link ModelKind} says, PCA axes as long as their mean), no missing values, unique feature
 * names (genes are matched by name). A failure is one {@link IllegalArgumentException} naming the
 * field as the JSON file spells it, e.g. {@code weights[1][3]}.
 */
final class ModelChecks {

    private ModelChecks() {
    }

    static void require(int formatVersion, String kind, int rank, double[][] weights, List<String> featureNames,
                        Preprocessing preprocessing, List<String> classNames, double[] featureScales,
                        List<EpochRecord> history, List<ReferenceSample> reference) {
        if (formatVersion != TrainedMetric.FORMAT_VERSION) {
            throw new IllegalArgumentException("formatVersion is " + formatVersion + "; this groundmetric reads model"
                    + " format version " + TrainedMetric.FORMAT_VERSION);
        }
        ModelKind modelKind = ModelKind.named(kind);
        names("featureNames", featureNames, true);
        int d = featureNames.size();
        if (d == 0) {
            throw new IllegalArgumentException("featureNames is empty; a model acts on at least one feature");
        }
        modelKind.checkWeights(rank, weights, d);
        if (featureScales != null) {
            numbers("featureScales", featureScales, d, "one per feature");
            for (int j = 0; j < d; j++) {
                if (!(featureScales[j] > 0)) {
                    throw new IllegalArgumentException("featureScales[" + j + "] is " + featureScales[j]
                            + "; expected a positive number");
                }
            }
        }
        names("classNames", classNames, true);
        if (history != null) {
            for (int e = 0; e < history.size(); e++) {
                EpochRecord r = history.get(e);
                if (r == null || !Double.isFinite(r.loss()) || !Double.isFinite(r.seconds())
                        || !Double.isFinite(r.activeFraction())) {
                    throw new IllegalArgumentException("history[" + e + "] " + (r == null ? "is null"
                            : "holds a number that is not finite (loss " + r.loss() + ")")
                            + "; every epoch record needs finite numbers");
                }
            }
        }
        if (preprocessing != null) {
            preprocessing(preprocessing, featureNames);
        }
        if (reference != null) {
            for (int s = 0; s < reference.size(); s++) {
                ReferenceSample r = reference.get(s);
                if (r == null) {
                    throw new IllegalArgumentException("reference[" + s + "] is null; expected a sample");
                }
                if (r.rank() != rank) {
                    throw new IllegalArgumentException("reference[" + s + "] ('" + r.id() + "') has " + r.rank()
                            + " coordinates per cell; expected the model's rank " + rank);
                }
                for (int c = 0; c < r.cells().length; c++) {
                    for (float v : r.cells()[c]) {
                        if (!Float.isFinite(v)) {
                            throw new IllegalArgumentException("reference[" + s + "].cells[" + c + "] holds " + v
                                    + "; expected finite numbers");
                        }
                    }
                }
                double[] masses = r.weights();
                for (int c = 0; masses != null && c < masses.length; c++) {
                    if (!(masses[c] >= 0) || !Double.isFinite(masses[c])) {
                        throw new IllegalArgumentException("reference[" + s + "].weights[" + c + "] is " + masses[c]
                                + "; expected a finite mass ≥ 0");
                    }
                }
            }
        }
    }

    /** The recorded preprocessing must be replayable and give the model's features. */
    private static void preprocessing(Preprocessing p, List<String> featureNames) {
        if (p.keptGenes() != null) {
            names("preprocessing.keptGenes", p.keptGenes(), true);
        }
        if (p.pca() == null) {
            if (p.pcaMean() != null || p.pcaComponents() != null) {
                throw new IllegalArgumentException("preprocessing has pcaMean/pcaComponents but no pca count");
            }
            if (p.keptGenes() != null && !p.keptGenes().equals(featureNames)) {
                throw new IllegalArgumentException("preprocessing.keptGenes (" + p.keptGenes().size() + " genes)"
                        + " differ from featureNames (" + featureNames.size() + "); the model's features are the kept"
                        + " genes, in order");
            }
            return;
        }
        if (p.pcaMean() == null || p.pcaComponents() == null) {
            throw new IllegalArgumentException("preprocessing.pca is " + p.pca() + " but pcaMean or pcaComponents"
                    + " is missing");
        }
        int genes = p.pcaMean().length;
        numbers("preprocessing.pcaMean", p.pcaMean(), p.keptGenes() != null ? p.keptGenes().size() : genes,
                "one per kept gene");
        if (p.pcaComponents().length != p.pca()) {
            throw new IllegalArgumentException("preprocessing.pcaComponents has " + p.pcaComponents().length
                    + " rows; expected pca = " + p.pca());
        }
        for (int c = 0; c < p.pca(); c++) {
            numbers("preprocessing.pcaComponents[" + c + "]", p.pcaComponents()[c], genes, "one per gene of pcaMean");
        }
        if (featureNames.size() != p.pca()) {
            throw new IllegalArgumentException("featureNames has " + featureNames.size() + " names; after a PCA of "
                    + p.pca() + " components the model's features are those components");
        }
    }

    static void numbers(String field, double[] values, int expected, String what) {
        if (values == null) {
            throw new IllegalArgumentException(field + " is missing; expected " + expected + " numbers (" + what + ")");
        }
        if (values.length != expected) {
            throw new IllegalArgumentException(field + " has " + values.length + " values; expected " + expected
                    + " (" + what + ")");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(field + "[" + i + "] is " + values[i] + "; expected a finite number");
            }
        }
    }

    /** Present, no null entry, and (when {@code unique}) no name twice. */
    private static void names(String field, List<String> names, boolean unique) {
        if (names == null) {
            throw new IllegalArgumentException(field + " is missing; expected a list of names");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (n == null) {
                throw new IllegalArgumentException(field + "[" + i + "] is null; expected a name");
            }
            Integer first = seen.put(n, i);
            if (unique && first != null) {
                throw new IllegalArgumentException(field + "[" + i + "] repeats '" + n + "' (also at " + first
                        + "); names must be unique, since data is matched to them by name");
            }
        }
    }
}
