package org.groundmetric.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GroupShuffleSplitTest {
    private static final List<String> NAMES = List.of("a", "b", "c");

    @Test
    void paperProtocolOnSixtySamplesOfThreeClasses() {
        int[] classes = IntStream.range(0, 60).map(i -> i % 3).toArray();
        GroupShuffleSplit.Plan plan = GroupShuffleSplit.paper(5, 42).split(classes, NAMES);
        assertEquals(5, plan.splits().size());
        assertTrue(plan.notes().isEmpty());
        for (GroupShuffleSplit.Split s : plan.splits()) {
            assertEquals(30, s.train().length);
            assertEquals(30, s.test().length);
            assertEquals(6, s.validation().length); // round(10·0.2) per class
            assertEquals(24, s.fit().length);
            int[] all = IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.test())).sorted().toArray();
            assertArrayEquals(IntStream.range(0, 60).toArray(), all, "train and test partition the samples");
            for (int c = 0; c < 3; c++) {
                int cc = c;
                assertEquals(10, Arrays.stream(s.train()).filter(i -> classes[i] == cc).count());
                assertEquals(2, Arrays.stream(s.validation()).filter(i -> classes[i] == cc).count());
            }
            for (int v : s.validation()) {
                assertTrue(Arrays.binarySearch(s.train(), v) >= 0, "validation samples come from training");
            }
        }
        assertNotEquals(Arrays.toString(plan.splits().get(0).train()), Arrays.toString(plan.splits().get(1).train()));
    }

    @Test
    void seededAndIndependentOfTheNumberOfSplits() {
        int[] classes = IntStream.range(0, 20).map(i -> i % 2).toArray();
        GroupShuffleSplit.Split a = GroupShuffleSplit.paper(2, 9).split(classes, NAMES.subList(0, 2)).splits().get(1);
        GroupShuffleSplit.Split b = GroupShuffleSplit.paper(7, 9).split(classes, NAMES.subList(0, 2)).splits().get(1);
        assertArrayEquals(a.train(), b.train());
        assertArrayEquals(a.validation(), b.validation());
    }

    @Test
    void smallClassesAreReportedOrRejected() {
        int[] twoOfC = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2};
        GroupShuffleSplit.Plan plan = GroupShuffleSplit.paper(1, 1).split(twoOfC, NAMES);
        assertEquals(List.of("class 'c' has 2 samples: too few to hold one back for validation, so the validation part lacks it"),
                plan.notes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GroupShuffleSplit.paper(1, 1).split(new int[] {0, 0, 1}, NAMES.subList(0, 2)));
        assertEquals("class 'b' has 1 sample(s); a split needs at least 2 per class (one to train on, one to test)."
                + " Drop the class or merge it with another.", e.getMessage());
    }
}
