package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
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
        Report r = report(new IllegalParameterException("Preprocessing.minCells",
                "the minimum of cells per sample is 0; expected a positive number"), "train");
        assertEquals(2, r.code());
        assertEquals("error: the minimum of cells per sample is 0; expected a positive number (--min-cells)\n", r.err());
        // a command without that option gets the library's sentence alone
        Report genes = report(new IllegalParameterException("Preprocessing.minCells", "m"), "genes");
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
