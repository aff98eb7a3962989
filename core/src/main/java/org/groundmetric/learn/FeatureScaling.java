package org.groundmetric.learn;

/**
 * The coordinates in which W is optimised. Adam moves every entry of W by about the learning rate
 * per step, whatever that entry's scale: when features differ in scale by 1000× (Synth2D's noise
 * axis) the plain method needs hundreds of steps just to shrink one column. Optimising V with
 * W = V·diag(1/σ) (σ = each feature's standard deviation over the training cells) makes every
 * column equally easy to move; the learned W stays in the data's own units.
 */
public enum FeatureScaling {
    /** Optimise W directly (the paper's method). */
    NONE,
    /** Optimise V = W·diag(σ); the regulariser applies to V. The default. */
    STANDARDIZE;

    /** The spelling of the command line and the model file. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
