package org.groundmetric.report;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Loads a page in headless Chromium (Debian package {@code chromium}) and returns the DOM after
 * its load handlers ran. A test that calls this is skipped, saying why, when Chromium is absent.
 */
final class HeadlessChromium {

    private HeadlessChromium() {
    }

    static Path executable() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        assumeTrue(false, "skipped: no chromium on PATH (apt-get install -y chromium) to render the report");
        return null;
    }

    /** The page's DOM after load, as Chromium serialises it with --dump-dom. */
    static String dumpDom(Path page) throws IOException, InterruptedException {
        Path exe = executable();
        Path profile = Files.createTempDirectory("gm-chromium-");
        Path out = Files.createTempFile("gm-dom-", ".html");
        Path err = Files.createTempFile("gm-dom-", ".log");
        try {
            Process p = new ProcessBuilder(exe.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                    "--virtual-time-budget=5000", "--dump-dom", page.toUri().toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("chromium did not finish within 90 s; its log: "
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            String dom = Files.readString(out, StandardCharsets.UTF_8);
            if (dom.isBlank()) {
                throw new IllegalStateException("chromium exited " + p.exitValue() + " without a DOM; its log: "
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return dom;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(q -> q.toFile().delete());
        }
    }
}
