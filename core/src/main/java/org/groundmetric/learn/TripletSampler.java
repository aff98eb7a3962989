package org.groundmetric.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the triplets of one epoch as the paper does: for every anchor sample j, t samples i of j's
 * class (i ≠ j) and, for every other class, t samples k of that class; every (i, k) combination is
 * a triplet, so |T| = anchors·t²·(C−1). Draws are without replacement unless a class has fewer
 * than t candidates.
 *
 * <p>A sample anchors only when its class has a second sample. A class with a single sample is
 * legal: it serves as the other-class sample k of everyone else's triplets. A cohort is refused
 * only when it has fewer than two classes or no class has two samples.
 *
 * <p>Anchors: with {@link ClassWeight#NONE} (the paper) every sample with a partner anchors once;
 * with {@link ClassWeight#BALANCED} each class with a partner gets the same number of anchor slots
 * (see there), so a small class is not outvoted by a large one in the loss.
 */
public final class TripletSampler {
    /**
     * Neighbours t = "all": every other sample of the anchor's class and every sample of each other
     * class, so an epoch holds every triplet of the cohort (Table 3's largest t).
     */
    public static final int ALL_NEIGHBOURS = Integer.MAX_VALUE;

    private final int[] classOf;
    private final List<String> classNames;
    private final int t;
    private final int[][] members;
    private final int presentClasses;
    private final ClassWeight weight;
    /** Every sample whose class has a second sample, ascending. */
    private final int[] anchorable;
    /** Anchor slots per class with a partner ({@link ClassWeight#BALANCED} only). */
    private final int slotsPerClass;

    /** Classes named by their index (for callers without labels); the paper's anchors. */
    public TripletSampler(int[] classOf, int t) {
        this(classOf, indexNames(classOf), t, ClassWeight.NONE);
    }

    /**
     * @param classOf    class index (into classNames) of every sample
     * @param classNames the class labels, used in messages
     * @param t          neighbours per class
     * @param weight     how often each class anchors
     */
    public TripletSampler(int[] classOf, List<String> classNames, int t, ClassWeight weight) {
        if (t <= 0) {
            throw new IllegalArgumentException("neighbours t = " + t + " must be ≥ 1");
        }
        this.classOf = classOf.clone();
        this.classNames = List.copyOf(classNames);
        this.t = t;
        int c = classNames.size();
        int[] counts = new int[c];
        for (int s = 0; s < classOf.length; s++) {
            int label = classOf[s];
            if (label < 0 || label >= c) {
                throw new IllegalArgumentException("every training sample needs a class label; sample " + s
                        + " has none (classes: " + classNames + ")");
            }
            counts[label]++;
        }
        this.weight = (weight == null ? ClassWeight.NONE : weight).resolve(Arrays.stream(counts).asLongStream().toArray());
        members = new int[c][];
        int present = 0;
        int withPartner = 0;
        for (int k = 0; k < c; k++) {
            members[k] = new int[counts[k]];
            present += counts[k] > 0 ? 1 : 0;
            withPartner += counts[k] >= 2 ? 1 : 0;
        }
        int[] fill = new int[c];
        for (int s = 0; s < classOf.length; s++) {
            members[classOf[s]][fill[classOf[s]]++] = s;
        }
        if (present < 2) {
            throw new IllegalArgumentException("triplets need samples of at least two classes; all " + classOf.length
                    + " training samples are of class '" + (classOf.length == 0 ? "none" : classNames.get(classOf[0])) + "'");
        }
        if (withPartner == 0) {
            throw new IllegalArgumentException("no class has two samples (" + sizes(counts) + "): every triplet needs"
                    + " an anchor and a second sample of its class");
        }
        this.presentClasses = present;
        this.anchorable = Arrays.stream(members).filter(m -> m.length >= 2).flatMapToInt(Arrays::stream).sorted().toArray();
        this.slotsPerClass = (anchorable.length + withPartner - 1) / withPartner;
    }

    /** Anchors × t² × (classes − 1); with {@link #ALL_NEIGHBOURS} each anchor's (class − 1) × (other samples). */
    public int tripletsPerEpoch() {
        if (t == ALL_NEIGHBOURS) {
            long total = 0;
            for (int[] m : members) {
                if (m.length >= 2) {
                    long slots = weight == ClassWeight.NONE ? m.length : slotsPerClass;
                    total += slots * (m.length - 1) * (classOf.length - m.length);
                }
            }
            return Math.toIntExact(total);
        }
        return anchorSlots() * t * t * (presentClasses - 1);
    }

    /** "all" for {@link #ALL_NEIGHBOURS}, else the number: how t is shown. */
    public static String describe(int t) {
        return t == ALL_NEIGHBOURS ? "all" : Integer.toString(t);
    }

    /** The class weight in use ({@link ClassWeight#AUTO} resolved against the class sizes). */
    public ClassWeight weight() {
        return weight;
    }

    /** Anchors per epoch: samples with a partner, or equal slots per such class when balanced. */
    public int anchorSlots() {
        if (weight == ClassWeight.NONE) {
            return anchorable.length;
        }
        int classesWithPartner = 0;
        for (int[] m : members) {
            classesWithPartner += m.length >= 2 ? 1 : 0;
        }
        return slotsPerClass * classesWithPartner;
    }

    /** The paper's random draw. */
    public List<Triplet> random(SplittableRandom rng) {
        List<Triplet> out = new ArrayList<>(tripletsPerEpoch());
        for (int j : anchors(rng)) {
            int[] positives = draw(without(members[classOf[j]], j), rng);
            for (int c = 0; c < members.length; c++) {
                if (c != classOf[j] && members[c].length > 0) {
                    add(out, positives, j, draw(members[c], rng));
                }
            }
        }
        return out;
    }

    /** Hard triplets with the paper's anchors ({@link ClassWeight#NONE} only; see {@link #nearest(double[], SplittableRandom)}). */
    public List<Triplet> nearest(double[] distances) {
        if (weight != ClassWeight.NONE) {
            throw new IllegalStateException("balanced anchors are drawn: give the epoch's random stream");
        }
        return nearest(distances, null);
    }

    /**
     * Hard triplets: the t nearest samples of j's class and the t nearest of every other class,
     * by the given sample distances (n×n row-major, under the current metric). {@code rng} picks
     * the extra anchors of balanced class weights (unused otherwise).
     */
    public List<Triplet> nearest(double[] distances, SplittableRandom rng) {
        int n = classOf.length;
        if (distances.length != n * n) {
            throw new IllegalArgumentException("nearest triplets need an " + n + "×" + n + " distance matrix, got "
                    + distances.length + " values");
        }
        List<Triplet> out = new ArrayList<>(tripletsPerEpoch());
        for (int j : anchors(rng)) {
            int[] positives = closest(without(members[classOf[j]], j), distances, j);
            for (int c = 0; c < members.length; c++) {
                if (c != classOf[j] && members[c].length > 0) {
                    add(out, positives, j, closest(members[c], distances, j));
                }
            }
        }
        return out;
    }

    /**
     * The anchors of one epoch, ascending (a sample may repeat). NONE: every sample with a partner,
     * without touching {@code rng}. BALANCED: each class with a partner fills its slots with whole
     * passes over its samples, then a draw without replacement from {@code rng} for the remainder.
     */
    int[] anchors(SplittableRandom rng) {
        if (weight == ClassWeight.NONE) {
            return anchorable;
        }
        int[] out = new int[anchorSlots()];
        int o = 0;
        for (int[] m : members) {
            if (m.length < 2) {
                continue;
            }
            for (int pass = 0; pass < slotsPerClass / m.length; pass++) {
                for (int s : m) {
                    out[o++] = s;
                }
            }
            int rest = slotsPerClass % m.length;
            if (rest > 0) {
                for (int s : withoutReplacement(m, rest, rng)) {
                    out[o++] = s;
                }
            }
        }
        Arrays.sort(out);
        return out;
    }

    private static void add(List<Triplet> out, int[] positives, int j, int[] negatives) {
        for (int i : positives) {
            for (int k : negatives) {
                out.add(new Triplet(i, j, k));
            }
        }
    }

    /** t candidates without replacement, or with replacement when there are fewer than t. */
    private int[] draw(int[] candidates, SplittableRandom rng) {
        if (t == ALL_NEIGHBOURS) {
            return candidates.clone();
        }
        if (candidates.length >= t) {
            return withoutReplacement(candidates, t, rng);
        }
        int[] out = new int[t];
        for (int a = 0; a < t; a++) {
            out[a] = candidates[rng.nextInt(candidates.length)];
        }
        return out;
    }

    /** {@code count} of the candidates without replacement (a partial Fisher–Yates shuffle of a copy). */
    private static int[] withoutReplacement(int[] candidates, int count, SplittableRandom rng) {
        int[] pool = candidates.clone();
        for (int a = 0; a < count; a++) {
            int b = a + rng.nextInt(pool.length - a);
            int tmp = pool[a];
            pool[a] = pool[b];
            pool[b] = tmp;
        }
        return Arrays.copyOf(pool, count);
    }

    /** The t closest candidates to j (ties by index), cycling when there are fewer than t. */
    private int[] closest(int[] candidates, double[] distances, int j) {
        int n = classOf.length;
        Integer[] order = new Integer[candidates.length];
        for (int a = 0; a < order.length; a++) {
            order[a] = candidates[a];
        }
        Arrays.sort(order, (x, y) -> {
            int c = Double.compare(distances[j * n + x], distances[j * n + y]);
            return c != 0 ? c : Integer.compare(x, y);
        });
        int[] out = new int[t == ALL_NEIGHBOURS ? order.length : t];
        for (int a = 0; a < out.length; a++) {
            out[a] = order[a % order.length];
        }
        return out;
    }

    private static int[] without(int[] members, int j) {
        int[] out = new int[members.length - 1];
        int p = 0;
        for (int s : members) {
            if (s != j) {
                out[p++] = s;
            }
        }
        return out;
    }

    /** "'a' 1 sample, 'b' 1 sample". */
    private String sizes(int[] counts) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < counts.length; k++) {
            parts.add("class '" + classNames.get(k) + "' " + counts[k] + (counts[k] == 1 ? " sample" : " samples"));
        }
        return String.join(", ", parts);
    }

    private static List<String> indexNames(int[] classOf) {
        int c = 0;
        for (int label : classOf) {
            c = Math.max(c, label + 1);
        }
        List<String> names = new ArrayList<>(c);
        for (int k = 0; k < c; k++) {
            names.add(Integer.toString(k));
        }
        return names;
    }
}
