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

    /**
     * The column of each named feature, -1 where the cohort lacks it. Features are matched by name,
     * so a name that the cohort gives to two of its features is refused when asked for: either
     * column could be the one meant (read with unique names, e.g. gene ids).
     */
    public int[] featureColumns(List<String> names) {
        Map<String, Integer> index = new java.util.HashMap<>();
        Map<String, Integer> twice = new java.util.HashMap<>();
        for (int j = 0; j < featureNames.size(); j++) {
            Integer first = index.putIfAbsent(featureNames.get(j), j);
            if (first != null) {
                twice.putIfAbsent(featureNames.get(j), j);
            }
        }
        int[] cols = new int[names.size()];
        for (int i = 0; i < cols.length; i++) {
            String name = names.get(i);
            if (twice.containsKey(name)) {
                throw new IllegalArgumentException("the data names two features '" + name + "' (columns "
                        + index.get(name) + " and " + twice.get(name) + "), so it is ambiguous which one the name"
                        + " means; read the data with unique feature names (e.g. gene ids)");
            }
            cols[i] = index.getOrDefault(name, -1);
        }
        return cols;
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
