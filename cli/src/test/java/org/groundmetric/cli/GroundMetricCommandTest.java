package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GroundMetricCommandTest {

    @Test
    void helpListsTheCommandsAndExitsZero() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("Global Ground Metric Learning"), run.out());
        assertTrue(run.out().contains("Commands:"), run.out());
    }

    @Test
    void unknownOptionIsExitCodeTwoWithOneHint() {
        CliRun run = CliRun.of("--no-such-option");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("error: "), run.err());
    }
}
