package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every command's --help renders without picocli format warnings (a bare '%' in a text is one). */
class HelpFormatTest {

    @Test
    void everyHelpTextFormatsCleanly() {
        PrintStream before = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (String command : GroundMetricCommand.newCommandLine().getSubcommands().keySet()) {
                CliRun run = CliRun.of(command, "--help");
                assertEquals(0, run.exitCode(), command);
                assertFalse(run.out().contains("%n"), command + ": an unformatted %n");
            }
        } finally {
            System.setErr(before);
        }
        String warnings = captured.toString(StandardCharsets.UTF_8);
        assertFalse(warnings.contains("WARN"), warnings);
    }
}
