package org.groundmetric.learn;

/**
 * What one epoch did.
 *
 * @param epoch          1-based epoch number
 * @param loss           mean batch loss over the epoch's triplets (hinge mean + λ·R, weighted by batch size)
 * @param activeFraction share of triplets that violated the margin
 * @param seconds        wall time of the epoch
 */
public record EpochRecord(int epoch, double loss, double activeFraction, double seconds) {
}
