package org.groundmetric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ComputeEngineTest {

    private static List<Integer> upTo(int n) {
        List<Integer> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(i);
        }
        return tasks;
    }

    @Test
    void localEngineReturnsResultsInTaskOrderAndAdvancesProgressPerTask() {
        AtomicLong steps = new AtomicLong();
        Progress counting = new Progress() {
            @Override public void start(String task, long total) { }
            @Override public void advance(long n, String detail) { steps.addAndGet(n); }
            @Override public void finish() { }
        };
        for (int threads : new int[] {1, 3}) {
            try (ComputeEngine engine = ComputeEngine.local(threads)) {
                assertEquals(threads, engine.parallelism());
                // Later tasks finish first on several threads; order must still follow the tasks.
                List<Long> out = engine.run(1000L, upTo(200), (offset, i) -> {
                    if (i % 7 == 0) {
                        Thread.onSpinWait();
                    }
                    return offset + (long) i * i;
                }, counting);
                for (int i = 0; i < 200; i++) {
                    assertEquals(1000L + (long) i * i, out.get(i));
                }
            }
        }
        assertEquals(400, steps.get());
    }

    @Test
    void aFailingTaskIsNamedInTheCallersWords() {
        ComputeEngine.Task<String, Integer, Integer> task = new ComputeEngine.Task<>() {
            @Override
            public Integer apply(String shared, Integer i) {
                if (i == 13) {
                    throw new IllegalArgumentException("cost has NaN");
                }
                return i;
            }

            @Override
            public String describe(String shared, Integer i) {
                return "samples 'p" + i + "' and 'q'";
            }
        };
        for (int threads : new int[] {1, 2}) {
            try (ComputeEngine engine = ComputeEngine.local(threads)) {
                ComputeEngine.TaskFailedException e = assertThrows(ComputeEngine.TaskFailedException.class,
                        () -> engine.run("x", upTo(40), task, Progress.NONE));
                assertEquals(13, e.index());
                assertTrue(e.getMessage().contains("task 13 (samples 'p13' and 'q') failed"), e.getMessage());
                assertTrue(e.getMessage().contains("cost has NaN"), e.getMessage());
            }
        }
    }

    @Test
    void enginesAreFoundByNameAndAMissingOneSaysHowToGetIt() {
        try (ComputeEngine engine = ComputeEngine.open("local", new ComputeEngine.Options(2, null))) {
            assertEquals("local", engine.name());
        }
        assertTrue(ComputeEngine.available().contains("local"));
        if (!ComputeEngine.available().contains("spark")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ComputeEngine.open("spark", new ComputeEngine.Options(1, null)));
            assertTrue(e.getMessage().contains("spark-submit"), e.getMessage());
        }
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ComputeEngine.open("flink", new ComputeEngine.Options(1, null)));
        assertTrue(unknown.getMessage().contains("unknown engine 'flink'"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ComputeEngine.Options(0, null));
    }
}
