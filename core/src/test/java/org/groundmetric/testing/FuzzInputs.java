package org.groundmetric.testing;

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
        return TestResources.copy("fuzz", name, dir);
    }
}
