package org.groundmetric.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.Preprocessing;
import org.groundmetric.data.Representation;
import org.groundmetric.data.Sample;
import org.groundmetric.data.SyntheticCohorts;
import org.groundmetric.linalg.DenseMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * W read in genes: through the model's own PCA (W·C), an embedding's loadings (W·L), or both; what
 * a model file records for it (the PCA's genes, the representation) and that older files still read.
 */
class GeneLoadingsTest {

    private static TrainedMetric model(double[][] w, List<String> features, Preprocessing p, Representation rep) {
        return new TrainedMetric(TrainedMetric.FORMAT_VERSION, TrainedMetric.KIND, w.length, w, features, p,
                List.of("a", "b"), GgmlConfig.builder().rank(w.length).build(), null, List.of(), null, rep);
    }

    private static Preprocessing pca(List<String> genes, double[][] components) {
        return new Preprocessing(null, null, false, 0, null, null, components.length, genes,
                new double[components[0].length], components);
    }

    @Test
    void throughThePrincipalAxes() {
        // W = [2, -1] on PC1 = 0.6·g1 + 0.8·g2, PC2 = g3: W·C = [1.2, 1.6, -1]
        TrainedMetric m = model(new double[][] {{2, -1}}, List.of("PC1", "PC2"),
                pca(List.of("g1", "g2", "g3"), new double[][] {{0.6, 0.8, 0}, {0, 0, 1}}), null);
        GeneLoadings g = m.geneLoadings();
        assertEquals("pca", g.through());
        assertEquals(List.of("g1", "g2", "g3"), g.genes());
        assertArrayEquals(new double[] {1.2, 1.6, -1}, g.weights()[0], 1e-12);
    }

    @Test
    void throughAnEmbeddingsLoadingsAndAPcaOfItsColumns() {
        // the embedding's columns in genes: E1 = g1 + g2, E2 = g2 − g3
        Representation rep = new Representation("X_e", "X_e", List.of("g1", "g2", "g3"),
                new double[][] {{1, 1, 0}, {0, 1, -1}});
        TrainedMetric onColumns = model(new double[][] {{3, 2}}, List.of("X_e_1", "X_e_2"), Preprocessing.NONE, rep);
        assertArrayEquals(new double[] {3, 5, -2}, onColumns.geneLoadings().weights()[0], 1e-12);
        assertEquals("varm X_e", onColumns.geneLoadings().through());
        // a PCA of the columns (X_e_2 first) in between: PC1 = X_e_2, so W·C·L = 4·(g2 − g3)
        TrainedMetric onPcs = model(new double[][] {{4}}, List.of("PC1"),
                pca(List.of("X_e_2", "X_e_1"), new double[][] {{1, 0}}), rep);
        assertArrayEquals(new double[] {0, 4, -4}, onPcs.geneLoadings().weights()[0], 1e-12);
        // without loadings the columns cannot be read in genes
        assertNull(model(new double[][] {{1, 1}}, List.of("X_e_1", "X_e_2"), Preprocessing.NONE,
                Representation.withoutLoadings("X_e")).geneLoadings());
    }

    @Test
    void zeroLoadingRowsAreLeftOutOfTheRecord() {
        DenseMatrix varm = DenseMatrix.of(new double[][] {{0.5, 0}, {0, 0}, {0, -1}});
        Representation r = Representation.withLoadings("X_pca", "PCs", List.of("a", "b", "c"), varm, 2);
        assertEquals(List.of("a", "c"), r.genes());
        assertArrayEquals(new double[] {0.5, 0}, r.loadings()[0]);
        assertArrayEquals(new double[] {0, -1}, r.loadings()[1]);
        assertEquals("PCs", Representation.loadingsKey("X_pca", java.util.Set.of("PCs")));
        assertEquals("X_scVI", Representation.loadingsKey("X_scVI", java.util.Set.of("PCs", "X_scVI")));
        assertNull(Representation.loadingsKey("X_scVI", java.util.Set.of("PCs")));
    }

    /** A --pca fit records the genes it reads, so new data is matched by name and W is read in genes. */
    @Test
    void aPcaRecordsItsGenesAndMatchesNewDataByName(@TempDir Path dir) {
        Cohort c = SyntheticCohorts.paper(3, 1, 3, 8, 5);
        Preprocessing.Result fitted = Preprocessing.request(null, null, false, null, null, 2, 0).fit(c, w -> { });
        assertEquals(c.featureNames(), fitted.preprocessing().keptGenes());
        // the same cells with the genes in reverse order project to the same PCs
        List<String> reversed = new java.util.ArrayList<>(c.featureNames());
        java.util.Collections.reverse(reversed);
        int[] cols = c.featureColumns(reversed);
        List<Sample> flipped = c.samples().stream().map(s -> s.withCells(s.cells().selectColumns(cols))).toList();
        Cohort again = fitted.preprocessing().apply(new Cohort(flipped, reversed), w -> { });
        for (int s = 0; s < c.size(); s++) {
            assertArrayEquals(((DenseMatrix) fitted.cohort().sample(s).cells()).data(),
                    ((DenseMatrix) again.sample(s).cells()).data());
        }
    }

    /** Model files from before: a PCA without its genes, no representation field; they read as before. */
    @Test
    void olderPcaModelsReadAndTakeTheirGenesFromTheData(@TempDir Path dir) throws Exception {
        TrainedMetric m = model(new double[][] {{2, -1}}, List.of("PC1", "PC2"),
                pca(List.of("g1", "g2", "g3"), new double[][] {{0.6, 0.8, 0}, {0, 0, 1}}), null);
        Path f = dir.resolve("m.json");
        m.write(f);
        String json = Files.readString(f);
        assertTrue(!json.contains("representation"), "no representation field for a model on genes");
        Path old = dir.resolve("old.json");
        Files.writeString(old, json.replaceFirst("\"keptGenes\" : \\[ \"g1\", \"g2\", \"g3\" \\]", "\"keptGenes\" : null"));
        TrainedMetric back = TrainedMetric.read(old);
        assertNull(back.preprocessing().keptGenes());
        assertNull(back.geneLoadings());
        assertArrayEquals(new double[] {1.2, 1.6, -1}, back.geneLoadings(List.of("x", "y", "z")).weights()[0], 1e-12);
    }

    @Test
    void theRepresentationRoundTripsThroughTheModelFile(@TempDir Path dir) {
        Representation rep = new Representation("X_pca", "PCs", List.of("g1", "g2"), new double[][] {{1, 0.5}});
        TrainedMetric m = model(new double[][] {{1}}, List.of("X_pca_1"), Preprocessing.NONE, rep);
        Path f = dir.resolve("m.json");
        m.write(f);
        TrainedMetric back = TrainedMetric.read(f);
        assertEquals("X_pca", back.representation().key());
        assertEquals("PCs", back.representation().loadingsKey());
        assertEquals(rep.genes(), back.representation().genes());
        assertArrayEquals(rep.loadings()[0], back.representation().loadings()[0]);
    }
}
