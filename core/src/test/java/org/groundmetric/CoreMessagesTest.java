package org.groundmetric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library speaks its own language: no string in core's sources names a command-line flag such
 * as "--min-cells" (a Java user never typed one). Settings are named through
 * {@link IllegalParameterException#parameter()}; the CLI adds its flags.
 */
class CoreMessagesTest {

    /** A string literal holding --word (comments and javadoc are not string literals). */
    private static final Pattern FLAG_IN_STRING = Pattern.compile("\"[^\"\\n]*(?<![\\w-])--[a-z][a-z-]*[^\"\\n]*\"");

    @Test
    void noCoreMessageNamesACommandLineFlag() throws IOException {
        Path main = Path.of("src/main/java");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String code = lines.get(i).strip();
                    if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) {
                        continue;
                    }
                    Matcher m = FLAG_IN_STRING.matcher(code);
                    if (m.find() && !m.group().contains("rw-r--r--")) {
                        found.add(main.relativize(f) + ":" + (i + 1) + ": " + m.group());
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }
}
