package org.groundmetric.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Samples that share one feature space (genes, or an embedding's columns), plus the feature names.
 * Immutable: preprocessing returns a new cohort.
 *
 * @param samples      the samples, in a stable order (the order of first appearance in the input)
 * @param featureNames one name per feature column
 */
public record Cohort(List<Sample> samples, List<String> featureNames) {

    public Cohort {
        samples = List.copyOf(samples);
        featureNames = List.copyOf(featureNames);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a cohort needs at least one sample");
        }
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (Sample s : samples) {
            if (s.cells().cols() != featureNames.size()) {
                throw new IllegalArgumentException("sample '" + s.id() + "' has " + s.cells().cols()
                        + " features but the cohort names " + featureNames.size());
            }
            if (seen.put(s.id(), Boolean.TRUE) != null) {
                throw new IllegalArgumentException("sample id '" + s.id() + "' occurs twice in the cohort");
            }
        }
    }

    public int size() {
        return samples.size();
    }

    public Sample sample(int index) {
        return samples.get(index);
    }

    public int featureCount() {
        return featureNames.size();
    }

    public long cellCount() {
        long n = 0;
        for (Sample s : samples) {
            n += s.cellCount();
        }
        return n;
    }

    /** Distinct class labels, sorted (so class indices are stable across runs). */
    public List<String> classNames() {
        TreeSet<String> names = new TreeSet<>();
        for (Sample s : samples) {
            if (s.classLabel() != null) {
                names.add(s.classLabel());
            }
        }
        return List.copyOf(names);
    }

    /** Class index of every sample into {@link #classNames()}; -1 for an unlabelled sample. */
    public int[] classIndices() {
        List<String> names = classNames();
        int[] out = new int[samples.size()];
        for (int i = 0; i < out.length; i++) {
            String label = samples.get(i).classLabel();
            out[i] = label == null ? -1 : names.indexOf(label);
        }
        return out;
    }

    public List<String> sampleIds() {
        List<String> ids = new ArrayList<>(samples.size());
        for (Sample s : samples) {
            ids.add(s.id());
        }
        return ids;
    }

    /** The cohort restricted to the samples at the given indices, in that order. */
    public Cohort subset(int[] indices) {
        List<Sample> out = new ArrayList<>(indices.length);
        for (int i : indices) {
            out.add(samples.get(i));
        }
        return new Cohort(out, featureNames);
    }
}
