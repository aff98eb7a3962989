package org.groundmetric.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Result files are regular files, written all or nothing. */
class OutputFilesTest {

    @TempDir
    Path dir;

    private static AtomicOutput.Writer text(String s) {
        return out -> out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aSetIsRenamedIntoPlaceOnlyOnCommit() throws IOException {
        Path a = dir.resolve("a.tsv");
        Path b = dir.resolve("sub/b.tsv");
        try (OutputFiles out = new OutputFiles()) {
            out.write(a, text("A"));
            out.write(b, text("B"));
            assertFalse(Files.exists(a), "nothing is visible before the commit");
            out.commit();
        }
        assertEquals("A", Files.readString(a));
        assertEquals("B", Files.readString(b));
        assertEquals(List.of("a.tsv", "sub"), names());
    }

    @Test
    void aFailureLeavesNeitherTheFirstFilesNorTemporariesNorNewDirectories() throws IOException {
        Files.writeString(dir.resolve("a.tsv"), "old");
        RuntimeException boom = new IllegalArgumentException("the third output cannot be computed");
        RuntimeException e = assertThrows(IllegalArgumentException.class, () -> {
            try (OutputFiles out = new OutputFiles()) {
                out.write(dir.resolve("a.tsv"), text("new A"));
                out.write(dir.resolve("lists/x/b.txt"), text("B"));
                out.write(dir.resolve("c.tsv"), o -> {
                    throw boom;
                });
                out.commit();
            }
        });
        assertEquals(boom, e);
        assertEquals("old", Files.readString(dir.resolve("a.tsv")), "the earlier result is kept as it was");
        assertEquals(List.of("a.tsv"), names(), "no temporary, no half-made directory");
    }

    @Test
    void aTargetThatIsNotARegularFileIsRefusedAndKept() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("results"));
        Path real = Files.writeString(dir.resolve("real.json"), "{}");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AtomicOutput.write(sub, text("x"))).getMessage()
                .contains("is a directory"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AtomicOutput.write(link, text("x"))).getMessage()
                .contains("is a symbolic link (to " + real + ")"));
        assertTrue(Files.isDirectory(sub, LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("{}", Files.readString(real));
        Path fifo = dir.resolve("fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "skipped: no mkfifo");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AtomicOutput.write(fifo, text("x"))).getMessage()
                .contains("a device, named pipe or socket"));
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the pipe is still a pipe");
        assertEquals(List.of("fifo", "link.json", "real.json", "results"), names());
    }

    @Test
    void aDeviceIsRefusedBeforeAnythingIsWritten() {
        Path device = Path.of("/dev/null");
        assumeTrue(Files.exists(device), "skipped: no /dev/null");
        assertThrows(IllegalArgumentException.class, () -> OutputFiles.checkTarget(device));
        assertTrue(Files.exists(device) && !Files.isRegularFile(device));
    }

    @Test
    void oneFileTwiceInASetIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            try (OutputFiles out = new OutputFiles()) {
                out.write(dir.resolve("a.tsv"), text("1"));
                out.write(dir.resolve("./a.tsv"), text("2"));
            }
        });
        assertTrue(e.getMessage().contains("asked for twice"), e.getMessage());
    }
}
