package org.groundmetric.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates {@code ../shared/data} (the real single-cell files and the paper's synthetic draws, which
 * are never copied into the project). A test that needs a file calls {@link #file(String)}; when the
 * folder is absent the test is skipped with a message saying so.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The shared folder: system property groundmetric.shared (set by the build), else ../shared. */
    public static Path sharedDir() {
        String prop = System.getProperty("groundmetric.shared");
        return Path.of(prop != null ? prop : "../shared").toAbsolutePath().normalize();
    }

    /** The path of a file in ../shared/data; skips the calling test when it is not there. */
    public static Path file(String name) {
        Path p = sharedDir().resolve("data").resolve(name);
        assumeTrue(Files.isRegularFile(p), "skipped: " + p + " is absent (tests read real data from ../shared/data)");
        return p;
    }
}
