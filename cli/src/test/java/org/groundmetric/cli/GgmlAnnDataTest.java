package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.groundmetric.cli.GgmlAnnData;
import org.groundmetric.data.Normalisation;
import org.groundmetric.data.Preprocessing;
import org.groundmetric.data.io.AnnData;
import org.groundmetric.data.io.DataFrame;
import org.groundmetric.learn.GgmlConfig;
import org.groundmetric.learn.TrainedMetric;
import org.groundmetric.linalg.DenseMatrix;
import org.junit.jupiter.api.Test;

/** Where a model's results land in an AnnData: gene loadings through a gene filter and a PCA, and every cell's image. */
class GgmlAnnDataTest {

    private static TrainedMetric model(double[][] w, List<String> features, Preprocessing p) {
        return new TrainedMetric(TrainedMetric.FORMAT_VERSION, TrainedMetric.KIND, w.length, w, features, p,
                List.of("a", "b"), GgmlConfig.builder().rank(w.length).build(), new double[features.size()], List.of());
    }

    private static Preprocessing filtered(List<String> kept, double[] mean, double[][] components) {
        return new Preprocessing(null, null, false, 0, null, kept == null ? null : "top-variance:" + kept.size(),
                components == null ? null : components.length, kept, mean, components);
    }

    @Test
    void genesTheModelFilteredOutGetZeroLoadings() {
        TrainedMetric m = model(new double[][] {{1, 2}, {3, 4}}, List.of("g3", "g1"), filtered(List.of("g3", "g1"), null, null));
        double[][] l = GgmlAnnData.geneLoadings(m, List.of("g1", "g2", "g3"));
        assertArrayEquals(new double[] {2, 4}, l[0]);
        assertArrayEquals(new double[] {0, 0}, l[1]);
        assertArrayEquals(new double[] {1, 3}, l[2]);
    }

    @Test
    void withPcaTheLoadingsAreThoseOfTheComposedMap() {
        double[][] components = {{0.6, 0.8, 0}, {0, 0, 1}};
        TrainedMetric m = model(new double[][] {{2, -1}}, List.of("PC1", "PC2"),
                filtered(null, new double[] {1, 1, 1}, components));
        double[][] l = GgmlAnnData.geneLoadings(m, List.of("g1", "g2", "g3"));
        // (W·C)ᵀ: W = [2, -1] over PC1, PC2.
        assertArrayEquals(new double[] {1.2}, l[0], 1e-12);
        assertArrayEquals(new double[] {1.6}, l[1], 1e-12);
        assertArrayEquals(new double[] {-1}, l[2], 1e-12);
    }

    @Test
    void everyCellIsProjectedAfterThePerCellSteps() {
        // log1p then gene selection (g3, g1) then W; the cell-subsampling setting plays no part.
        Preprocessing p = new Preprocessing(null, 1, false, 0, Normalisation.LOG1P, "top-variance:2", null,
                List.of("g3", "g1"), null, null);
        TrainedMetric m = model(new double[][] {{1, 0}, {0, 1}}, List.of("g3", "g1"), p);
        DenseMatrix x = new DenseMatrix(3, 3, new float[] {1, 0, 3, 0, 5, 0, 2, 2, 0});
        AnnData a = AnnData.of(x, DataFrame.ofIndex(List.of("c1", "c2", "c3")), DataFrame.ofIndex(List.of("g1", "g2", "g3")));
        AnnData out = GgmlAnnData.annotate(a, a, a.var().index(), m, w -> { });
        DenseMatrix image = out.obsm().get(GgmlAnnData.OBSM_KEY);
        assertEquals(3, image.rows());
        // cell 1: total 4 → g3 = log1p(3·2500), g1 = log1p(1·2500); cell 2 has neither gene.
        assertArrayEquals(new float[] {(float) Math.log1p(7500), (float) Math.log1p(2500), 0, 0, 0,
                (float) Math.log1p(5000)}, image.data(), 1e-5f);
        DenseMatrix w = out.varm().get(GgmlAnnData.VARM_KEY);
        assertArrayEquals(new float[] {0, 1, 0, 0, 1, 0}, w.data());
        @SuppressWarnings("unchecked")
        Map<String, Object> uns = (Map<String, Object>) out.uns().get(GgmlAnnData.UNS_KEY);
        assertEquals("cells-per-sample=1 seed=0, log1p, top-variance:2 (2 genes)", uns.get("preprocessing"));
    }
}
