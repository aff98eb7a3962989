package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.groundmetric.learn.FeatureScaling;
import org.groundmetric.learn.GgmlConfig;
import org.groundmetric.learn.Regulariser;
import org.groundmetric.learn.TrainedMetric;
import org.groundmetric.learn.TripletSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The paper's settings reach benchmark, tune and train: --reg, --feature-scaling, -t all (issue 21). */
class PaperOptionsTest {

    private static GgmlConfig parsed(String command, String... args) {
        CommandLine cl = GroundMetricCommand.newCommandLine();
        // required options of either command, then the ones under test
        String[] base = {"--sample-key", "s", "--label-key", "c", "--out", "o.csv"};
        String[] all = new String[1 + base.length + args.length];
        all[0] = command;
        System.arraycopy(base, 0, all, 1, base.length);
        System.arraycopy(args, 0, all, 1 + base.length, args.length);
        cl.parseArgs(all);
        Object cmd = cl.getSubcommands().get(command).getCommand();
        TuneLearnerOptions ggml = cmd instanceof TuneCommand t ? t.ggml : ((BenchmarkCommand) cmd).ggml;
        return ggml.config(10, 0.1, 0, 1);
    }

    @Test
    void benchmarkAndTuneTakeTheRegulariserAndTheFeatureScaling() {
        for (String command : new String[] {"benchmark", "tune"}) {
            GgmlConfig defaults = parsed(command, "-i", "x.h5ad");
            assertEquals(Regulariser.FRO, defaults.regulariser(), command);
            assertEquals(FeatureScaling.STANDARDIZE, defaults.featureScaling(), command);
            GgmlConfig paper = parsed(command, "-i", "x.h5ad", "--reg", "matrix-l1", "--feature-scaling", "none",
                    "--neighbours", "all");
            assertEquals(Regulariser.MATRIX_L1, paper.regulariser(), command);
            assertEquals(FeatureScaling.NONE, paper.featureScaling(), command);
            assertEquals(TripletSampler.ALL_NEIGHBOURS, paper.neighbours(), command);
            assertEquals(Regulariser.L1, parsed(command, "-i", "x.h5ad", "--reg", "l1").regulariser(), command);
        }
    }

    @Test
    void trainWithTheMatrixOneNormAndAllNeighboursWritesAModelThatReadsBack(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("s.h5ad");
        assertEquals(0, CliRun.of("synth", "--preset", "synth2d", "--out", data.toString()).exitCode());
        Path model = dir.resolve("m.json");
        CliRun train = CliRun.of("train", "-i", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--cells-per-sample", "10", "--epochs", "1", "-t", "all", "--reg", "matrix-l1", "--quiet",
                "--out", model.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("t=all") && train.out().contains("reg=matrix-l1"), train.out());
        assertTrue(Files.readString(model).contains("\"regulariser\" : \"matrix-l1\""), Files.readString(model));
        TrainedMetric m = TrainedMetric.read(model);
        assertEquals(Regulariser.MATRIX_L1, m.config().regulariser());
        assertEquals(TripletSampler.ALL_NEIGHBOURS, m.config().neighbours());
        CliRun bad = CliRun.of("train", "-i", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "-t", "many", "--out", dir.resolve("x.json").toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("'many' is neither a whole number nor all"), bad.err());
    }
}
