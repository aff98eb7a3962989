package org.groundmetric.spark;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Counts the Spark tasks that succeeded in every SparkContext that registers it, as
 * {@code spark.extraListeners} (a system property reaches the context a command creates).
 * Proves that work ran as Spark tasks, not on a local fallback.
 */
public final class TaskCounter extends SparkListener {
    private static final AtomicInteger SUCCEEDED = new AtomicInteger();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.taskInfo() != null && end.taskInfo().successful()) {
            SUCCEEDED.incrementAndGet();
        }
    }

    /** Tasks that succeeded so far, in every context that had this listener. */
    static int succeeded() {
        return SUCCEEDED.get();
    }

    /**
     * Runs {@code work} with this listener in every SparkContext created meanwhile and returns how
     * many tasks succeeded in them. A context's listener bus delivers after the fact; a context the
     * work stops has delivered everything (stopping drains the bus).
     */
    static int during(Runnable work) {
        String key = "spark.extraListeners";
        String before = System.getProperty(key);
        System.setProperty(key, TaskCounter.class.getName());
        int start = succeeded();
        try {
            work.run();
        } finally {
            if (before == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, before);
            }
        }
        return succeeded() - start;
    }
}
