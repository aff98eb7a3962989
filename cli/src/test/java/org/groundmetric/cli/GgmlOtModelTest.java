package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.groundmetric.data.io.H5adSlots;
import org.groundmetric.learn.TrainedMetric;
import org.groundmetric.linalg.DenseMatrix;
import org.groundmetric.testing.TestResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --model FILE.h5ad} with files in ggml-ot's layout written by Python anndata
 * ({@code ggml_ot/make_ggml_ot_files.py}), and models on principal components or an embedding
 * explained in genes by {@code genes}.
 */
class GgmlOtModelTest {

    @TempDir
    Path dir;

    @Test
    void distancesUnderAGgmlOtMapMatchPot() throws Exception {
        Path file = TestResources.ggmlOt("ggml_ot_genes.h5ad", dir);
        Path out = dir.resolve("D.tsv");
        CliRun run = CliRun.of("distances", "--model", file.toString(), "--input", file.toString(),
                "--sample-key", "sample", "--out", out.toString(), "-q");
        assertEquals(0, run.exitCode(), run.err());
        assertClose((double[][]) H5adSlots.uns(file).get("reference_distances"), tsv(out), 1e-6);
    }

    @Test
    void aMapOnAnEmbeddingNeedsThatEmbeddingAsInput() throws Exception {
        Path file = TestResources.ggmlOt("ggml_ot_pca.h5ad", dir);
        Path out = dir.resolve("D.tsv");
        CliRun run = CliRun.of("distances", "--model", file.toString(), "--input", file.toString(),
                "--sample-key", "sample", "--use-rep", "X_pca", "--out", out.toString(), "-q");
        assertEquals(0, run.exitCode(), run.err());
        assertClose((double[][]) H5adSlots.uns(file).get("reference_distances"), tsv(out), 1e-6);
        CliRun genes = CliRun.of("distances", "--model", file.toString(), "--input", file.toString(),
                "--sample-key", "sample", "--out", dir.resolve("D2.tsv").toString(), "-q");
        assertEquals(2, genes.exitCode(), genes.err());
        assertEquals(1, genes.err().lines().count(), genes.err());
        assertTrue(genes.err().contains("the model reads the embedding obsm X_pca"), genes.err());
        assertTrue(Files.notExists(dir.resolve("D2.tsv")));
    }

    @Test
    void dataWithOtherGenesIsRefusedInOneLine() throws Exception {
        Path model = TestResources.ggmlOt("ggml_ot_genes.h5ad", dir);
        Path other = dir.resolve("other.csv");
        Files.writeString(other, "cell,g0,g1,x2,g3,g4,sample\nc1,1,2,3,4,5,p1\nc2,2,3,4,5,6,p2\n");
        CliRun run = CliRun.of("distances", "--model", model.toString(), "--input", other.toString(),
                "--sample-key", "sample", "--out", dir.resolve("D.tsv").toString(), "-q");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: ") && run.err().contains("g2"), run.err());
    }

    /** genes on ggml-ot's PCA model ranks genes, as ggml-ot's own varm["W_ggml"] does. */
    @Test
    void genesOfAModelOnPcsAreGenes() throws Exception {
        Path file = TestResources.ggmlOt("ggml_ot_pca.h5ad", dir);
        Path out = dir.resolve("genes.tsv");
        CliRun run = CliRun.of("genes", "--model", file.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("note: the model's 3 features (X_pca_1, …) are read in 4 genes through the"
                + " embedding's loadings, varm PCs"), run.out());
        DenseMatrix ggmlOt = H5adSlots.varm(file, "W_ggml");
        Map<String, Double> expected = importance(ggmlOt, List.of("g0", "g1", "g2", "g3", "g4"));
        Map<String, Double> ranked = genesTsv(out);
        assertEquals(List.of("g0", "g1", "g2", "g3"), ranked.keySet().stream().sorted().toList());
        ranked.forEach((gene, imp) -> assertEquals(expected.get(gene), imp, 1e-5, gene));
    }

