package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.groundmetric.ComputeEngine;
import org.groundmetric.IllegalParameterException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Exit code 2 and one line for the user's input or settings; exit 1 and a plea to report for our bugs. */
class ErrorReportTest {

    private record Report(int code, String err) { }

    private static Report report(Throwable t, String command) {
        StringWriter s = new StringWriter();
        CommandLine.Model.CommandSpec spec = command == null ? null
                : GroundMetricCommand.newCommandLine().getSubcommands().get(command).getCommandSpec();
        int code = ErrorReport.report(t, spec, new PrintWriter(s), false);
        return new Report(code, s.toString());
    }

    @Test
    void aSettingOfTheLibraryIsReportedWithTheOptionThatSetsIt() {
        Report r = report(new IllegalParameterException("CellSampling.minCells",
                "the minimum of cells per sample is 0; expected a positive number"), "train");
        assertEquals(2, r.code());
        assertEquals("error: the minimum of cells per sample is 0; expected a positive number (--min-cells)\n", r.err());
        // a command without that option gets the library's sentence alone
        Report genes = report(new IllegalParameterException("CellSampling.minCells", "m"), "genes");
        assertEquals("error: m\n", genes.err());
    }

    @Test
    void everyLibrarySettingMapsToAnOptionThatExists() {
        CommandLine cl = GroundMetricCommand.newCommandLine();
        for (String option : ErrorReport.OPTIONS.values()) {
            boolean somewhere = cl.getSubcommands().values().stream()
                    .anyMatch(c -> c.getCommandSpec().findOption(option) != null);
            assertTrue(somewhere, option + " is an option of some command");
        }
    }

    /**
     * The table's settings are named as the library names them today: "Owner.Nested.name" needs a
     * source file Owner.java in core or spark that declares Nested and name, so that a renamed class
     * or parameter (neighbors → neighbours, Preprocessing → CellSampling) cannot leave a stale key
     * behind, which would silently drop the option from the message.
     */
    @Test
    void everyMappedSettingIsNamedAsTheLibraryNamesIt() throws IOException {
        List<Path> sources = new ArrayList<>();
        for (String module : List.of("../core/src/main/java", "../spark/src/main/java")) {
            try (Stream<Path> files = Files.walk(Path.of(module))) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
            }
        }
        StringBuilder everything = new StringBuilder();
        for (Path f : sources) {
            everything.append(Files.readString(f));
        }
        String all = everything.toString();
        for (String setting : ErrorReport.OPTIONS.keySet()) {
            String[] parts = setting.split("\\.");
            Path owner = sources.stream().filter(f -> f.getFileName().toString().equals(parts[0] + ".java"))
                    .findFirst().orElse(null);
            assertTrue(owner != null, setting + ": no class " + parts[0] + " in core or spark");
            String text = Files.readString(owner);
            for (int i = 1; i < parts.length; i++) {
                assertTrue(Pattern.compile("\\b" + parts[i] + "\\b").matcher(text).find(),
                        setting + ": " + owner.getFileName() + " declares no " + parts[i]);
            }
            assertTrue(all.contains("\"" + setting + "\"") || all.contains("\"" + parts[0] + ".\""),
                    setting + ": no error of the library names this setting");
        }
    }

    @Test
    void aFailedTaskIsNamedByItsTaskAndItsCauseNotByItsExceptionType() {
        Throwable t = new IllegalStateException("the Spark job failed after its retries",
                new ComputeEngine.TaskFailedException(3, "samples 'p1' and 'p7'",
                        new IllegalArgumentException("cost matrix has NaN at (3, 4)")));
        Report r = report(t, "distances");
        assertEquals(2, r.code());
        assertEquals("error: samples 'p1' and 'p7': cost matrix has NaN at (3, 4)\n", r.err());
    }

    @Test
    void ourBugsExitWithOneAndAskToBeReported() {
        Throwable bug = new ComputeEngine.TaskFailedException(0, "samples 'a' and 'b'",
                new ArrayIndexOutOfBoundsException("Index 5 out of bounds for length 5"));
        Report r = report(bug, "train");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("error: internal error: ArrayIndexOutOfBoundsException: Index 5 out of bounds"),
                r.err());
        assertTrue(r.err().contains("this is a bug in groundmetric, please report it"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(report(new NullPointerException(), null).err().contains("java.lang.NullPointerException"),
                "a message-less exception is named, never 'null'");
    }

    @Test
    void messagesAreNeverNullAndAlwaysOneLine() {
        assertEquals("error: IllegalArgumentException\n", report(new IllegalArgumentException(), null).err());
        assertEquals("error: sample 's\\n1' has no cells\n",
                report(new IllegalArgumentException("sample 's\n1' has no cells"), null).err());
    }

    @Test
    void theMachineRunningOutIsTheUsersToFix() {
        Report io = report(new UncheckedIOException("could not write x: no space left on device",
                new NoSuchFileException("x")), null);
        assertEquals(2, io.code());
        Report oom = report(new CommandLine.ExecutionException(new CommandLine(new GroundMetricCommand()), "error",
                new OutOfMemoryError("Java heap space")), null);
        assertEquals(2, oom.code());
        assertTrue(oom.err().contains("out of memory") && oom.err().contains("-Xmx"), oom.err());
        Report cluster = report(new ComputeEngine.EngineException("the Spark job failed (the cluster, not a task):"
                + " executor lost", new RuntimeException("org.apache.spark.SparkException")), "distances");
        assertEquals(2, cluster.code());
        assertEquals("error: the Spark job failed (the cluster, not a task): executor lost\n", cluster.err());
    }
}
