package org.groundmetric.data.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The result files of one run, written all or nothing. Each file is written under a hidden
 * temporary name beside its target; {@link #commit()} renames them all at the end, and
 * {@link #close()} without a commit deletes the temporaries and the directories this run created,
 * so a run that fails half-way (an error, Ctrl-C: a shutdown hook cleans up) leaves neither a
 * half-written file nor the first files of a set.
 *
 * <p>A target must be a regular file or a new name: a directory, a device such as /dev/full, a
 * named pipe or a socket would be replaced by the rename, and a symbolic link would be replaced
 * by a file instead of writing through it, so all of these are refused (give the real path).
 *
 * <pre>{@code
 * try (OutputFiles out = new OutputFiles()) {
 *     out.write(Path.of("a.tsv"), stream -> ...);
 *     out.write(Path.of("b.tsv"), stream -> ...);
 *     out.commit();
 * }
 * }</pre>
 */
public final class OutputFiles implements AutoCloseable {

    /** Temporaries and created directories of every open set, for the shutdown hook. */
    private static final Set<Path> UNFINISHED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(OutputFiles::deleteUnfinished, "groundmetric-output-cleanup"));
    }

    /** target → its temporary, in the order written. */
    private final Map<Path, Path> staged = new LinkedHashMap<>();
    /** Directories this set created, outermost first. */
    private final List<Path> created = new ArrayList<>();
    private boolean committed;

    /**
     * Refuses a target that is not a regular file or a new name, before any work is done (the
     * writes check again).
     *
     * @throws IllegalArgumentException naming what is at the path
     */
    public static void checkTarget(Path target) {
        Path abs = target.toAbsolutePath();
        if (Files.isSymbolicLink(abs)) {
            throw new IllegalArgumentException(target + " is a symbolic link" + linkTarget(abs) + "; results are"
                    + " written to regular files only, and renaming onto the link would replace it: give the real"
                    + " path, or remove the link");
        }
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(target + " is " + kind(abs) + ", not a regular file, and writing the"
                    + " result would replace it: give the name of a new or a regular file");
        }
        for (Path p = abs.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new IllegalArgumentException("cannot write " + target + ": " + p + " is a file, not a directory");
            }
        }
    }

    /** Refuses an output directory that exists as something else (a file, a device). */
    public static void checkDirectory(Path dir) {
        Path abs = dir.toAbsolutePath();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new IllegalArgumentException(dir + " is " + kind(abs) + ", not a directory; give a directory"
                    + " (created if needed) for the results");
        }
        for (Path p = abs.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new IllegalArgumentException("cannot write into " + dir + ": " + p + " is a file, not a directory");
            }
        }
    }

    /** Writes one file of the set (to its temporary). */
    public void write(Path target, AtomicOutput.Writer writer) {
        writeToPath(target, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
        });
    }

    /** Writes one file of the set with a writer that needs a path (e.g. an HDF5 library). */
    public void writeToPath(Path target, AtomicOutput.PathWriter writer) {
        if (committed) {
            throw new IllegalStateException("this set of outputs is already committed");
        }
        Path abs = target.toAbsolutePath().normalize();
        if (staged.containsKey(abs)) {
            throw new IllegalArgumentException(target + " is asked for twice among the outputs; give each output"
                    + " its own file");
        }
        checkTarget(abs);
        Path tmp = null;
        try {
            createDirectories(abs.getParent());
            tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".tmp");
            UNFINISHED.add(tmp);
            staged.put(abs, tmp);
            writer.write(tmp);
            readableLikeANormalFile(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target + ": " + reason(e), e);
        }
    }

    /** Makes sure {@code dir} exists (creating it and its parents, undone if the set is not committed). */
    public Path directory(Path dir) {
        checkDirectory(dir);
        try {
            createDirectories(dir.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the directory " + dir + ": " + reason(e), e);
        }
        return dir;
    }

    /** Renames every file of the set onto its target. */
    public void commit() {
        try {
            for (Map.Entry<Path, Path> e : staged.entrySet()) {
                checkTarget(e.getKey()); // nothing replaced a regular file with a device or link meanwhile
                try {
                    Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException notAtomic) {
                    Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING);
                }
                UNFINISHED.remove(e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the results: " + reason(e), e);
        }
        committed = true;
        created.forEach(UNFINISHED::remove);
    }

    /** Without a commit: deletes every temporary and the directories this set created. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        for (Path tmp : staged.values()) {
            delete(tmp);
        }
        List<Path> dirs = new ArrayList<>(created);
        Collections.reverse(dirs);
        for (Path d : dirs) {
            delete(d);
        }
        committed = true;
    }

    private void createDirectories(Path dir) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            try {
                Files.createDirectory(p);
                created.add(p);
                UNFINISHED.add(p);
            } catch (FileAlreadyExistsException raced) {
                // made by someone else meanwhile: not ours to remove
            }
        }
    }

    /** Deletes a temporary, or a directory if it is empty (never anything else). */
    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException notEmptyOrGone) {
            // a directory that now holds someone else's files stays
        }
        UNFINISHED.remove(p);
    }

    private static void deleteUnfinished() {
        List<Path> all = new ArrayList<>(UNFINISHED);
        // files before directories, inner directories before outer ones
        all.sort((a, b) -> Integer.compare(b.getNameCount(), a.getNameCount()));
        for (Path p : all) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort while the JVM stops
            }
        }
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

    private static String kind(Path p) {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return "a directory";
        }
        return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? "a file" : "a device, named pipe or socket";
    }

    private static String linkTarget(Path link) {
        try {
            return " (to " + Files.readSymbolicLink(link) + ")";
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }

    /** What went wrong, in words: Java's file exceptions carry only a path as their message. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException fse) {
            String why = fse.getReason() != null ? fse.getReason()
                    : e instanceof NoSuchFileException ? "no such file or directory"
                    : e instanceof AccessDeniedException ? "permission denied" : e.getClass().getSimpleName();
            return why + (fse.getFile() != null ? " (" + fse.getFile() + ")" : "");
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
