package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.groundmetric.learn.TrainedMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** genes --matrix-out: M = WᵀW against numpy's W.T @ W of the same model file (issue 21). */
class GeneMatrixTest {

    @Test
    void matrixAndTopPairsAgreeWithNumpy(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("s.h5ad");
        assertEquals(0, CliRun.of("synth", "--preset", "synth200d", "--out", data.toString()).exitCode());
        Path model = dir.resolve("m.json");
        CliRun train = CliRun.of("train", "-i", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--cells-per-sample", "10", "--epochs", "1", "--quiet", "--out", model.toString());
        assertEquals(0, train.exitCode(), train.err());
        Path m = dir.resolve("M.tsv");
        CliRun genes = CliRun.of("genes", "--model", model.toString(), "--out", dir.resolve("g.tsv").toString(),
                "--matrix-out", m.toString(), "--top-pairs", "7");
        assertEquals(0, genes.exitCode(), genes.err());
        Path pairs = dir.resolve("M.pairs.tsv");
        assertTrue(genes.out().contains("wrote " + m + " (M = WᵀW, 200×200) and " + pairs), genes.out());
        List<String> rows = Files.readAllLines(m);
        assertEquals(201, rows.size());
        assertTrue(rows.get(0).startsWith("feature\tdim0\tdim1\t"), rows.get(0));
        assertEquals(8, Files.readAllLines(pairs).size());
        assertEquals("rank\tfeature_a\tfeature_b\tm_ab\tcosine", Files.readAllLines(pairs).get(0));
        String script = String.join("\n",
                "import json, sys, numpy as np",
                "W = np.array(json.load(open(sys.argv[1]))['weights'])",
                "M = W.T @ W",
                "got = np.loadtxt(sys.argv[2], delimiter='\\t', skiprows=1, usecols=range(1, 201))",
                "assert np.allclose(got, M, rtol=1e-7, atol=1e-12 * abs(M).max()), abs(got - M).max()",
                "iu = np.triu_indices(200, 1)",
                "order = np.argsort(-abs(M[iu]), kind='stable')[:7]",
                "want = [(f'dim{iu[0][o]}', f'dim{iu[1][o]}') for o in order]",
                "lines = open(sys.argv[3]).read().splitlines()[1:]",
                "have = [tuple(l.split('\\t')[1:3]) for l in lines]",
                "assert have == want, (have, want)",
                "a, b = iu[0][order[0]], iu[1][order[0]]",
                "cos = M[a, b] / np.sqrt(M[a, a] * M[b, b])",
                "assert abs(float(lines[0].split('\\t')[4]) - cos) < 1e-7, cos",
                "print('ok')");
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", script, model.toString(), m.toString(),
                pairs.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), said);
        assertEquals("ok", said.trim());
        assertEquals(200, TrainedMetric.read(model).featureNames().size());
    }

    @Test
    void pairsOutAloneIsRefusedAndLeavesNothing(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m.json");
        TestModels.train(TestModels.smallSynth2d(1), model);
        Path pairs = dir.resolve("p.tsv");
        CliRun run = CliRun.of("genes", "--model", model.toString(), "--out", dir.resolve("g.tsv").toString(),
                "--pairs-out", pairs.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--pairs-out lists entries of M; add --matrix-out FILE"), run.err());
        assertFalse(Files.exists(pairs));
        assertFalse(Files.exists(dir.resolve("g.tsv")));
    }
}
