package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.groundmetric.data.io.AnnData;
import org.groundmetric.data.io.Column;
import org.groundmetric.data.io.H5adReader;
import org.groundmetric.learn.MahalanobisModel;
import org.groundmetric.learn.TrainedMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fit --method: a competing metric fitted exactly as benchmark fits it. Fitted on the training
 * samples of benchmark's first fit (selected with --filter), its W equals benchmark --save-models'
 * to the last bit, for the deterministic LFDA and the seeded ITML; predict and embed read it (issue 21).
 */
class FitCommandTest {

    @TempDir
    Path dir;

    @Test
    void fitWritesTheModelBenchmarkSavesForTheSameSamplesAndTheOtherCommandsReadIt() throws Exception {
        Path data = dir.resolve("s.h5ad");
        assertEquals(0, CliRun.of("synth", "--preset", "synth2d", "--seed", "3", "-q", "--out", data.toString())
                .exitCode());
        Path models = dir.resolve("models");
        Path results = dir.resolve("r.csv");
        CliRun bench = CliRun.of("benchmark", "-i", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--cells-per-sample", "20", "--methods", "LFDA,ITML", "--cv", "split", "--splits", "1", "--k", "3",
                "--baseline-cells", "10", "--clustering-cells", "0", "--seed", "5", "--quiet", "--out",
                results.toString(), "--save-models", models.toString());
        assertEquals(0, bench.exitCode(), bench.err());

        // the first fit's training samples: every sample but the ones it held out
        Set<String> heldOut = new LinkedHashSet<>();
        List<String> rows = Files.readAllLines(dir.resolve("r.predictions.csv"));
        List<String> header = List.of(rows.get(0).split(","));
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            if (f[header.indexOf("method")].equals("LFDA") && f[header.indexOf("fit")].equals("1")) {
                heldOut.add(f[header.indexOf("sample")]);
            }
        }
        AnnData a = H5adReader.readAll(data);
        Column samples = a.obs().columns().get("sample");
        Set<String> training = new LinkedHashSet<>();
        for (int c = 0; c < samples.size(); c++) {
            if (!heldOut.contains(samples.text(c))) {
                training.add(samples.text(c));
            }
        }
        assertEquals(15, training.size(), "half of the 30 samples train the first fit");

        for (String method : new String[] {"lfda", "itml"}) {
            Path model = dir.resolve(method + ".json");
            CliRun fit = CliRun.of("fit", "--method", method, "-i", data.toString(), "--sample-key", "sample",
                    "--label-key", "class", "--filter", "sample=" + String.join(",", training), "--cells-per-sample",
                    "20", "--baseline-cells", "10", "--seed", "5", "-q", "--out", model.toString());
            assertEquals(0, fit.exitCode(), fit.err());
            assertTrue(fit.out().contains("samples=15 classes=3") && fit.out().contains("method=" + method), fit.out());
            TrainedMetric fitted = TrainedMetric.read(model);
            TrainedMetric saved = TrainedMetric.read(models.resolve(method + ".json"));
            assertEquals(MahalanobisModel.KIND, fitted.kind());
            assertEquals(saved.rank(), fitted.rank(), method);
            assertEquals(saved.featureNames(), fitted.featureNames(), method);
            assertEquals(saved.classNames(), fitted.classNames(), method);
            for (int r = 0; r < saved.rank(); r++) {
                assertArrayEquals(saved.weights()[r], fitted.weights()[r], 0.0, method + " row " + r);
            }
        }

        // another seed changes ITML's W (so the equality above is not vacuous)
        Path other = dir.resolve("itml-seed6.json");
        assertEquals(0, CliRun.of("fit", "--method", "itml", "-i", data.toString(), "--sample-key", "sample",
                "--label-key", "class", "--filter", "sample=" + String.join(",", training), "--cells-per-sample", "20",
                "--baseline-cells", "10", "--seed", "6", "-q", "--out", other.toString()).exitCode());
        assertFalse(java.util.Arrays.deepEquals(TrainedMetric.read(other).weights(),
                TrainedMetric.read(dir.resolve("itml.json")).weights()));

        // predict and embed take the fitted model as they take GGML's
        Path lfda = dir.resolve("lfda.json");
        CliRun predict = CliRun.of("predict", "--model", lfda.toString(), "-i", data.toString(), "--sample-key",
                "sample", "--label-key", "class", "--reference", data.toString(), "-q", "--out",
                dir.resolve("p.tsv").toString());
        assertEquals(0, predict.exitCode(), predict.err());
        assertTrue(predict.out().contains("balanced_accuracy="), predict.out());
        assertEquals(31, Files.readAllLines(dir.resolve("p.tsv")).size());
        CliRun embed = CliRun.of("embed", "--model", lfda.toString(), "-i", data.toString(), "--sample-key", "sample",
                "--label-key", "class", "--samples-out", dir.resolve("e.tsv").toString(), "-q");
        assertEquals(0, embed.exitCode(), embed.err());
        assertEquals(31, Files.readAllLines(dir.resolve("e.tsv")).size());

        // a bad method is one error line naming the choices, and nothing is written
        Path none = dir.resolve("none.json");
        CliRun bad = CliRun.of("fit", "--method", "ggml", "-i", data.toString(), "--sample-key", "sample",
                "--label-key", "class", "-q", "--out", none.toString());
        assertEquals(2, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("lmnn") && bad.err().contains("lfda"), bad.err());
        assertFalse(Files.exists(none));
    }
}
