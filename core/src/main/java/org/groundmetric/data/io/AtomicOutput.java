package org.groundmetric.data.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Writes one result file under a temporary name beside the target and renames it at the end, so a
 * failed run never leaves a half-written result behind; a target that is not a regular file or a
 * new name is refused. Several files that belong together go through {@link OutputFiles}.
 */
public final class AtomicOutput {

    /** Writes the content of one file. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Writes a file whose writer needs a path (e.g. an HDF5 library). */
    @FunctionalInterface
    public interface PathWriter {
        void write(Path temporary) throws IOException;
    }

    private AtomicOutput() {
    }

    public static void write(Path target, Writer writer) {
        try (OutputFiles out = new OutputFiles()) {
            out.write(target, writer);
            out.commit();
        }
    }

    public static void writeToPath(Path target, PathWriter writer) {
        try (OutputFiles out = new OutputFiles()) {
            out.writeToPath(target, writer);
            out.commit();
        }
    }
}
