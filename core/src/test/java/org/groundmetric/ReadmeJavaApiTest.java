package org.groundmetric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Java API" snippet compiles against the library as it is: the snippet is wrapped in
 * a method (its free variables x, y and newCohort become parameters), every main package is
 * imported, and the system compiler checks it on this test's classpath.
 */
class ReadmeJavaApiTest {

    @TempDir
    Path out;

    @Test
    void theReadmeJavaSnippetCompiles() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher m = Pattern.compile("## Java API\\s+```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(), "README has a ```java block under '## Java API'");
        String snippet = m.group(1);

        StringBuilder src = new StringBuilder("package readme;\n");
        for (String pkg : mainPackages()) {
            src.append("import ").append(pkg).append(".*;\n");
        }
        src.append("import java.nio.file.Path;\n")
                .append("class Snippet {\n")
                .append("  void run(double[][] x, double[][] y, Cohort newCohort) {\n")
                .append(snippet)
                .append("  }\n}\n");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///readme/Snippet.java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return src;
            }
        };
        StringWriter log = new StringWriter();
        boolean ok = javac.getTask(log, null, diagnostics,
                List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString(), "-proc:none"),
                null, List.of(file)).call();
        String errors = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> "line " + (d.getLineNumber() - 4 - mainPackages().size()) + ": " + d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n"));
        assertEquals("", errors, "the README's Java API snippet does not compile");
        assertTrue(ok, log.toString());
    }

    /** Every package of the library's main code, found from its sources. */
    private static List<String> mainPackages() {
        Path root = Path.of("src", "main", "java");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .map(p -> root.relativize(p.getParent()).toString().replace('/', '.').replace('\\', '.'))
                    .distinct().sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
