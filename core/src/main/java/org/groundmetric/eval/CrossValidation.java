package org.groundmetric.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.groundmetric.data.Cohort;

/**
 * Which samples are held out of which fit, and which fits are scored together: the paper's random
 * splits for large cohorts, leave-one-out and repeated stratified k-fold for small ones.
 *
 * <p>A plan is a list of rounds; a round is a list of fits ({@link GroupShuffleSplit.Split}s)
 * whose held-out samples are pooled and scored as one set. A random split is a round of its own;
 * a repeat of k-fold is a round of k fits (every sample held out once); leave-one-out is one round
 * of n fits. Pooling is what makes small cohorts scorable: one held-out sample cannot have a
 * balanced accuracy or an AUC, twenty pooled ones can. The spread of a score is taken over rounds.
 *
 * <p>Validation: with a positive validation fraction, each fit's training part holds back, per
 * class, the share {@link GroupShuffleSplit} would (at least one when the class has two to spare),
 * drawn with the fit's own seeded stream; the method is then fitted on the rest.
 */
public final class CrossValidation {

    /** Below this many samples, leave-one-out is the default protocol ({@link Scheme#forCohortSize}). */
    public static final int LEAVE_ONE_OUT_BELOW = 30;

    /** The kinds of protocol. */
    public enum Kind {
        /** The paper's random class-stratified splits (train fraction, the rest tested). */
        SPLIT,
        /** Leave one sample out: n fits, each tested on one sample. */
        LOO,
        /** Stratified k-fold, repeated with fresh shuffles. */
        KFOLD
    }

    /** A protocol as written: {@code split}, {@code loo} or {@code kfold:K}. */
    public record Scheme(Kind kind, int folds) {
        public Scheme {
            if (kind == Kind.KFOLD && folds < 2) {
                throw new IllegalArgumentException("k-fold needs at least 2 folds, got " + folds);
            }
            if (kind != Kind.KFOLD) {
                folds = 0;
            }
        }

        /** Parses {@code split}, {@code loo} or {@code kfold:K} (case-insensitive). */
        public static Scheme parse(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            if (t.equals("split")) {
                return new Scheme(Kind.SPLIT, 0);
            }
            if (t.equals("loo")) {
                return new Scheme(Kind.LOO, 0);
            }
            if (t.startsWith("kfold:")) {
                try {
                    return new Scheme(Kind.KFOLD, Integer.parseInt(t.substring("kfold:".length())));
                } catch (NumberFormatException e) {
                    // fall through to the message below
                }
            }
            throw new IllegalArgumentException("protocol '" + text + "' is unknown; expected split, loo or kfold:K"
                    + " (K folds, e.g. kfold:5)");
        }

        /** Leave-one-out below {@value #LEAVE_ONE_OUT_BELOW} samples, else the paper's random splits. */
        public static Scheme forCohortSize(int samples) {
            return samples < LEAVE_ONE_OUT_BELOW ? new Scheme(Kind.LOO, 0) : new Scheme(Kind.SPLIT, 0);
        }

        @Override
        public String toString() {
            return kind == Kind.KFOLD ? "kfold:" + folds : kind.name().toLowerCase(Locale.ROOT);
        }
    }

    /** Fits whose held-out samples are scored together. */
    public record Round(int index, List<GroupShuffleSplit.Split> fits) {
        public Round {
            fits = List.copyOf(fits);
        }
    }

    /** The rounds of a protocol, and notes about classes it could not place everywhere. */
    public record Plan(Scheme scheme, List<Round> rounds, List<String> notes) {
        public Plan {
            rounds = List.copyOf(rounds);
            notes = List.copyOf(notes);
        }

        /** Every fit of every round, in order. */
        public List<GroupShuffleSplit.Split> fits() {
            List<GroupShuffleSplit.Split> out = new ArrayList<>();
            for (Round r : rounds) {
                out.addAll(r.fits());
            }
            return out;
        }

        /**
         * The same fits with their held-out samples as the validation part (fitted on the rest,
         * nothing tested): how a grid search scores leave-one-out or k-fold.
         */
        public Plan heldOutAsValidation() {
            List<Round> out = new ArrayList<>();
            for (Round r : rounds) {
                List<GroupShuffleSplit.Split> fits = new ArrayList<>();
                for (GroupShuffleSplit.Split s : r.fits()) {
                    if (s.validation().length > 0) {
                        throw new IllegalArgumentException("fit " + (s.index() + 1) + " already holds validation samples");
                    }
                    int[] all = union(s.train(), s.test());
                    fits.add(new GroupShuffleSplit.Split(s.index(), all, s.test(), new int[0]));
                }
                out.add(new Round(r.index(), fits));
            }
            return new Plan(scheme, out, notes);
        }
    }

    private CrossValidation() {
    }

    /** The paper's random splits, each its own round. */
    public static Plan randomSplits(GroupShuffleSplit.Plan splits) {
        List<Round> rounds = new ArrayList<>();
        for (GroupShuffleSplit.Split s : splits.splits()) {
            rounds.add(new Round(s.index(), List.of(s)));
        }
        return new Plan(new Scheme(Kind.SPLIT, 0), rounds, splits.notes());
    }

