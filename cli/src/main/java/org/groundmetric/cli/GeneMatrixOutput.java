package org.groundmetric.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.groundmetric.data.io.OutputFiles;
import org.groundmetric.eval.GeneImportance;
import org.groundmetric.eval.GeneInteractions;

/** genes --matrix-out / --pairs-out: M = WᵀW and its top off-diagonal gene pairs. */
final class GeneMatrixOutput {
    private GeneMatrixOutput() {
    }

    /** The pairs file: --pairs-out, or --matrix-out's name with .pairs.tsv; null without --matrix-out. */
    static Path pairsFile(Path matrixOut, Path pairsOut, int topPairs) {
        if (topPairs < 1) {
            throw new IllegalArgumentException("--top-pairs must be ≥ 1, got " + topPairs);
        }
        if (pairsOut != null && matrixOut == null) {
            throw new IllegalArgumentException("--pairs-out lists entries of M; add --matrix-out FILE to write M too");
        }
        if (matrixOut == null || pairsOut != null) {
            return pairsOut;
        }
        String name = matrixOut.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return matrixOut.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".pairs.tsv");
    }

    /** Writes M (of the same W the importances were read from) and its pairs, as files of the set. */
    static void write(OutputFiles files, GeneImportance importance, Path matrixOut, Path pairs, int topPairs) {
        if (matrixOut == null) {
            return;
        }
        GeneInteractions m = GeneInteractions.of(importance.w(), importance.rank(), importance.features());
        m.writeMatrix(files, matrixOut);
        m.writePairs(files, pairs, topPairs);
    }

    static void report(PrintWriter w, Path matrixOut, Path pairs, int features) {
        if (matrixOut != null) {
            w.println("wrote " + matrixOut + " (M = WᵀW, " + features + "×" + features + ") and " + pairs);
        }
    }
}
