package org.groundmetric.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's /usr/bin/python3 (anndata, POT, scikit-learn) as an independent reference: runs a script
 * and returns its exit code and output. Tests that need it skip, saying why, when it is absent.
 */
public final class Python {
    private Python() {
    }

    /** What a script printed (stdout and stderr together) and how it ended. */
    public record Result(int exitCode, String output) {
    }

    /** Skips the calling test unless /usr/bin/python3 can import anndata. */
    public static void assumeAnndata() {
        assumeTrue(run("import anndata").exitCode() == 0,
                "skipped: /usr/bin/python3 cannot import anndata (apt-get install python3-anndata)");
    }

    /** Runs {@code script} with {@code args} (sys.argv[1:]); warnings off; at most two minutes. */
    public static Result run(String script, String... args) {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "-W", "ignore", "-c", script));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out: " + out);
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            return new Result(-1, "no /usr/bin/python3: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
