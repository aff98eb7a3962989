package org.groundmetric.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputPermissionsTest {

    /** A written result is world-readable like any normal file, not owner-only like its temporary. */
    @Test
    void resultIsReadableByOthers(@TempDir Path dir) throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "skipped: not POSIX");
        Path f = dir.resolve("index.html");
        AtomicOutput.write(f, out -> out.write(1));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }
}
