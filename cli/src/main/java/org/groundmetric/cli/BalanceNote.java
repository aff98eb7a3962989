package org.groundmetric.cli;

import java.util.ArrayList;
import java.util.List;
import org.groundmetric.data.ClassBalance;
import org.groundmetric.data.Cohort;
import org.groundmetric.learn.ClassWeight;
import org.groundmetric.predict.Vote;

/** The lines that say which kNN vote and which class weight a command uses, and why. */
final class BalanceNote {
    private BalanceNote() {
    }

    /** "vote: balanced (classes a 16, b 4: the largest has at least 2x the samples of the smallest; --vote distance overrides)". */
    static String vote(Vote given, Cohort cohort) {
        if (given != null) {
            return "vote: " + given.label() + " (--vote)";
        }
        long[] sizes = ClassBalance.sizes(cohort);
        Vote used = Vote.automatic(sizes);
        Vote other = used == Vote.BALANCED ? Vote.DISTANCE : Vote.BALANCED;
        return "vote: " + used.label() + " (" + why(cohort.classNames(), sizes) + "; --vote " + other.label() + " overrides)";
    }

    /** "class weight: auto (…)" or the one given: how often each class anchors GGML's triplets. */
    static String classWeight(ClassWeight given, boolean batchAware) {
        if (given == ClassWeight.AUTO && batchAware) {
            return "class weight: none (auto with --batch-key: batch-aware triplets anchor every sample once)";
        }
        if (given != ClassWeight.AUTO) {
            return "class weight: " + label(given) + " (--class-weight)";
        }
        return "class weight: auto (GGML's triplet anchors are class-balanced in a fit whose largest class has at least "
                + ClassBalance.IMBALANCE_RATIO + "x the samples of its smallest, else every sample anchors once;"
                + " --class-weight none|balanced fixes it)";
    }

    private static String why(List<String> classNames, long[] sizes) {
        List<String> parts = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            parts.add(classNames.get(c) + " " + sizes[c]);
        }
        return "classes " + String.join(", ", parts) + (ClassBalance.imbalanced(sizes)
                ? ": the largest has at least " + ClassBalance.IMBALANCE_RATIO + "x the samples of the smallest" : "");
    }

    private static String label(ClassWeight w) {
        return w.name().toLowerCase(java.util.Locale.ROOT);
    }
}
