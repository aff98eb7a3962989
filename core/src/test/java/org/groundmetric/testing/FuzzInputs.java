package org.groundmetric.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The crafted inputs of the fuzz suite, made by {@code src/test/resources/fuzz/make_fuzz_inputs.py}
 * (see that script for what each file breaks). Copied out of the classpath, so tests in other modules
 * (the CLI reads them through core's test jar) get real files.
 */
public final class FuzzInputs {
    private FuzzInputs() {
    }

    /** Copies fuzz/{@code name} into {@code dir} and returns its path. */
    public static Path copy(String name, Path dir) {
        try (InputStream in = FuzzInputs.class.getResourceAsStream("/fuzz/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fuzz input " + name + "; run make_fuzz_inputs.py");
            }
            Path p = dir.resolve(name);
            Files.copy(in, p);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
