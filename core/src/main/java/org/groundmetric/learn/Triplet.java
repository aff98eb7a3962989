package org.groundmetric.learn;

/**
 * Sample indices of one triplet: i shares j's class, k belongs to another class; the loss asks
 * W_θ(X_i, X_j) + α ≤ W_θ(X_j, X_k).
 */
public record Triplet(int i, int j, int k) {
}
