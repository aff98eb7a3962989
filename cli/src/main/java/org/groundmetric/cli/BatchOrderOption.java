package org.groundmetric.cli;

import org.groundmetric.learn.BatchOrder;

/** The help text of {@code --batch-order}, shared by train, tune and benchmark. */
final class BatchOrderOption {

    static final String DESCRIPTION = "How each epoch's triplets are cut into batches of --batch-size,"
            + " ${COMPLETION-CANDIDATES}. random: the triplets shuffled one by one (the paper's order); an epoch"
            + " solves ~2t²(C-1) transport problems per sample. anchors: each anchor sample's t²(C-1) triplets"
            + " together, anchors in random order with the classes taking turns; an anchor's t·C pairs are solved"
            + " once for all its triplets, so an epoch solves ~t·C problems per sample and its time grows linearly"
            + " with the samples. Every triplet is used once per epoch either way, but W takes another path: at"
            + " the paper's scale an anchors epoch costs 2.6x less and reaches the same held-out accuracy sooner,"
            + " while on a 30-sample cohort it saves only 1.5x and classified an unseen draw less well after the"
            + " same epochs. auto: anchors when it solves at least"
            + " " + (int) BatchOrder.AUTO_MIN_SAVING + "x fewer problems per epoch (about 60 samples and more at"
            + " t = 3), else random; train prints the choice and the model records it (README, training at"
            + " scale). Use random to repeat the paper's runs. Default: ${DEFAULT-VALUE}.";

    private BatchOrderOption() {
    }
}
