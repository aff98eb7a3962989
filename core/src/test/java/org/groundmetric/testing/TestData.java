package org.groundmetric.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder of real data files some tests read in place (the paper's synthetic draws, public
 * single-cell .h5ad files), which are never copied into the project: the system property
 * {@code groundmetric.data} (the build sets it from the Maven property of the same name:
 * {@code mvn test -Dgroundmetric.data=DIR}), by default {@code ../shared/data} beside the checkout.
 * A test that needs a file calls {@link #file(String)}; when the file is absent the test is skipped,
 * saying which file and which setting.
 */
public final class TestData {
    /** The system property naming the folder. */
    public static final String PROPERTY = "groundmetric.data";

    private TestData() {
    }

    /** The data folder: the system property groundmetric.data, else ../shared/data. */
    public static Path folder() {
        String prop = System.getProperty(PROPERTY);
        return Path.of(prop != null && !prop.isBlank() ? prop : "../shared/data").toAbsolutePath().normalize();
    }

    /** The path of a file in the data folder; skips the calling test when it is not there. */
    public static Path file(String name) {
        Path p = folder().resolve(name);
        assumeTrue(Files.isRegularFile(p), "skipped: " + p + " is absent (real data files are read from the folder"
                + " -D" + PROPERTY + "=DIR names)");
        return p;
    }
}
