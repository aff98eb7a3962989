package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.groundmetric.learn.MahalanobisModel;
import org.groundmetric.learn.TrainedMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** benchmark --save-models: every method as a model file that the other commands take (issue 21). */
class SaveModelsTest {

    @Test
    void savedModelsAreReadByDistancesAndEmbedAndEuclideanIsTheIdentity(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("s.h5ad");
        assertEquals(0, CliRun.of("synth", "--preset", "synth2d", "--out", data.toString()).exitCode());
        Path models = dir.resolve("models");
        CliRun bench = CliRun.of("benchmark", "-i", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--cells-per-sample", "20", "--methods", "GGML,Euclidean,Manhattan,LFDA", "--cv", "split",
                "--splits", "1", "--epochs", "2", "--k", "3", "--baseline-cells", "10", "--clustering-cells", "0",
                "--quiet", "--out", dir.resolve("r.csv").toString(), "--save-models", models.toString());
        assertEquals(0, bench.exitCode(), bench.err());
        assertTrue(bench.out().contains("wrote 3 models (ggml.json, euclidean.json, lfda.json) to " + models
                + ", fitted on the 15 training samples of the first fit"), bench.out());
        assertTrue(bench.err().contains("--save-models leaves out Manhattan"), bench.err());
        for (String m : new String[] {"ggml", "euclidean", "lfda"}) {
            TrainedMetric read = TrainedMetric.read(models.resolve(m + ".json"));
            assertEquals(MahalanobisModel.KIND, read.kind(), m);
            assertEquals(Integer.valueOf(20), read.preprocessing().cellsPerSample(), m);
        }
        TrainedMetric euclidean = TrainedMetric.read(models.resolve("euclidean.json"));
        assertEquals(2, euclidean.rank());
        assertEquals("[[1.0, 0.0], [0.0, 1.0]]", java.util.Arrays.deepToString(euclidean.weights()));

        // the Euclidean model gives the distances of --metric euclidean on the same cells
        Path byModel = dir.resolve("dm.tsv");
        Path byMetric = dir.resolve("de.tsv");
        CliRun a = CliRun.of("distances", "-i", data.toString(), "--sample-key", "sample", "--model",
                models.resolve("euclidean.json").toString(), "--quiet", "--out", byModel.toString());
        assertEquals(0, a.exitCode(), a.err());
        CliRun b = CliRun.of("distances", "-i", data.toString(), "--sample-key", "sample", "--metric", "euclidean",
                "--cells-per-sample", "20", "--quiet", "--out", byMetric.toString());
        assertEquals(0, b.exitCode(), b.err());
        double[][] dm = EmbedCommandTest.readMatrix(byModel);
        double[][] de = EmbedCommandTest.readMatrix(byMetric);
        for (int i = 0; i < dm.length; i++) {
            for (int j = 0; j < dm.length; j++) {
                assertEquals(de[i][j], dm[i][j], 1e-6 * Math.max(1, de[i][j]), i + "," + j);
            }
        }
        // LFDA's model draws cells and samples like GGML's
        CliRun embed = CliRun.of("embed", "--model", models.resolve("lfda.json").toString(), "-i", data.toString(),
                "--sample-key", "sample", "--label-key", "class", "--samples-out", dir.resolve("s.tsv").toString(),
                "--write-h5ad", dir.resolve("lfda.h5ad").toString(), "-q");
        assertEquals(0, embed.exitCode(), embed.err());
        assertEquals(31, Files.readAllLines(dir.resolve("s.tsv")).size());
    }
}
