package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** emd --plan-out and distances --plan-out --pairs: plans against POT's ot.emd (issue 21, Fig. 2d/e). */
class PlanOutTest {

    private static String python(String script, String... args) throws Exception {
        String[] cmd = new String[3 + args.length];
        cmd[0] = "/usr/bin/python3";
        cmd[1] = "-c";
        cmd[2] = script;
        System.arraycopy(args, 0, cmd, 3, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes()).trim();
        assertEquals(0, p.waitFor(), said);
        return said;
    }

    @Test
    void emdPlanIsPotsPlan(@TempDir Path dir) throws Exception {
        SplittableRandom rng = new SplittableRandom(5);
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            a.append(rng.nextDouble()).append(',').append(rng.nextDouble()).append('\n');
        }
        for (int i = 0; i < 5; i++) {
            b.append(rng.nextDouble() + 1).append(',').append(rng.nextDouble()).append('\n');
        }
        Path fa = Files.writeString(dir.resolve("a.csv"), a);
        Path fb = Files.writeString(dir.resolve("b.csv"), b);
        Path plan = dir.resolve("plan.tsv");
        CliRun run = CliRun.of("emd", fa.toString(), fb.toString(), "--plan-out", plan.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("wrote " + plan), run.out());
        assertEquals("i\tj\tmass", Files.readAllLines(plan).get(0));
        String ok = python(String.join("\n",
                "import sys, numpy as np, ot",
                "A = np.loadtxt(sys.argv[1], delimiter=','); B = np.loadtxt(sys.argv[2], delimiter=',')",
                "P = ot.emd(ot.unif(len(A)), ot.unif(len(B)), ot.dist(A, B, metric='euclidean'))",
                "T = np.loadtxt(sys.argv[3], skiprows=1, ndmin=2)",
                "Q = np.zeros_like(P)",
                "for i, j, m in T: Q[int(i), int(j)] += m",
                "assert np.allclose(P, Q, atol=1e-12), (P, Q)",
                "assert (T[:, 2] > 0).all() and len(T) <= len(A) + len(B) - 1",
                "print('ok')"), fa.toString(), fb.toString(), plan.toString());
        assertEquals("ok", ok);
    }

    @Test
    void distancesWritesEachAskedPairsPlanWhoseCostIsTheDistance(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("s.h5ad");
        assertEquals(0, CliRun.of("synth", "--preset", "synth2d", "--out", data.toString()).exitCode());
        Path d = dir.resolve("D.tsv");
        Path plans = dir.resolve("plans");
        CliRun run = CliRun.of("distances", "-i", data.toString(), "--sample-key", "sample", "--filter",
                "sample=sample_00,sample_01,sample_10", "--quiet", "--out", d.toString(), "--plan-out",
                plans.toString(), "--pairs", "sample_00:sample_10,sample_01:sample_00");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("and 2 plans to " + plans), run.out());
        Path p1 = plans.resolve("sample_00__sample_10.tsv");
        Path p2 = plans.resolve("sample_01__sample_00.tsv");
        assertEquals("i\tj\tmass\tcell_a\tcell_b", Files.readAllLines(p1).get(0));
        String ok = python(String.join("\n",
                "import sys, numpy as np, ot, anndata, csv",
                "ad = anndata.read_h5ad(sys.argv[1]); X = np.asarray(ad.X.todense() if hasattr(ad.X, 'todense') else ad.X, dtype=np.float64)",
                "pos = {c: r for r, c in enumerate(ad.obs_names)}",
                "D = {}",
                "rows = list(csv.reader(open(sys.argv[2]), delimiter='\\t'))",
                "for r in rows[1:]:",
                "    for c, v in zip(rows[0][1:], r[1:]): D[(r[0], c)] = float(v)",
                "for f, a, b in [(sys.argv[3], 'sample_00', 'sample_10'), (sys.argv[4], 'sample_01', 'sample_00')]:",
                "    T = list(csv.reader(open(f), delimiter='\\t'))[1:]",
                "    ia = np.where(ad.obs['sample'] == a)[0]; ib = np.where(ad.obs['sample'] == b)[0]",
                "    assert set(pos[t[3]] for t in T) <= set(ia) and set(pos[t[4]] for t in T) <= set(ib)",
                "    m = np.array([float(t[2]) for t in T])",
                "    dist = np.array([np.linalg.norm(X[pos[t[3]]] - X[pos[t[4]]]) for t in T])",
                "    cost = float(m @ dist)",
                "    pot = ot.emd2(ot.unif(len(ia)), ot.unif(len(ib)), ot.dist(X[ia], X[ib], metric='euclidean'))",
                "    assert abs(cost - pot) <= 1e-6 * pot, (cost, pot)",
                "    assert abs(cost - D[(a, b)]) <= 1e-6 * pot, (cost, D[(a, b)])",
                "    assert abs(m.sum() - 1) < 1e-9",
                "print('ok')"), data.toString(), d.toString(), p1.toString(), p2.toString());
        assertEquals("ok", ok);
    }

    @Test
    void anUnknownSampleIsOneErrorAndLeavesNothing(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("s.h5ad");
        assertEquals(0, CliRun.of("synth", "--preset", "synth2d", "--out", data.toString()).exitCode());
        Path d = dir.resolve("D.tsv");
        CliRun run = CliRun.of("distances", "-i", data.toString(), "--sample-key", "sample", "--filter",
                "sample=sample_00,sample_10", "--quiet", "--out", d.toString(), "--plan-out",
                dir.resolve("plans").toString(), "--pairs", "sample_00:nobody");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--pairs names sample 'nobody', which is not among the 2 samples kept"), run.err());
        assertFalse(Files.exists(d));
        CliRun alone = CliRun.of("distances", "-i", data.toString(), "--sample-key", "sample", "--out", d.toString(),
                "--pairs", "sample_00:sample_10");
        assertEquals(2, alone.exitCode());
        assertTrue(alone.err().contains("--pairs has no effect without --plan-out DIR"), alone.err());
    }
}
