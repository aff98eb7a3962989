package org.groundmetric.learn;

import org.groundmetric.data.ClassBalance;

/** How often each class anchors triplets in an epoch. */
public enum ClassWeight {
    /** The paper's: every sample with a partner of its class anchors once, so a large class anchors more. */
    NONE,
    /**
     * Every class with at least two samples anchors equally often: the epoch's anchor slots (one
     * per sample that has a partner, as with {@link #NONE}) are shared equally among those classes;
     * a class's samples fill its slots in whole passes, then a seeded draw picks who anchors once
     * more. On classes of equal size this is {@link #NONE}.
     */
    BALANCED,
    /**
     * {@link #BALANCED} when the cohort trained on is imbalanced ({@link ClassBalance#imbalanced}:
     * its largest class has at least twice the samples of its smallest), else {@link #NONE}. The
     * command line's default, chosen from measurements on 16/4 cohorts (README, "Small and
     * imbalanced cohorts"); the builder's default stays NONE, the paper's. The trained model
     * records the weight it resolved to.
     */
    AUTO;

    /** This weight for a cohort with these class sizes: AUTO resolved, the others as they are. */
    public ClassWeight resolve(long[] classSizes) {
        if (this != AUTO) {
            return this;
        }
        return ClassBalance.imbalanced(classSizes) ? BALANCED : NONE;
    }

    /** The constant as the command line and the model file spell it, e.g. "balanced". */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
