package org.groundmetric;

/**
 * Receives progress of long work (pairs of a distance matrix, batches of an epoch) so the library
 * can report it without knowing how it is shown. The CLI's progress bar is one implementation.
 * Calls may come from several threads.
 */
public interface Progress {

    /** Reports nothing. */
    Progress NONE = new Progress() {
        @Override public void start(String task, long total) { }
        @Override public void advance(long steps, String detail) { }
        @Override public void finish() { }
    };

    /** A new task of {@code total} steps begins (e.g. "pairs", "epoch 3/30"). */
    void start(String task, long total);

    /** {@code steps} more steps are done; {@code detail} (may be null) is shown beside the bar, e.g. "loss=1.23". */
    void advance(long steps, String detail);

    /** The current task is done. */
    void finish();
}