    /** train --pca and train --use-rep record what reads them in genes; genes and varm W_ggml rank genes. */
    @Test
    void modelsTrainedOnPcsOrAnEmbeddingAreExplainedInGenes() throws Exception {
        Path file = TestResources.ggmlOt("ggml_ot_pca.h5ad", dir);
        String[] data = {"--input", file.toString(), "--sample-key", "sample", "--label-key", "patient_group",
            "--neighbours", "1", "--rank", "2", "--epochs", "2", "-q"};
        Path pcaModel = dir.resolve("pca.json");
        Path repModel = dir.resolve("rep.json");
        CliRun a = CliRun.of(with(data, "train", "--pca", "2", "--out", pcaModel.toString()));
        CliRun b = CliRun.of(with(data, "train", "--use-rep", "X_pca", "--out", repModel.toString()));
        assertEquals(0, a.exitCode(), a.err());
        assertEquals(0, b.exitCode(), b.err());
        // --pca: W·C over the genes the PCA read
        TrainedMetric pca = TrainedMetric.read(pcaModel);
        double[][] c = pca.preprocessing().pcaComponents();
        List<String> genes = List.of("g0", "g1", "g2", "g3", "g4");
        assertEquals(genes, pca.preprocessing().keptGenes());
        assertRanks(pcaModel, times(pca.weights(), c), genes);
        // --use-rep X_pca: W·PCsᵀ, the file's own loadings (g4 has none)
        TrainedMetric rep = TrainedMetric.read(repModel);
        assertEquals("PCs", rep.representation().loadingsKey());
        DenseMatrix pcs = H5adSlots.varm(file, "PCs");
        double[][] pcsT = new double[3][4];
        for (int g = 0; g < 4; g++) {
            for (int f = 0; f < 3; f++) {
                pcsT[f][g] = pcs.get(g, f);
            }
        }
        assertRanks(repModel, times(rep.weights(), pcsT), genes.subList(0, 4));
        // embed --write-h5ad puts the same map in genes into varm["W_ggml"], and ggml_params.use_rep
        Path h5ad = dir.resolve("out.h5ad");
        CliRun e = CliRun.of("embed", "--model", repModel.toString(), "--input", file.toString(), "--sample-key",
                "sample", "--use-rep", "X_pca", "--write-h5ad", h5ad.toString(), "-q");
        assertEquals(0, e.exitCode(), e.err());
        DenseMatrix varm = H5adSlots.varm(h5ad, "W_ggml");
        double[][] inGenes = times(rep.weights(), pcsT);
        for (int g = 0; g < 4; g++) {
            for (int r = 0; r < 2; r++) {
                assertEquals((float) inGenes[r][g], varm.get(g, r), 0f);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) H5adSlots.uns(h5ad).get("ggml_params");
        assertEquals("X_pca", params.get("use_rep"));
    }

    private void assertRanks(Path model, double[][] inGenes, List<String> genes) throws Exception {
        Path out = dir.resolve(model.getFileName() + ".genes.tsv");
        CliRun run = CliRun.of("genes", "--model", model.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        Map<String, Double> expected = importance(DenseMatrix.of(transpose(inGenes)), genes);
        Map<String, Double> ranked = genesTsv(out);
        assertEquals(expected.keySet(), ranked.keySet());
        ranked.forEach((gene, imp) -> assertEquals(expected.get(gene), imp, 1e-5, gene));
    }

    private static String[] with(String[] common, String... more) {
        List<String> all = new ArrayList<>(List.of(more));
        all.addAll(List.of(common));
        return all.toArray(new String[0]);
    }

    /** Normalised row sums of squares of a genes × k matrix: the importance ggml-ot's varm["W_ggml"] gives. */
    private static Map<String, Double> importance(DenseMatrix genesByAxis, List<String> genes) {
        Map<String, Double> out = new HashMap<>();
        double total = 0;
        for (int g = 0; g < genesByAxis.rows(); g++) {
            double s = 0;
            for (int r = 0; r < genesByAxis.cols(); r++) {
                s += (double) genesByAxis.get(g, r) * genesByAxis.get(g, r);
            }
            out.put(genes.get(g), s);
            total += s;
        }
        double sum = total;
        out.replaceAll((g, s) -> s / sum);
        out.values().removeIf(v -> v == 0);
        return out;
    }

    private static Map<String, Double> genesTsv(Path file) throws Exception {
        Map<String, Double> out = new HashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            out.put(f[0], Double.parseDouble(f[1]));
        }
        out.values().removeIf(v -> v == 0);
        return out;
    }

    private static double[][] times(double[][] a, double[][] b) {
        double[][] out = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                for (int k = 0; k < b[0].length; k++) {
                    out[i][k] += a[i][j] * b[j][k];
                }
            }
        }
        return out;
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    private static double[][] tsv(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        double[][] out = new double[lines.size() - 1][];
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t");
            out[i - 1] = new double[f.length - 1];
            for (int j = 1; j < f.length; j++) {
                out[i - 1][j - 1] = Double.parseDouble(f[j]);
            }
        }
        return out;
    }

    private static void assertClose(double[][] expected, double[][] actual, double tolerance) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], tolerance);
        }
    }
}
