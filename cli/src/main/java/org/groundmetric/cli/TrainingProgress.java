package org.groundmetric.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.groundmetric.Progress;
import org.groundmetric.learn.EpochRecord;
import org.groundmetric.learn.TrainingListener;

/**
 * Shows training on the console: a progress bar per epoch (batch, running loss, triplets/s, ETA)
 * and one summary line per epoch on stdout: the epoch's seconds on the trainer's clock and the CPU
 * seconds the whole process used meanwhile (on a shared machine the clock follows the load, the CPU
 * seconds follow the work).
 */
final class TrainingProgress implements TrainingListener {
    private final Progress bar;
    private final PrintWriter out;
    private int epochs;
    private double lossSum;
    private int seen;
    private long cpuAtStart;

    TrainingProgress(Progress bar, PrintWriter out) {
        this.bar = bar;
        this.out = out;
    }

    @Override
    public void epochStarted(int epoch, int epochs, int triplets, int batches) {
        this.epochs = epochs;
        lossSum = 0;
        seen = 0;
        cpuAtStart = processCpuNanos();
        bar.start(String.format(Locale.ROOT, "epoch %d/%d", epoch, epochs), triplets);
    }

    @Override
    public void batchFinished(int epoch, int batch, int triplets, double loss) {
        lossSum += loss * triplets;
        seen += triplets;
        bar.advance(triplets, String.format(Locale.ROOT, "batch %d  loss=%.4g", batch, lossSum / seen));
    }

    @Override
    public void samplesSummarised(int samples, double seconds) {
        out.printf(Locale.ROOT, "summarised %d samples in %.2f s (once, before the first epoch)%n", samples, seconds);
        out.flush();
    }

    @Override
    public void epochFinished(EpochRecord r) {
        bar.finish();
        long cpu = processCpuNanos();
        out.printf(Locale.ROOT, "epoch %d/%d  loss=%.6g  active=%.1f%%  %.3f s%s%n", r.epoch(), epochs, r.loss(),
                100 * r.activeFraction(), r.seconds(), cpu < 0 || cpuAtStart < 0 ? ""
                        : String.format(Locale.ROOT, " (CPU %.2f s)", (cpu - cpuAtStart) / 1e9));
        out.flush();
    }

    /** The CPU time of the whole process so far, or −1 where the JVM does not say. */
    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
