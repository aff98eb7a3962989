package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

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

    /**
     * Every option's description is one paragraph: picocli wraps each element of a description
     * array on its own, so a sentence split over elements printed as ragged half-empty lines.
     * (A deliberate line break is written %n inside the one string.)
     */
    @Test
    void everyOptionDescriptionIsOneParagraph() {
        List<String> split = new ArrayList<>();
        for (CommandLine sub : GroundMetricCommand.newCommandLine().getSubcommands().values()) {
            for (OptionSpec option : sub.getCommandSpec().options()) {
                if (option.description().length > 1) {
                    split.add(sub.getCommandName() + " " + option.longestName());
                }
            }
        }
        assertTrue(split.isEmpty(), "options whose description is split over array elements: " + split);
    }
}
