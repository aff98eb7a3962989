package org.groundmetric.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class WarmStartsTest {

    /** Potentials start a pair for maxAge steps, then are dropped: the cache never holds more than it can use. */
    @Test
    void potentialsServeForMaxAgeStepsAndAreThenDropped() {
        WarmStarts starts = new WarmStarts(true, 2);
        long pair = PairTransports.key(3, 1);
        starts.nextStep();
        starts.remember(pair, new PairSolve.Solution(0, null, null, new double[] {1, 2}, false), starts.step());
        starts.remember(PairTransports.key(0, 1), new PairSolve.Solution(0, null, null, null, false), starts.step());
        assertEquals(1, starts.kept(), "a solve without potentials keeps nothing");
        for (int age = 1; age <= 2; age++) {
            starts.nextStep();
            assertNotNull(starts.recent(pair, 2, 2), "age " + age);
        }
        starts.nextStep();
        assertNull(starts.recent(pair, 2, 2));
        assertEquals(0, starts.kept());
        assertNull(new WarmStarts(false, 2).recent(pair, 2, 2));
    }
}