    /** Builds the plan of a scheme; {@code repeats} counts splits (SPLIT) or repeats (KFOLD), LOO has one. */
    public static Plan plan(Scheme scheme, Cohort cohort, int repeats, double trainFraction,
                            double validationFraction, long seed) {
        return switch (scheme.kind()) {
            case SPLIT -> randomSplits(new GroupShuffleSplit(repeats, trainFraction, validationFraction, seed).split(cohort));
            case LOO -> leaveOneOut(cohort, validationFraction, seed);
            case KFOLD -> kFold(cohort, scheme.folds(), repeats, validationFraction, seed);
        };
    }

    /** n fits, fit i holding out sample i; one round. */
    public static Plan leaveOneOut(Cohort cohort, double validationFraction, long seed) {
        int[] classes = labelled(cohort);
        int n = classes.length;
        if (n < 2) {
            throw new IllegalArgumentException("leave-one-out needs at least 2 samples, got " + n);
        }
        SplittableRandom root = new SplittableRandom(seed);
        List<GroupShuffleSplit.Split> fits = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int[] train = new int[n - 1];
            int o = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    train[o++] = j;
                }
            }
            fits.add(new GroupShuffleSplit.Split(i, train,
                    validation(train, classes, validationFraction, root.split()), new int[] {i}));
        }
        return new Plan(new Scheme(Kind.LOO, 0), List.of(new Round(0, fits)), notes(cohort, classes, n));
    }

    /**
     * Stratified k-fold, {@code repeats} times: each repeat shuffles every class with its own stream
     * and deals the samples class after class to folds 0, 1, …, k−1, 0, …, so each class is spread
     * as evenly as it can be and fold sizes differ by at most one.
     */
    public static Plan kFold(Cohort cohort, int k, int repeats, double validationFraction, long seed) {
        int[] classes = labelled(cohort);
        int n = classes.length;
        if (k < 2 || k > n) {
            throw new IllegalArgumentException(k + " folds asked for " + n + " samples; expected 2 to " + n);
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        }
        int numClasses = cohort.classNames().size();
        SplittableRandom root = new SplittableRandom(seed);
        List<Round> rounds = new ArrayList<>(repeats);
        int index = 0;
        for (int r = 0; r < repeats; r++) {
            SplittableRandom rng = root.split();
            int[] foldOf = new int[n];
            int dealt = 0;
            for (int c = 0; c < numClasses; c++) {
                int[] members = members(classes, c);
                GroupShuffleSplit.shuffle(members, rng);
                for (int m : members) {
                    foldOf[m] = dealt++ % k;
                }
            }
            List<GroupShuffleSplit.Split> fits = new ArrayList<>(k);
            for (int f = 0; f < k; f++) {
                int[] test = indicesWhere(foldOf, f, true);
                int[] train = indicesWhere(foldOf, f, false);
                fits.add(new GroupShuffleSplit.Split(index++, train,
                        validation(train, classes, validationFraction, rng.split()), test));
            }
            rounds.add(new Round(r, fits));
        }
        List<String> notes = notes(cohort, classes, k);
        return new Plan(new Scheme(Kind.KFOLD, k), rounds, notes);
    }

    /** Per class, the share of the training part held back (sorted ascending). */
    private static int[] validation(int[] train, int[] classes, double fraction, SplittableRandom rng) {
        if (fraction == 0) {
            return new int[0];
        }
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + fraction);
        }
        int numClasses = Arrays.stream(classes).max().orElse(-1) + 1;
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < numClasses; c++) {
            int cls = c;
            int[] mine = Arrays.stream(train).filter(i -> classes[i] == cls).toArray();
            GroupShuffleSplit.shuffle(mine, rng);
            int nVal = GroupShuffleSplit.validationCount(mine.length, fraction);
            for (int v = 0; v < nVal; v++) {
                out.add(mine[v]);
            }
        }
        return out.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static List<String> notes(Cohort cohort, int[] classes, int folds) {
        List<String> notes = new ArrayList<>();
        List<String> names = cohort.classNames();
        for (int c = 0; c < names.size(); c++) {
            int size = members(classes, c).length;
            if (size == 1) {
                notes.add("class '" + names.get(c) + "' has a single sample: when it is held out, the fit knows"
                        + " no sample of its class, so it is always predicted wrong");
            } else if (size < folds && folds < classes.length) {
                notes.add("class '" + names.get(c) + "' has " + size + " samples for " + folds
                        + " folds: some folds hold none of it out");
            }
        }
        return notes;
    }

    private static int[] labelled(Cohort cohort) {
        int[] classes = cohort.classIndices();
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] < 0) {
                throw new IllegalArgumentException("sample '" + cohort.sample(i).id()
                        + "' has no class label; every sample held out needs one (drop unlabelled samples first)");
            }
        }
        return classes;
    }

    private static int[] members(int[] classes, int c) {
        return indicesWhere(classes, c, true);
    }

    private static int[] indicesWhere(int[] values, int value, boolean equal) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if ((values[i] == value) == equal) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] union(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        Arrays.sort(out);
        return out;
    }
}
