package org.groundmetric.learn;

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
    BALANCED
}
