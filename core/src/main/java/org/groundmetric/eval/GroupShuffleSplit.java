package org.groundmetric.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.groundmetric.data.Cohort;

/**
 * Random splits of samples (never of cells: all cells of a sample stay together) into training,
 * validation and test parts, stratified by class: the paper's protocol of {@code trainFraction} of
 * every class for training (default 0.5), of which {@code validationFraction} (default 0.2) is held
 * back for tuning α and λ, and the rest for testing.
 *
 * <p>Per class of n samples: round(n·trainFraction) go to training (at least 1, at most n−1, so
 * the class is in both training and test), and of those round(nTrain·validationFraction) to
 * validation (at least 1 when the fraction is positive and the class has a training sample to
 * spare). A class too small for a part is reported in {@link Plan#notes()}, never silently.
 *
 * <p>Split s shuffles with its own stream {@code new SplittableRandom(seed)} split s times, so
 * split s is the same whatever number of splits is asked for.
 */
public final class GroupShuffleSplit {

    /** One split: sample indices (into the cohort) of each part, sorted ascending. */
    public record Split(int index, int[] train, int[] validation, int[] test) {
        /** Training samples that are not held back for validation (what a method is fitted on when tuning). */
        public int[] fit() {
            int[] out = new int[train.length - validation.length];
            int o = 0;
            for (int t : train) {
                if (Arrays.binarySearch(validation, t) < 0) {
                    out[o++] = t;
                }
            }
            return out;
        }
    }

    /** The splits and notes about classes that could not be placed in every part. */
    public record Plan(List<Split> splits, List<String> notes) { }

    private final int splits;
    private final double trainFraction;
    private final double validationFraction;
    private final long seed;

    public GroupShuffleSplit(int splits, double trainFraction, double validationFraction, long seed) {
        if (splits < 1) {
            throw new IllegalArgumentException("splits must be at least 1, got " + splits);
        }
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("train fraction must be in (0, 1), got " + trainFraction
                    + " (the paper uses 0.5)");
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + validationFraction
                    + " (the paper uses 0.2; 0 holds nothing back)");
        }
        this.splits = splits;
        this.trainFraction = trainFraction;
        this.validationFraction = validationFraction;
        this.seed = seed;
    }

    /** The paper's protocol: train fraction 0.5, validation fraction 0.2 of the training samples. */
    public static GroupShuffleSplit paper(int splits, long seed) {
        return new GroupShuffleSplit(splits, 0.5, 0.2, seed);
    }

    public Plan split(Cohort cohort) {
        int[] classes = cohort.classIndices();
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] < 0) {
                throw new IllegalArgumentException("sample '" + cohort.sample(i).id()
                        + "' has no class label; splits need every sample labelled (drop unlabelled samples first)");
            }
        }
        return split(classes, cohort.classNames());
    }

    /**
     * Splits samples given their class indices (0..C−1).
     *
     * @param classNames names for messages, index = class
     */
    public Plan split(int[] sampleClass, List<String> classNames) {
        int numClasses = classNames.size();
        List<int[]> members = new ArrayList<>();
        for (int c = 0; c < numClasses; c++) {
            int count = 0;
            for (int k : sampleClass) {
                if (k == c) {
                    count++;
                }
            }
            int[] m = new int[count];
            int o = 0;
            for (int i = 0; i < sampleClass.length; i++) {
                if (sampleClass[i] == c) {
                    m[o++] = i;
                }
            }
            members.add(m);
        }
        List<String> notes = new ArrayList<>();
        int[] trainCount = new int[numClasses];
        int[] validationCount = new int[numClasses];
        for (int c = 0; c < numClasses; c++) {
            int n = members.get(c).length;
            if (n < 2) {
                throw new IllegalArgumentException("class '" + classNames.get(c) + "' has " + n
                        + " sample(s); a split needs at least 2 per class (one to train on, one to test)."
                        + " Drop the class or merge it with another.");
            }
            int nTrain = (int) Math.max(1, Math.min(n - 1, Math.round(n * trainFraction)));
            int nVal = validationCount(nTrain, validationFraction);
            if (validationFraction > 0 && nVal == 0) {
                notes.add("class '" + classNames.get(c) + "' has " + n + " samples: too few to hold one back for"
                        + " validation, so the validation part lacks it");
            }
            trainCount[c] = nTrain;
            validationCount[c] = nVal;
        }
        List<Split> out = new ArrayList<>(splits);
        SplittableRandom root = new SplittableRandom(seed);
        for (int s = 0; s < splits; s++) {
            SplittableRandom rng = root.split();
            List<Integer> train = new ArrayList<>();
            List<Integer> validation = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int c = 0; c < numClasses; c++) {
                int[] m = members.get(c).clone();
                shuffle(m, rng);
                for (int i = 0; i < m.length; i++) {
                    if (i < trainCount[c]) {
                        train.add(m[i]);
                        if (i < validationCount[c]) {
                            validation.add(m[i]);
                        }
                    } else {
                        test.add(m[i]);
                    }
                }
            }
            out.add(new Split(s, sorted(train), sorted(validation), sorted(test)));
        }
        return new Plan(List.copyOf(out), List.copyOf(notes));
    }

    /**
     * How many of a class's nTrain training samples are held back for validation: round(nTrain ·
     * fraction), at least 1 when the fraction is positive, and always leaving one to fit on.
     */
    static int validationCount(int nTrain, double fraction) {
        int nVal = (int) Math.round(nTrain * fraction);
        if (fraction > 0 && nVal == 0) {
            nVal = nTrain >= 2 ? 1 : 0;
        }
        return Math.max(0, Math.min(nVal, nTrain - 1));
    }

    /** Fisher–Yates with the given stream. */
    static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static int[] sorted(List<Integer> list) {
        int[] a = new int[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        Arrays.sort(a);
        return a;
    }
}
