package org.groundmetric.explain;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.groundmetric.IllegalParameterException;
import org.groundmetric.Progress;
import org.groundmetric.data.io.DelimitedText;
import org.groundmetric.data.io.OutputFiles;
import org.groundmetric.eval.GeneImportance;

/**
 * Preranked gene-set enrichment of a learned metric, as GSEA preranked: for each ranking of the
 * genes (the overall importance, and each axis's signed loadings) and each gene set, the weighted
 * Kolmogorov–Smirnov enrichment score (ES; weight |score|, GSEA's p = 1) and a p-value from
 * random gene sets of the same size (gene permutations, seeded), with the Benjamini–Hochberg FDR over
 * the sets of each ranking. Gene symbols are matched ignoring case.
 *
 * <p>A positive ES means the set gathers at the top of the ranking (important genes, or the positive
 * end of an axis), a negative one at the bottom; the p-value compares it with random sets' scores of
 * the same sign: (1 + #{random ES at least as extreme}) / (1 + #{random ES of that sign}). The random
 * sets of one size are drawn from a stream seeded by the seed, the ranking and the size, so results
 * do not depend on the order of the sets or on threads.
 */
public final class GeneSetEnrichment {

    /**
     * @param permutations random sets per set size (GSEA's default: 1000)
     * @param seed         seed of the random sets
     * @param minSize      smallest overlap of a set with the ranked genes that is tested
     * @param maxSize      largest overlap that is tested
     */
    public record Settings(int permutations, long seed, int minSize, int maxSize) {
        public Settings {
            if (permutations < 1) {
                throw new IllegalParameterException("GeneSetEnrichment.Settings.permutations", "permutations = "
                        + permutations + "; expected at least 1 (GSEA uses 1000)");
            }
            if (minSize < 1 || maxSize < minSize) {
                throw new IllegalParameterException("GeneSetEnrichment.Settings.minSize", "set sizes " + minSize + ".."
                        + maxSize + " are empty; expected 1 ≤ min ≤ max");
            }
        }

        /** 1000 permutations, seed 0, sets of 5 to 500 matched genes. */
        public static Settings defaults() {
            return new Settings(1000, 0, 5, 500);
        }
    }

    /** One ranking of the genes: its label (e.g. "all", "1") and one score per gene, in gene order. */
    public record Ranking(String axis, double[] scores) {
    }

    /**
     * One set against one ranking.
     *
     * @param size    the set's genes as listed
     * @param overlap those among the ranked genes
     * @param score   the enrichment score ES
     */
    public record Row(String set, String description, String axis, int size, int overlap, double score,
                      double pValue, double fdr) {
    }

    private final List<Row> rows;
    private final int sets;
    private final int tested;
    private final int distinctGenes;
    private final int unmatchedGenes;

    private GeneSetEnrichment(List<Row> rows, int sets, int tested, int distinctGenes, int unmatchedGenes) {
        this.rows = List.copyOf(rows);
        this.sets = sets;
        this.tested = tested;
        this.distinctGenes = distinctGenes;
        this.unmatchedGenes = unmatchedGenes;
    }

    /**
     * The rankings of a gene importance: "all", then each axis (its loadings, labelled 1..k; none
     * for a metric without axes). "all" ranks by the importance and weighs each gene by its square
     * root, the length of the gene's column of W: on the scale of the loadings, so that one dominant
     * gene does not decide every set that holds it, as the squared importance would.
     */
    public static GeneSetEnrichment of(GeneImportance genes, List<GeneSet> sets, Settings settings, Progress progress) {
        List<Ranking> rankings = new ArrayList<>();
        int d = genes.features().size();
        double[] length = new double[d];
        for (int f = 0; f < d; f++) {
            length[f] = Math.sqrt(genes.importance()[f]);
        }
        rankings.add(new Ranking("all", length));
        for (int r = 0; r < genes.rank(); r++) {
            double[] loadings = new double[d];
            for (int f = 0; f < d; f++) {
                loadings[f] = genes.weight(r, f);
            }
            rankings.add(new Ranking(Integer.toString(r + 1), loadings));
        }
        return of(genes.features(), rankings, sets, settings, progress);
    }

