package org.groundmetric.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.groundmetric.IllegalParameterException;
import org.groundmetric.data.io.AnnData;
import org.groundmetric.data.io.H5adReader;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.DenseMatrix;
import org.groundmetric.testing.Bits;
import org.groundmetric.testing.TestData;
import org.junit.jupiter.api.Test;

/**
 * Reference numbers from numpy on kang_ifnb_example.h5ad's layers/counts: X = log1p(C / C.sum(1) · 1e4);
 * v = X.var(0); above-mean-variance = v > v.mean() (499 genes); top-50 = the 50 largest v; PCA variances
 * = S²/n from numpy.linalg.svd of the centred top-50 matrix.
 */
class PreprocessingTest {

    private static Cohort kangCounts() {
        AnnData a = H5adReader.read(TestData.file("kang_ifnb_example.h5ad"), new H5adReader.Options("counts", null, null));
        return CohortBuilder.build(a, new CohortBuilder.Spec("sample_id", "group_id", null, true), w -> { });
    }

    /**
     * Every step on generated sparse counts (no shared data needed), to the last bit: the fitted
     * genes and PCA axes and the cells they give, fitted and replayed. Refactorings must leave it.
     */
    @Test
    void everyStepIsPinned() {
        Cohort raw = new PaperScaleCohort(9, 3, 60, 200, 3, 0.2, 10, 3).generate();
        Preprocessing.Result r = Preprocessing.request(50, 40, false, Normalisation.LOG1P, GeneFilter.parse("top-variance:60"), 5, 7).fit(raw, w -> { });
        List<double[]> bits = new ArrayList<>(List.of(r.preprocessing().pcaMean()));
        bits.addAll(List.of(r.preprocessing().pcaComponents()));
        for (Sample s : r.cohort().samples()) {
            bits.add(rowsOf(s.cells()));
        }
        assertEquals("68d6456ad5156c6d", Bits.digest(bits.toArray(new double[0][])), "fitted");
        Cohort replayed = r.preprocessing().apply(raw, w -> { });
        List<double[]> again = new ArrayList<>();
        for (Sample s : replayed.samples()) {
            again.add(rowsOf(s.cells()));
        }
        assertEquals(Bits.digest(bits.subList(6, bits.size()).toArray(new double[0][])),
                Bits.digest(again.toArray(new double[0][])), "replayed");
        Cohort above = Preprocessing.request(null, null, false, Normalisation.NONE, GeneFilter.parse("above-mean-variance"), null, 0).fit(raw, w -> { })
                .cohort();
        assertEquals("06bcefbc186307a5", Bits.digest(rowsOf(above.sample(0).cells())),
                "above-mean-variance");
    }

