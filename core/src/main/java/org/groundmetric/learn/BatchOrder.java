package org.groundmetric.learn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The order in which an epoch's triplets are cut into batches. Every triplet is used once per
 * epoch either way; the order decides which triplets share a gradient step, and so how many
 * transport problems an epoch solves: a batch solves each distinct pair of samples once.
 */
public enum BatchOrder {
    /**
     * The epoch's triplets shuffled one by one (the paper). A batch holds about one triplet per
     * anchor, so nearly every triplet brings two new pairs: an epoch solves about 2·t²·(C−1)
     * problems per sample, and a pair's next solve comes many steps later, when its last
     * potentials are too old to start it.
     */
    RANDOM,
    /**
     * Each anchor sample j's t²·(C−1) triplets one after the other (in random order), the anchors
     * in random order with their classes taking turns: the t·C pairs of an anchor are solved once
     * for all its triplets, so an epoch solves about t·C problems per sample and its cost grows
     * linearly with the samples. A batch draws on fewer anchors, so W follows a different path: an
     * epoch lowers the loss less than a random one, but where it solves far fewer problems it reaches
     * the same held-out accuracy sooner (README, training at scale).
     */
    ANCHORS,
    /**
     * {@link #ANCHORS} when it cuts an epoch's transport problems at least {@link #AUTO_MIN_SAVING}-fold
     * against {@link #RANDOM} (at t = 3: cohorts of about 60 samples and more; the paper's 131-sample
     * cohort 3.9-fold), else {@link #RANDOM} (small cohorts, whose random batches already share many
     * pairs: on 30 samples anchors saved 1.5× per epoch and classified an unseen draw less well after
     * the same epochs). The command
     * line's default; the builder's stays RANDOM, the paper's. The trained model records the order
     * it resolved to.
     */
    AUTO;

    /** How many times fewer transport problems an epoch must solve in the anchors order for AUTO to take it. */
    public static final double AUTO_MIN_SAVING = 3;

    /** The spelling of the command line and the model file. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The epoch's triplets in this order; {@code classOf} gives every sample's class index. Draws
     * only from {@code rng}, so the order is the same for the same seed.
     */
    List<Triplet> arrange(List<Triplet> triplets, int[] classOf, SplittableRandom rng) {
        if (this == AUTO) {
            throw new IllegalStateException("the automatic batch order is resolved before training");
        }
        List<Triplet> out = new ArrayList<>(triplets);
        if (this == RANDOM) {
            shuffle(out, rng);
            return out;
        }
        Map<Integer, List<Triplet>> byAnchor = new LinkedHashMap<>();
        for (Triplet t : triplets) {
            byAnchor.computeIfAbsent(t.j(), j -> new ArrayList<>()).add(t);
        }
        List<Integer> anchors = new ArrayList<>(byAnchor.keySet());
        shuffle(anchors, rng);
        // Classes take turns (round robin over the shuffled anchors of each class), so a batch of a
        // few anchors still has anchors of every class.
        Map<Integer, List<Integer>> byClass = new LinkedHashMap<>();
        for (int j : anchors) {
            byClass.computeIfAbsent(classOf[j], c -> new ArrayList<>()).add(j);
        }
        out.clear();
        for (int turn = 0; out.size() < triplets.size(); turn++) {
            for (List<Integer> members : byClass.values()) {
                if (turn < members.size()) {
                    List<Triplet> own = byAnchor.get(members.get(turn));
                    shuffle(own, rng);
                    out.addAll(own);
                }
            }
        }
        return out;
    }

    /**
     * This order for an epoch like {@code epoch} (the triplets of one draw) cut into batches of
     * {@code batchSize}: AUTO resolved by counting the transport problems (distinct pairs per batch)
     * of both orders, arranged with a fixed seed so that the choice does not touch the training's
     * random stream; the others as they are.
     */
    BatchOrder resolve(List<Triplet> epoch, int[] classOf, int batchSize) {
        if (this != AUTO) {
            return this;
        }
        long random = problems(RANDOM.arrange(epoch, classOf, new SplittableRandom(0)), batchSize);
        long anchors = problems(ANCHORS.arrange(epoch, classOf, new SplittableRandom(0)), batchSize);
        return random >= AUTO_MIN_SAVING * anchors ? ANCHORS : RANDOM;
    }

    /** The transport problems of an epoch in this arrangement: each batch solves each distinct pair once. */
    static long problems(List<Triplet> ordered, int batchSize) {
        long solved = 0;
        for (int b = 0; b < ordered.size(); b += batchSize) {
            Set<Long> pairs = new HashSet<>();
            for (Triplet t : ordered.subList(b, Math.min(ordered.size(), b + batchSize))) {
                pairs.add(PairTransports.key(t.i(), t.j()));
                pairs.add(PairTransports.key(t.j(), t.k()));
            }
            solved += pairs.size();
        }
        return solved;
    }

    private static <T> void shuffle(List<T> list, SplittableRandom rng) {
        for (int a = list.size() - 1; a > 0; a--) {
            Collections.swap(list, a, rng.nextInt(a + 1));
        }
    }
}
