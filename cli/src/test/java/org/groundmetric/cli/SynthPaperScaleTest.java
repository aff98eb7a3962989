package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.groundmetric.data.io.AnnData;
import org.groundmetric.data.io.H5adReader;
import org.groundmetric.linalg.CsrMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthPaperScaleTest {

    @Test
    void writesASparseCohortThatTrains(@TempDir Path dir) {
        Path data = dir.resolve("big.h5ad");
        CliRun synth = CliRun.of("synth", "--preset", "paper-scale", "--seed", "2", "--samples", "8",
                "--cells-per-sample", "30", "--features", "900", "--signal-genes", "20", "--out", data.toString());
        assertEquals(0, synth.exitCode(), synth.err());
        assertTrue(synth.out().contains("8 samples, 240 cells, 900 features"), synth.out());
        AnnData a = H5adReader.readAll(data);
        assertTrue(a.x() instanceof CsrMatrix, "X stays sparse");
        assertTrue(a.obs().columns().keySet().containsAll(java.util.List.of("sample", "class", "cell_type")));

        CliRun train = CliRun.of("train", "--input", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--epochs", "1", "--threads", "2", "--quiet", "--out", dir.resolve("m.json").toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("samples=8 classes=4 cells=240 features=900"), train.out());
    }

    @Test
    void sizeOptionsBelongToPaperScaleOnly(@TempDir Path dir) {
        CliRun r = CliRun.of("synth", "--preset", "synth2d", "--samples", "5", "--out", dir.resolve("x.h5ad").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("paper-scale"), r.err());
    }
}
