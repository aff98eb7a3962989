package org.groundmetric.cli;

import java.util.ArrayList;
import java.util.List;
import org.groundmetric.data.Cohort;
import org.groundmetric.predict.Vote;

/** The line that says which kNN vote a command uses and why. */
final class VoteNote {
    private VoteNote() {
    }

    /** The vote over a labelled cohort: the one given, or the automatic one from its class sizes. */
    static String line(Vote given, Cohort cohort) {
        List<String> names = cohort.classNames();
        return line(given, names, Vote.classSizes(cohort.classIndices(), names.size()));
    }

    /** "vote: balanced (classes a 16, b 4: the largest has at least twice the smallest; --vote distance overrides)". */
    static String line(Vote given, List<String> classNames, long[] sizes) {
        if (given != null) {
            return "vote: " + given.label() + " (--vote)";
        }
        Vote used = Vote.automatic(sizes);
        List<String> parts = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            parts.add(classNames.get(c) + " " + sizes[c]);
        }
        String why = used == Vote.BALANCED
                ? ": the largest has at least " + Vote.IMBALANCE_RATIO + "x the samples of the smallest"
                : "";
        Vote other = used == Vote.BALANCED ? Vote.DISTANCE : Vote.BALANCED;
        return "vote: " + used.label() + " (classes " + String.join(", ", parts) + why + "; --vote " + other.label()
                + " overrides)";
    }
}
