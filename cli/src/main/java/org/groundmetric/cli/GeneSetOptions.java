package org.groundmetric.cli;

import java.nio.file.Path;
import java.util.List;
import org.groundmetric.Progress;
import org.groundmetric.eval.GeneImportance;
import org.groundmetric.explain.GeneSet;
import org.groundmetric.explain.GeneSetEnrichment;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --gene-sets FILE.gmt} and its settings, shared by {@code genes} and {@code report}:
 * preranked enrichment of the model's gene ranking against the user's gene sets.
 */
final class GeneSetOptions {

    @Option(names = "--gene-sets", paramLabel = "FILE.gmt",
            description = "Gene sets in GMT format (MSigDB, Enrichr: one set per line, name, description,"
                    + " genes, tab-separated; nothing is downloaded). Each set is scored against the overall ranking"
                    + " (axis 'all') and each axis's loadings by GSEA preranked's weighted Kolmogorov-Smirnov"
                    + " enrichment score, with p-values from random sets of the same size and the"
                    + " Benjamini-Hochberg FDR per ranking; symbols are matched ignoring case.")
    Path geneSets;

    @Option(names = "--permutations", paramLabel = "N", defaultValue = "1000",
            description = "With --gene-sets: random gene sets per set size for the p-values (default: ${DEFAULT-VALUE},"
                    + " as GSEA; the smallest p-value is about 2/N).")
    int permutations;

    @Option(names = "--min-set-size", paramLabel = "N", defaultValue = "5",
            description = "With --gene-sets: test only sets with at least N genes among the model's (default: ${DEFAULT-VALUE}).")
    int minSize;

    @Option(names = "--max-set-size", paramLabel = "N", defaultValue = "500",
            description = "With --gene-sets: and at most N (default: ${DEFAULT-VALUE}).")
    int maxSize;

    /** True with --gene-sets. */
    boolean given() {
        return geneSets != null;
    }

    /** Refuses the settings without --gene-sets, before any work. */
    void check(CommandSpec spec) {
        for (String option : List.of("--permutations", "--min-set-size", "--max-set-size")) {
            OptionRules.requires(spec, option, given(), "--gene-sets FILE.gmt");
        }
        new GeneSetEnrichment.Settings(permutations, 0, minSize, maxSize);
    }

    /** The enrichment of {@code genes} against the sets of --gene-sets. */
    GeneSetEnrichment enrich(GeneImportance genes, long seed, Progress progress) {
        List<GeneSet> sets = GeneSet.readGmt(geneSets);
        return GeneSetEnrichment.of(genes, sets, new GeneSetEnrichment.Settings(permutations, seed, minSize, maxSize),
                progress);
    }

    /** One line on what was tested and how many of the sets' genes the model does not know. */
    static String summary(GeneSetEnrichment e, int features) {
        return String.format(java.util.Locale.ROOT, "gene sets: %d read, %d tested (the others have too few or too many"
                + " genes among the model's); %d of the %d distinct genes in the sets are not among the model's %d"
                + " features", e.sets(), e.tested(), e.unmatchedGenes(), e.distinctGenes(), features);
    }
}
