package org.groundmetric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library's packages are layered along the data flow (docs/architecture.md): a package uses only
 * packages on lower layers, never one on its own layer or above. Read from the main sources: every
 * import and every fully qualified name of org.groundmetric.
 */
class LayeringTest {

    /** Package (below org.groundmetric; "" is the root package) → layer, the ground first. */
    static final Map<String, Integer> LAYERS = Map.ofEntries(
            Map.entry("", 0), Map.entry("linalg", 0), Map.entry("neighbours", 0),
            Map.entry("ot", 1), Map.entry("data.io", 1),
            Map.entry("data", 2),
            Map.entry("metric", 3),
            Map.entry("wasserstein", 4),
            Map.entry("learn", 5), Map.entry("baseline", 5),
            Map.entry("predict", 6), Map.entry("embed", 6),
            Map.entry("eval", 7),
            Map.entry("explain", 8));

    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.groundmetric\\.((?:[a-z]+\\.)*)[A-Z]");

    @Test
    void noPackageUsesOneOnItsOwnLayerOrAbove() throws IOException {
        Path root = Path.of("src", "main", "java", "org", "groundmetric");
        List<String> wrong = new ArrayList<>();
        int files = 0;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path file : all.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                String pkg = root.relativize(file.getParent()).toString().replace('/', '.').replace('\\', '.');
                Integer layer = LAYERS.get(pkg);
                assertTrue(layer != null, "package '" + pkg + "' has no layer: place it in LAYERS and in docs/architecture.md");
                Matcher m = REFERENCE.matcher(code(file));
                while (m.find()) {
                    String used = m.group(1).isEmpty() ? "" : m.group(1).substring(0, m.group(1).length() - 1);
                    if (used.equals(pkg)) {
                        continue;
                    }
                    Integer usedLayer = LAYERS.get(used);
                    if (usedLayer == null || usedLayer >= layer) {
                        wrong.add(root.relativize(file) + " (" + pkg + ", layer " + layer + ") uses " + used + " (layer "
                                + usedLayer + ")");
                    }
                }
            }
        }
        assertTrue(files > 50, "read only " + files + " files from " + root.toAbsolutePath());
        assertEquals(List.of(), wrong);
    }

    /** The source without comments and string literals. */
    private static String code(Path file) {
        try {
            String s = Files.readString(file);
            s = s.replaceAll("(?s)/\\*.*?\\*/", "");
            s = s.replaceAll("//[^\n]*", "");
            return s.replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
