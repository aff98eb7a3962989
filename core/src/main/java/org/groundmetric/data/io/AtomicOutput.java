package org.groundmetric.data.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a result file under a temporary name beside the target and renames it at the end, so a
 * failed run never leaves a half-written result behind.
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
        writeToPath(target, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
        });
    }

    /**
     * Temporary files are created owner-only (rw-------); a result (a report to serve, a model to
     * share) should get the usual rw-r--r--. Not applicable on non-POSIX file systems.
     */
    private static void readableLikeANormalFile(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // e.g. Windows: the default ACL already applies
        }
    }

    public static void writeToPath(Path target, PathWriter writer) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
            writer.write(tmp);
            readableLikeANormalFile(tmp);
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure is what matters
                }
            }
        }
    }
}
