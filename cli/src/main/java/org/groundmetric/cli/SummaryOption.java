package org.groundmetric.cli;

import org.groundmetric.data.SampleSummary;
import picocli.CommandLine.Option;

/** {@code --summarize}: train on summarised samples (train, benchmark, tune). */
final class SummaryOption {

    @Option(names = {"--summarize", "--summarise"}, paramLabel = "kmeans:K|group:COLUMN",
            description = "Summarise every sample before training. kmeans:K gives each sample K weighted centroids"
                    + " (seeded k-means++ in feature space, each one weighted by its share of the sample's cells),"
                    + " for example kmeans:20. group:COLUMN gives one centroid per value of a cell obs column, for example"
                    + " group:cell_type or a Leiden column. W is learned with exact transport between the weighted"
                    + " centroids: epochs cost a small fraction of full samples. Recorded in the model; predict,"
                    + " distances, embed and benchmark summarise new samples the same way (--full-samples compares"
                    + " every cell instead). Default: every cell (the paper).")
    String spec;

    /** The requested summary with the run's seed, or null for every cell. */
    SampleSummary summary(long seed) {
        return spec == null ? null : SampleSummary.parse(spec, seed);
    }
}