    /**
     * @param genes    the ranked genes' names
     * @param rankings scores of those genes, one ranking per axis label
     * @throws IllegalArgumentException when no set has between minSize and maxSize genes among {@code genes}
     */
    public static GeneSetEnrichment of(List<String> genes, List<Ranking> rankings, List<GeneSet> sets,
                                       Settings settings, Progress progress) {
        Map<String, Integer> index = new HashMap<>();
        for (int g = 0; g < genes.size(); g++) {
            index.putIfAbsent(genes.get(g).toUpperCase(Locale.ROOT), g);
        }
        Set<String> distinct = new HashSet<>();
        Set<String> unmatched = new HashSet<>();
        List<GeneSet> kept = new ArrayList<>();
        List<int[]> members = new ArrayList<>();
        int largest = 0;
        for (GeneSet s : sets) {
            TreeSet<Integer> hits = new TreeSet<>();
            for (String g : s.genes()) {
                String key = g.toUpperCase(Locale.ROOT);
                distinct.add(key);
                Integer i = index.get(key);
                if (i == null) {
                    unmatched.add(key);
                } else {
                    hits.add(i);
                }
            }
            largest = Math.max(largest, hits.size());
            if (hits.size() >= settings.minSize() && hits.size() <= settings.maxSize() && hits.size() < genes.size()) {
                kept.add(s);
                members.add(hits.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalParameterException("GeneSetEnrichment.Settings.minSize", "no gene set has between "
                    + settings.minSize() + " and " + settings.maxSize() + " genes among the " + genes.size()
                    + " ranked genes (the largest overlap is " + largest + "; " + unmatched.size() + " of the "
                    + distinct.size() + " genes in the sets are not among them, e.g. " + example(unmatched)
                    + " against '" + genes.get(0) + "'); use gene symbols that match the model's features, or"
                    + " lower the minimum set size");
        }
        int[] sizes = members.stream().mapToInt(m -> m.length).distinct().sorted().toArray();
        progress.start("gene-set nulls", (long) rankings.size() * sizes.length);
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < rankings.size(); r++) {
            rows.addAll(rank(r, rankings.get(r), genes, kept, members, sizes, settings, progress));
        }
        progress.finish();
        return new GeneSetEnrichment(rows, sets.size(), kept.size(), distinct.size(), unmatched.size());
    }

    /** The rows of one ranking, most significant first. */
    private static List<Row> rank(int which, Ranking ranking, List<String> genes, List<GeneSet> sets,
                                  List<int[]> members, int[] sizes, Settings settings, Progress progress) {
        int n = genes.size();
        double[] scores = ranking.scores();
        if (scores.length != n) {
            throw new IllegalArgumentException("ranking '" + ranking.axis() + "' has " + scores.length
                    + " scores for " + n + " genes");
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(g -> -scores[g]).thenComparing(genes::get));
        int[] position = new int[n];
        double[] weight = new double[n];
        for (int p = 0; p < n; p++) {
            position[order[p]] = p;
            weight[p] = Math.abs(scores[order[p]]);
        }
        double[][] bySize = new double[sizes.length][];
        IntStream.range(0, sizes.length).parallel().forEach(k -> {
            bySize[k] = nullScores(weight, sizes[k], settings.permutations(),
                    mix(mix(settings.seed(), which), sizes[k]));
            progress.advance(1, null);
        });
        double[] es = new double[sets.size()];
        double[] p = new double[sets.size()];
        for (int s = 0; s < sets.size(); s++) {
            int[] pos = Arrays.stream(members.get(s)).map(g -> position[g]).sorted().toArray();
            es[s] = enrichmentScore(weight, pos);
            p[s] = pValue(es[s], bySize[Arrays.binarySearch(sizes, pos.length)]);
        }
        double[] q = BenjaminiHochberg.adjust(p);
        List<Row> rows = new ArrayList<>();
        for (int s = 0; s < sets.size(); s++) {
            GeneSet set = sets.get(s);
            rows.add(new Row(set.name(), set.description(), ranking.axis(), set.genes().size(), members.get(s).length,
                    es[s], p[s], q[s]));
        }
        rows.sort(Comparator.comparingDouble(Row::pValue).thenComparingDouble(r -> -Math.abs(r.score()))
                .thenComparing(Row::set));
        return rows;
    }

    /**
     * GSEA's weighted Kolmogorov–Smirnov enrichment score: walking down the ranking, the running sum
     * rises by wᵢ/Σ_hits w at each gene of the set and falls by 1/(n − m) at each other gene; ES is
     * its largest deviation from 0 (the positive one on a tie). All weights of the set 0: equal steps.
     *
     * @param weight    |score| of the genes in ranking order (n genes)
     * @param positions the set's positions in the ranking, ascending and distinct (m &lt; n of them)
     */
    public static double enrichmentScore(double[] weight, int[] positions) {
        int n = weight.length;
        int m = positions.length;
        double total = 0;
        for (int p : positions) {
            total += weight[p];
        }
        double missStep = 1.0 / (n - m);
        double hit = 0;
        double max = 0;
        double min = 0;
        for (int k = 0; k < m; k++) {
            double miss = (positions[k] - k) * missStep;
            min = Math.min(min, hit - miss); // just before the hit: the lowest point since the last one
            hit += total > 0 ? weight[positions[k]] / total : 1.0 / m;
            max = Math.max(max, hit - miss); // just after it: the highest
        }
        return max >= -min ? max : min;
    }

    /** ES of {@code permutations} random sets of {@code size} positions (Floyd's sampling, seeded). */
    private static double[] nullScores(double[] weight, int size, int permutations, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = weight.length;
        boolean[] taken = new boolean[n];
        int[] chosen = new int[size];
        double[] out = new double[permutations];
        for (int t = 0; t < permutations; t++) {
            int c = 0;
            for (int j = n - size; j < n; j++) {
                int pick = rng.nextInt(j + 1);
                int add = taken[pick] ? j : pick;
                taken[add] = true;
                chosen[c++] = add;
            }
            for (int x : chosen) {
                taken[x] = false;
            }
            int[] sorted = chosen.clone();
            Arrays.sort(sorted);
            out[t] = enrichmentScore(weight, sorted);
        }
        return out;
    }

    /** (1 + random ES at least as extreme, same sign) / (1 + random ES of that sign). */
    static double pValue(double es, double[] nulls) {
        long sameSign = 0;
        long extreme = 0;
        for (double x : nulls) {
            if (es >= 0 ? x >= 0 : x < 0) {
                sameSign++;
                if (es >= 0 ? x >= es : x <= es) {
                    extreme++;
                }
            }
        }
        return (1.0 + extreme) / (1.0 + sameSign);
    }

    /** A SplitMix64 step: a seed for one stream from a seed and a stream number. */
    private static long mix(long seed, long stream) {
        long z = seed + 0x9E3779B97F4A7C15L * (stream + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static String example(Set<String> names) {
        return names.isEmpty() ? "none" : "'" + new TreeSet<>(names).first() + "'";
    }

    /** Every set against every ranking: the overall importance ("all") first, then the axes; most significant first. */
    public List<Row> rows() {
        return rows;
    }

    /** The rows of one ranking ("all" or an axis number). */
    public List<Row> rows(String axis) {
        return rows.stream().filter(r -> r.axis().equals(axis)).toList();
    }

    /** Sets read. */
    public int sets() {
        return sets;
    }

    /** Sets tested (their overlap with the ranked genes within the size limits). */
    public int tested() {
        return tested;
    }

    /** Distinct gene symbols in the sets. */
    public int distinctGenes() {
        return distinctGenes;
    }

    /** Distinct gene symbols in the sets that are not among the ranked genes. */
    public int unmatchedGenes() {
        return unmatchedGenes;
    }

    /** Writes {@code set, description, axis, size, overlap, score, p_value, fdr}, tab-separated. */
    public void writeTsv(OutputFiles files, Path target) {
        files.write(target, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write("set\tdescription\taxis\tsize\toverlap\tscore\tp_value\tfdr\n");
            for (Row r : rows) {
                w.write(DelimitedText.field(r.set(), '\t') + "\t" + DelimitedText.field(r.description(), '\t') + "\t"
                        + r.axis() + "\t" + r.size() + "\t" + r.overlap() + "\t" + fmt(r.score()) + "\t"
                        + fmt(r.pValue()) + "\t" + fmt(r.fdr()) + "\n");
            }
            w.flush();
        });
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.6g", x);
    }
}