    private static double[] rowsOf(CellMatrix m) {
        double[] out = new double[m.rows() * m.cols()];
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                out[i * m.cols() + j] = m.get(i, j);
            }
        }
        return out;
    }

    @Test
    void log1pMatchesScanpyNormaliseTotalThenLog1p() {
        Cohort c = kangCounts();
        Cohort n = Preprocessing.request(null, null, false, Normalisation.LOG1P, null, null, 0).fit(c, w -> { }).cohort();
        int row = c.sample(0).cellIds().indexOf("ATCATGCTGCGTAT-1");
        assertEquals(3.3663308118174946, n.sample(0).cells().get(row, 1), 1e-5);
        assertEquals(2.7071173652136697, n.sample(0).cells().get(row, 14), 1e-5);
    }

    /**
     * A sample holding its cells as a view of X's rows shares X's arrays with the other samples: the
     * count check must read only its own rows (a negative value elsewhere is not its problem) and
     * name its own cell when one of them is negative.
     */
    @Test
    void log1pChecksOnlyTheSamplesOwnRowsOfAView() {
        // X: 3 cells × 2 genes; cell 1 (another sample's) holds -1
        org.groundmetric.linalg.CsrMatrix x = new org.groundmetric.linalg.CsrMatrix(3, 2, new int[] {0, 1, 2, 4},
                new int[] {0, 1, 0, 1}, new float[] {3, -1, 2, 5});
        List<String> genes = List.of("g1", "g2");
        Sample mine = new Sample("s1", "a", x.viewRows(new int[] {0, 2}), List.of("c0", "c2"), java.util.Map.of());
        Cohort ok = Normalisation.LOG1P.apply(new Cohort(List.of(mine), genes));
        assertEquals(Math.log1p(1e4), ok.sample(0).cells().get(0, 0), 1e-4);
        Sample other = new Sample("s2", "b", x.viewRows(new int[] {1}), List.of("c1"), java.util.Map.of());
        IllegalParameterException e = assertThrows(IllegalParameterException.class,
                () -> Normalisation.LOG1P.apply(new Cohort(List.of(other), genes)));
        assertTrue(e.getMessage().contains("sample 's2', cell 'c1' holds -1.0 for feature 'g2'"), e.getMessage());
    }

    @Test
    void geneFiltersKeepThePapersAndTheTopVarianceGenes() {
        Cohort c = kangCounts();
        Preprocessing.Result amv = Preprocessing.request(null, null, false, Normalisation.LOG1P, GeneFilter.parse("above-mean-variance"), null, 0)
                .fit(c, w -> { });
        assertEquals(499, amv.cohort().featureCount());
        assertEquals(List.of("ISG15", "RPL22", "PARK7"), amv.preprocessing().keptGenes().subList(0, 3));
        Preprocessing.Result top = Preprocessing.request(null, null, false, Normalisation.LOG1P, GeneFilter.parse("top-variance:50"), null, 0)
                .fit(c, w -> { });
        assertEquals(50, top.cohort().featureCount());
        assertEquals(List.of("ISG15", "IFI6", "RPL5", "S100A10", "S100A11"), top.cohort().featureNames().subList(0, 5));
    }

    @Test
    void pcaVariancesMatchNumpySvd() {
        Preprocessing.Result r = Preprocessing.request(null, null, false, Normalisation.LOG1P, GeneFilter.parse("top-variance:50"), 5, 7)
                .fit(kangCounts(), w -> { });
        double[] expected = {63.96719722693412, 28.48718054407343, 9.586176349128127, 3.949674172682697, 3.018511884957688};
        assertEquals(List.of("PC1", "PC2", "PC3", "PC4", "PC5"), r.cohort().featureNames());
        for (int k = 0; k < 5; k++) {
            double sum = 0;
            double sumSq = 0;
            long n = 0;
            for (Sample s : r.cohort().samples()) {
                for (int i = 0; i < s.cellCount(); i++) {
                    double v = s.cells().get(i, k);
                    sum += v;
                    sumSq += v * v;
                    n++;
                }
            }
            assertEquals(0, sum / n, 1e-4, "PC" + (k + 1) + " is centred");
            assertEquals(expected[k], sumSq / n, 1e-3 * expected[k], "variance along PC" + (k + 1));
        }
    }

    @Test
    void replayOnNewDataGivesTheSameCellsAndSurvivesJson() throws Exception {
        Cohort c = kangCounts();
        Preprocessing.Result r = Preprocessing.request(null, 200, false, Normalisation.LOG1P, GeneFilter.parse("top-variance:40"), 3, 11)
                .fit(c, w -> { });
        String json = new ObjectMapper().writeValueAsString(r.preprocessing());
        Preprocessing back = new ObjectMapper().readValue(json, Preprocessing.class);
        assertEquals(json, new ObjectMapper().writeValueAsString(back));
        Cohort again = back.apply(c, w -> { });
        for (int s = 0; s < c.size(); s++) {
            assertEquals(r.cohort().sample(s).cellIds(), again.sample(s).cellIds());
            CellMatrix a = r.cohort().sample(s).cells();
            CellMatrix b = again.sample(s).cells();
            for (int i = 0; i < a.rows(); i++) {
                for (int k = 0; k < 3; k++) {
                    assertEquals(a.get(i, k), b.get(i, k), 1e-5);
                }
            }
        }
    }

    @Test
    void cellsPerSampleSubsamplesWithASeedAndDropsOrKeepsSmallSamples() {
        Cohort c = kangCounts(); // sample sizes: 454, 500, 296, 306 (some order)
        List<String> warnings = new ArrayList<>();
        Cohort sub = Preprocessing.request(null, 400, false, Normalisation.NONE, null, null, 3).fit(c, warnings::add).cohort();
        assertEquals(2, sub.size());
        assertTrue(sub.samples().stream().allMatch(s -> s.cellCount() == 400));
        assertTrue(warnings.get(0).contains("dropped 2 samples") && warnings.get(0).contains("keeping small samples"),
                warnings.get(0));
        Cohort kept = Preprocessing.request(null, 400, true, Normalisation.NONE, null, null, 3).fit(c, w -> { }).cohort();
        assertEquals(4, kept.size());
        Cohort same = Preprocessing.request(null, 400, false, Normalisation.NONE, null, null, 3).fit(c, w -> { }).cohort();
        assertEquals(sub.sample(0).cellIds(), same.sample(0).cellIds());
        Cohort other = Preprocessing.request(null, 400, false, Normalisation.NONE, null, null, 4).fit(c, w -> { }).cohort();
        assertTrue(!sub.sample(0).cellIds().equals(other.sample(0).cellIds()));
        // picking the rows while building the cohort gives the same cells as subsampling afterwards
        Preprocessing p = Preprocessing.request(null, 400, false, Normalisation.NONE, null, null, 3);
        AnnData a = H5adReader.read(TestData.file("kang_ifnb_example.h5ad"), new H5adReader.Options("counts", null, null));
        Cohort early = p.fit(CohortBuilder.build(a, new CohortBuilder.Spec("sample_id", "group_id", null, true),
                p::sampleRows, w -> { }), w -> { }).cohort();
        assertEquals(sub.sampleIds(), early.sampleIds());
        for (int s = 0; s < sub.size(); s++) {
            assertEquals(sub.sample(s).cellIds(), early.sample(s).cellIds());
        }
        Cohort minCells = Preprocessing.request(300, null, false, Normalisation.NONE, null, null, 3).fit(c, w -> { }).cohort();
        assertEquals(3, minCells.size());
    }

    @Test
    void missingGenesOnReplayCountAsZeroWithAWarning() {
        Cohort train = new Cohort(List.of(Sample.of("a", "x", DenseMatrix.of(new float[][] {{1, 0, 5}, {3, 0, 1}}))),
                List.of("g1", "g2", "g3"));
        Preprocessing p = Preprocessing.request(null, null, false, Normalisation.NONE, GeneFilter.parse("top-variance:2"), null, 0).fit(train, w -> { })
                .preprocessing();
        assertEquals(List.of("g1", "g3"), p.keptGenes());
        Cohort test = new Cohort(List.of(Sample.of("b", null, DenseMatrix.of(new float[][] {{7, 8}}))), List.of("g3", "g2"));
        List<String> warnings = new ArrayList<>();
        Cohort out = p.apply(test, warnings::add);
        assertEquals(0f, out.sample(0).cells().get(0, 0));
        assertEquals(7f, out.sample(0).cells().get(0, 1));
        assertTrue(warnings.get(0).contains("1 of 2 genes") && warnings.get(0).contains("g1"), warnings.get(0));
    }

    @Test
    void badSettingsAreRefusedWithTheExpectedForm() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Preprocessing.request(null, null, false, Normalisation.NONE, GeneFilter.parse("top:5"), null, 0)).getMessage().contains("top-variance:N"));
        assertEquals("GeneFilter", assertThrows(IllegalParameterException.class, () -> GeneFilter.parse("top:5")).parameter());
        IllegalParameterException e = assertThrows(IllegalParameterException.class,
                () -> Preprocessing.request(null, 0, false, Normalisation.NONE, null, null, 0));
        assertTrue(e.getMessage().contains("cells per sample is 0"), e.getMessage());
        assertEquals("CellSampling.cellsPerSample", e.parameter());
    }
}
