package org.groundmetric.cli;

import org.groundmetric.data.ClassBalance;
import org.groundmetric.predict.Vote;
import picocli.CommandLine.Option;

/** {@code --vote}: how the nearest samples vote, for benchmark, tune and predict. */
final class VoteOption {

    @Option(names = "--vote", paramLabel = "distance|balanced",
            description = "The kNN vote: distance (1/d, scikit-learn's weights=\"distance\") or balanced (1/d times the"
                    + " inverse of the neighbour's class share among the reference samples). Default: balanced when"
                    + " the largest class has at least " + ClassBalance.IMBALANCE_RATIO + "x the samples of the smallest,"
                    + " else distance.")
    Vote vote;
}
