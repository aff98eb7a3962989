package org.groundmetric.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.groundmetric.data.io.OutputFiles;

/**
 * A command's output paths, checked before any work is done (a long run should not end in "cannot
 * write"): each must be a regular file or a new name (see {@link OutputFiles#checkTarget}), none may
 * be one of the command's inputs (the result would destroy the data or the model it came from), and
 * no two outputs may be the same file.
 */
final class Outputs {
    private Outputs() {
    }

    /**
     * @param inputs  the files the command reads (null entries skipped)
     * @param outputs option name → output file (null values skipped: the option was not given)
     */
    static void check(List<Path> inputs, Map<String, Path> outputs) {
        Map<Path, String> seen = new HashMap<>();
        outputs.forEach((option, out) -> {
            if (out == null) {
                return;
            }
            OutputFiles.checkTarget(out);
            for (Path in : inputs) {
                if (in != null && same(in, out)) {
                    throw new IllegalArgumentException(option + " " + out + " is also an input of this command;"
                            + " writing it would destroy that input: choose another file");
                }
            }
            String earlier = seen.put(out.toAbsolutePath().normalize(), option);
            if (earlier != null) {
                throw new IllegalArgumentException(earlier + " and " + option + " both name " + out
                        + "; give each output its own file");
            }
        });
    }

    /** Inputs in a list that tolerates the null of an option not given. */
    static List<Path> inputs(Path... paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /** Option → path, in the order given (pairs of option name and path; the path may be null). */
    static Map<String, Path> named(Object... optionAndPath) {
        Map<String, Path> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < optionAndPath.length; i += 2) {
            out.put((String) optionAndPath[i], (Path) optionAndPath[i + 1]);
        }
        return out;
    }

    private static boolean same(Path a, Path b) {
        if (Objects.equals(a.toAbsolutePath().normalize(), b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
