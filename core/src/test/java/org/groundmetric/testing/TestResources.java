package org.groundmetric.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files of core's test resources copied out of the classpath, so tests in other modules (the CLI
 * reads them through core's test jar) get real files: the fuzz inputs, and the small files in
 * ggml-ot's AnnData layout ({@code ggml_ot/make_ggml_ot_files.py}).
 */
public final class TestResources {
    private TestResources() {
    }

    /** Copies the resource {@code folder/name} into {@code dir} and returns its path. */
    public static Path copy(String folder, String name, Path dir) {
        try (InputStream in = TestResources.class.getResourceAsStream("/" + folder + "/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + folder + "/" + name
                        + "; run the script in src/test/resources/" + folder);
            }
            Path p = dir.resolve(name);
            Files.copy(in, p);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file in ggml-ot's layout: ggml_ot_genes.h5ad (the map acts on genes) or ggml_ot_pca.h5ad (on X_pca). */
    public static Path ggmlOt(String name, Path dir) {
        return copy("ggml_ot", name, dir);
    }
}
