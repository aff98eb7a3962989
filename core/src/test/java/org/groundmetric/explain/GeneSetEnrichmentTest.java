package org.groundmetric.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.groundmetric.Progress;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.PaperScaleCohort;
import org.groundmetric.eval.GeneImportance;
import org.groundmetric.learn.Ggml;
import org.groundmetric.learn.GgmlConfig;
import org.groundmetric.learn.TrainedMetric;
import org.groundmetric.learn.TrainingListener;
import org.groundmetric.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Preranked enrichment against an independent implementation (fixtures/make_enrichment.py: GSEA's
 * running sum walked gene by gene, and statsmodels' BH), a hand-computed score, the GMT reader, and
 * the known answer: the signal genes of a synthetic cohort, as a set among random sets of the same
 * size, come first with an FDR below 0.05 under the metric GGML learned.
 */
class GeneSetEnrichmentTest {

    @Test
    void enrichmentScoresMatchTheTextbookRunningSum() {
        JsonNode cases = Fixtures.load("enrichment.json").get("es");
        for (JsonNode c : cases) {
            double[] scores = Fixtures.doubles(c.get("scores"));
            int[] set = Fixtures.ints(c.get("set"));
            List<String> genes = names(scores.length);
            GeneSetEnrichment e = GeneSetEnrichment.of(genes, List.of(new GeneSetEnrichment.Ranking("all", scores)),
                    List.of(new GeneSet("s", "", pick(genes, set))), new GeneSetEnrichment.Settings(10, 0, 1, 1000),
                    Progress.NONE);
            assertEquals(c.get("es").asDouble(), e.rows().get(0).score(), 1e-12, "case with " + scores.length
                    + " genes and " + set.length + " in the set");
        }
    }

    @Test
    void aScoreByHand() {
        // weights 4, 3, 2, 1; set = first and third gene: +4/6, −1/2, +2/6, −1/2 → peak 2/3 after the first gene
        assertEquals(2.0 / 3, GeneSetEnrichment.enrichmentScore(new double[] {4, 3, 2, 1}, new int[] {0, 2}), 1e-15);
        // set = the last gene: −1/3 three times, then +1 → the deepest point is −1
        assertEquals(-1, GeneSetEnrichment.enrichmentScore(new double[] {4, 3, 2, 1}, new int[] {3}), 1e-15);
    }

    @Test
    void benjaminiHochbergMatchesStatsmodels() {
        for (JsonNode c : Fixtures.load("enrichment.json").get("bh")) {
            assertArrayEquals(Fixtures.doubles(c.get("q")), BenjaminiHochberg.adjust(Fixtures.doubles(c.get("p"))),
                    1e-15);
        }
        double[] q = BenjaminiHochberg.adjust(new double[] {0.04, Double.NaN, 0.01});
        assertEquals(Double.NaN, q[1]);
        assertArrayEquals(new double[] {0.04, 0.02}, new double[] {q[0], q[2]}, 1e-15, "NaN is not part of the family");
    }

    @Test
    void gmtFilesAreMatchedIgnoringCaseAndUnmatchedGenesAreCounted(@TempDir Path dir) throws Exception {
        Path gmt = Files.writeString(dir.resolve("sets.gmt"), "\uFEFFUP\thttp://x\tg000\tG001\tg002\t\n\n"
                + "MIXED\t\tg003\tnot_a_gene\tG004\tg005\tg006\tg007\n");
        List<GeneSet> sets = GeneSet.readGmt(gmt);
        assertEquals(2, sets.size());
        assertEquals("UP", sets.get(0).name());
        assertEquals("http://x", sets.get(0).description());
        assertEquals(List.of("g000", "G001", "g002"), sets.get(0).genes());
        double[] scores = new double[20];
        for (int g = 0; g < scores.length; g++) {
            scores[g] = 20 - g;
        }
        GeneSetEnrichment e = GeneSetEnrichment.of(names(20), List.of(new GeneSetEnrichment.Ranking("all", scores)),
                sets, new GeneSetEnrichment.Settings(200, 1, 3, 10), Progress.NONE);
        assertEquals(9, e.distinctGenes());
        assertEquals(1, e.unmatchedGenes());
        GeneSetEnrichment.Row up = e.rows().stream().filter(r -> r.set().equals("UP")).findFirst().orElseThrow();
        assertEquals(3, up.overlap());
        assertEquals(6, e.rows().stream().filter(r -> r.set().equals("MIXED")).findFirst().orElseThrow().size());
        assertEquals(1.0, up.score(), 1e-12, "the set is the top of the ranking");
    }

    @Test
    void aBrokenGmtLineIsRefusedNamingIt(@TempDir Path dir) throws Exception {
        Path gmt = Files.writeString(dir.resolve("bad.gmt"), "A\tdesc\tg1\nB desc g2 g3\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GeneSet.readGmt(gmt));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("separated by tabs"), e.getMessage());
    }

    @Test
    void resultsDependOnTheSeedOnlyNotOnTheOrderOfTheSets() {
        double[] scores = new SplittableRandom(3).doubles(60).toArray();
        List<String> genes = names(60);
        List<GeneSet> sets = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
            sets.add(new GeneSet("s" + s, "", pick(genes, new int[] {s, s + 7, s + 19, s + 30, s + 41})));
        }
        List<GeneSet> reversed = new ArrayList<>(sets);
        java.util.Collections.reverse(reversed);
        GeneSetEnrichment.Settings settings = new GeneSetEnrichment.Settings(300, 5, 5, 500);
        List<GeneSetEnrichment.Ranking> ranking = List.of(new GeneSetEnrichment.Ranking("all", scores));
        assertEquals(GeneSetEnrichment.of(genes, ranking, sets, settings, Progress.NONE).rows(),
                GeneSetEnrichment.of(genes, ranking, reversed, settings, Progress.NONE).rows());
    }

    /**
     * The known answer: PaperScaleCohort puts the class signal in genes gene_0000..gene_0009 (type_0's
     * first markers). Ranked by the importance per standard deviation of the metric GGML learns from
     * the labels, the set of those genes, among 19 random sets of 10 genes, must come first with
     * FDR &lt; 0.05.
     */
    @Test
    void theSignalGenesComeFirstAmongRandomSetsOfTheSameSize() {
        Cohort cohort = new PaperScaleCohort(24, 2, 40, 80, 4, 0.3, 10, 1).generate();
        TrainedMetric model = new Ggml(GgmlConfig.builder().epochs(15).learningRate(0.02).batchSize(32).seed(0).build())
                .train(cohort, TrainingListener.NONE);
        List<String> genes = model.featureNames();
        int d = genes.size();
        double[] w = new double[model.rank() * d];
        double[] sd = new double[d];
        for (int r = 0; r < model.rank(); r++) {
            System.arraycopy(model.weights()[r], 0, w, r * d, d);
        }
        for (int f = 0; f < d; f++) {
            sd[f] = 1 / model.featureScales()[f];
        }
        GeneImportance importance = GeneImportance.perStandardDeviation(w, model.rank(), genes, sd);
        List<GeneSet> sets = new ArrayList<>();
        sets.add(new GeneSet("SIGNAL", "the class signal", genes.subList(0, 10)));
        SplittableRandom rng = new SplittableRandom(11);
        for (int s = 0; s < 19; s++) {
            int[] pick = rng.ints(0, d).distinct().limit(10).toArray();
            sets.add(new GeneSet("RANDOM_" + s, "", pick(genes, pick)));
        }
        // 5000 random sets per size: with 20 sets, BH needs p below 0.0025, finer than 1000 resolve
        GeneSetEnrichment e = GeneSetEnrichment.of(importance, sets, new GeneSetEnrichment.Settings(5000, 0, 5, 500),
                Progress.NONE);
        GeneSetEnrichment.Row first = e.rows("all").get(0);
        assertEquals("SIGNAL", first.set(), "first set: " + e.rows("all").subList(0, 3));
        assertTrue(first.fdr() < 0.05, "FDR " + first.fdr());
        assertTrue(first.score() > 0, "the signal genes gather at the top: " + first);
        assertEquals(1 + model.rank(), e.rows().stream().map(GeneSetEnrichment.Row::axis).distinct().count(),
                "the overall ranking and one per axis");
    }

    private static List<String> names(int n) {
        List<String> out = new ArrayList<>();
        for (int g = 0; g < n; g++) {
            out.add(String.format("g%03d", g));
        }
        return out;
    }

    private static List<String> pick(List<String> genes, int[] which) {
        List<String> out = new ArrayList<>();
        for (int i : which) {
            out.add(genes.get(i));
        }
        return out;
    }
}
