package org.groundmetric.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.groundmetric.Progress;

/**
 * A one-line progress bar on stderr: task, done/total, rate, ETA and a detail such as the running
 * loss. Redraws at most every 200 ms; on a non-terminal (CI logs) it prints a line every 10 s instead.
 * Thread-safe.
 */
public final class ProgressBar implements Progress {
    private static final int WIDTH = 24;
    private final PrintStream out;
    private final boolean interactive;
    private String task = "";
    private long total;
    private long done;
    private long startNanos;
    private long lastDrawNanos;
    private String detail;
    private final String unit;

    /** @param unit what one step is, e.g. "pairs" or "triplets" (shown in the rate) */
    public ProgressBar(String unit) {
        this(System.err, System.console() != null, unit);
    }

    ProgressBar(PrintStream out, boolean interactive, String unit) {
        this.out = out;
        this.interactive = interactive;
        this.unit = unit;
    }

    /** A Progress that shows nothing when {@code quiet}, else a bar. */
    public static Progress unlessQuiet(boolean quiet, String unit) {
        return quiet ? Progress.NONE : new ProgressBar(unit);
    }

    @Override
    public synchronized void start(String task, long total) {
        this.task = task;
        this.total = total;
        this.done = 0;
        this.detail = null;
        this.startNanos = System.nanoTime();
        this.lastDrawNanos = 0;
        draw(false);
    }

    @Override
    public synchronized void advance(long steps, String detail) {
        done += steps;
        if (detail != null) {
            this.detail = detail;
        }
        long now = System.nanoTime();
        long minGap = interactive ? 200_000_000L : 10_000_000_000L;
        if (now - lastDrawNanos >= minGap) {
            draw(false);
        }
    }

    @Override
    public synchronized void finish() {
        draw(true);
    }

    private void draw(boolean last) {
        lastDrawNanos = System.nanoTime();
        double seconds = (lastDrawNanos - startNanos) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder line = new StringBuilder();
        line.append(task).append(' ');
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, WIDTH * done / total);
            line.append('[').append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ");
        }
        line.append(done);
        if (total > 0) {
            line.append('/').append(total);
        }
        line.append(String.format(Locale.ROOT, "  %.1f %s/s", rate, unit));
        if (last) {
            line.append(String.format(Locale.ROOT, "  done in %s", duration(seconds)));
        } else if (total > 0 && done > 0) {
            line.append("  ETA ").append(duration((total - done) / rate));
        }
        if (detail != null) {
            line.append("  ").append(detail);
        }
        if (interactive) {
            out.print("\r" + line + "\u001b[K");
            if (last) {
                out.println();
            }
        } else if (last || done > 0 || total == 0) {
            out.println(line);
        }
        out.flush();
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1fs", seconds);
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
