package org.groundmetric.baseline;

import java.time.Duration;

/**
 * The time and memory a metric learner may use, as in the paper's tables where a method that
 * exceeds them is reported as OOT (out of time) or OOM (out of memory) instead of a score.
 *
 * <p>Time: learners call {@link #checkTime()} inside their iterations (once per epoch, sweep or
 * line-search step); past the deadline it throws {@link OutOfTimeException}, so an over-long run
 * stops within one iteration. Memory: before allocating their large arrays, learners call
 * {@link #requireMemory(long, String)} with an estimate in bytes; it throws
 * {@link OutOfMemoryBudgetException} when the estimate exceeds the memory limit (by default the
 * JVM's maximum heap), so a method fails fast instead of exhausting the heap.
 */
public final class Budget {
    private final long deadlineNanos;
    private final long maxBytes;
    private final Duration time;

    private Budget(Duration time, long maxBytes) {
        this.time = time;
        long now = System.nanoTime();
        long span = time.toNanos();
        this.deadlineNanos = span >= Long.MAX_VALUE - now ? Long.MAX_VALUE : now + span;
        this.maxBytes = maxBytes;
    }

    /** A budget of the given time starting now and the JVM's maximum heap. */
    public static Budget of(Duration time) {
        return new Budget(time, Runtime.getRuntime().maxMemory());
    }

    /** A budget of the given time starting now and at most {@code maxBytes} for a learner's arrays. */
    public static Budget of(Duration time, long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("memory budget must be positive, got " + maxBytes + " bytes");
        }
        return new Budget(time, maxBytes);
    }

    /** No time limit, the JVM's heap as memory limit (library calls without a budget). */
    public static Budget unlimited() {
        return new Budget(Duration.ofNanos(Long.MAX_VALUE), Runtime.getRuntime().maxMemory());
    }

    public Duration time() {
        return time;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Throws {@link OutOfTimeException} once the deadline has passed. */
    public void checkTime() {
        if (System.nanoTime() - deadlineNanos > 0 && deadlineNanos != Long.MAX_VALUE) {
            throw new OutOfTimeException("exceeded the time budget of " + describe(time));
        }
    }

    /** Throws {@link OutOfMemoryBudgetException} when {@code bytes} (an estimate for {@code what}) exceeds the limit. */
    public void requireMemory(long bytes, String what) {
        if (bytes < 0 || bytes > maxBytes) {
            throw new OutOfMemoryBudgetException(what + " needs about " + mib(bytes) + " MiB, more than the "
                    + mib(maxBytes) + " MiB budget (fewer cells or features, or a larger -Xmx)");
        }
    }

    private static long mib(long bytes) {
        return bytes < 0 ? Long.MAX_VALUE / (1 << 20) : (bytes + (1 << 20) - 1) >> 20;
    }

    private static String describe(Duration d) {
        long s = d.toSeconds();
        return s >= 60 && s % 60 == 0 ? (s / 60) + " min" : d.toMillis() + " ms";
    }

    /** Bytes of {@code count} doubles, saturating instead of overflowing. */
    public static long doubles(long... dims) {
        long n = 8;
        for (long d : dims) {
            if (d != 0 && n > Long.MAX_VALUE / d) {
                return Long.MAX_VALUE;
            }
            n *= d;
        }
        return n;
    }

    /** A learner ran out of its time budget (reported as OOT). */
    public static final class OutOfTimeException extends RuntimeException {
        public OutOfTimeException(String message) {
            super(message);
        }
    }

    /** A learner's memory estimate exceeds its budget (reported as OOM). */
    public static final class OutOfMemoryBudgetException extends RuntimeException {
        public OutOfMemoryBudgetException(String message) {
            super(message);
        }
    }
}
