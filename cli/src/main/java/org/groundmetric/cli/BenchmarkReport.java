package org.groundmetric.cli;

import java.util.List;
import java.util.Locale;
import org.groundmetric.data.io.DelimitedText;
import org.groundmetric.eval.Benchmark;

/** The benchmark's results as CSV (summary and per split) and as a Markdown table. */
final class BenchmarkReport {
    static final String SUMMARY_HEADER = "method,patient_accuracy,patient_accuracy_std,patient_balanced_accuracy,"
            + "cell_accuracy,cell_accuracy_std,mi,ari,vi,fit_seconds,status";

    private BenchmarkReport() {
    }

    static String summaryCsv(Benchmark.Result r) {
        StringBuilder sb = new StringBuilder(SUMMARY_HEADER).append('\n');
        for (Benchmark.MethodSummary s : r.summaries()) {
            sb.append(csv(s.method())).append(',').append(num(s.patientAccuracy())).append(',')
                    .append(num(s.patientAccuracyStd())).append(',').append(num(s.patientBalancedAccuracy())).append(',')
                    .append(num(s.cellAccuracy())).append(',').append(num(s.cellAccuracyStd())).append(',')
                    .append(num(s.mi())).append(',').append(num(s.ari())).append(',').append(num(s.vi())).append(',')
                    .append(num(s.fitSeconds())).append(',').append(csv(s.status())).append('\n');
        }
        return sb.toString();
    }

    /** Per method and split; the confusion matrix as rows joined by ';', entries by ' ' (rows = true class). */
    static String splitsCsv(Benchmark.Result r, List<String> classNames) {
        StringBuilder sb = new StringBuilder("method,split,patient_accuracy,patient_balanced_accuracy,cell_accuracy,"
                + "mi,ari,vi,fit_seconds,status," + csv("confusion (rows=true " + String.join("|", classNames) + ")") + "\n");
        for (Benchmark.SplitResult s : r.splits()) {
            sb.append(csv(s.method())).append(',').append(s.split() + 1).append(',').append(num(s.patientAccuracy()))
                    .append(',').append(num(s.patientBalancedAccuracy())).append(',').append(num(s.cellAccuracy()))
                    .append(',').append(num(s.mi())).append(',').append(num(s.ari())).append(',').append(num(s.vi()))
                    .append(',').append(num(s.fitSeconds())).append(',').append(csv(s.status())).append(',')
                    .append(confusion(s.confusion())).append('\n');
        }
        return sb.toString();
    }

    static String markdown(Benchmark.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append("| method | patient accuracy | balanced accuracy | cell accuracy | MI | ARI | VI | fit s | status |\n");
        sb.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Benchmark.MethodSummary s : r.summaries()) {
            boolean ok = "ok".equals(s.status());
            sb.append("| ").append(s.method()).append(" | ")
                    .append(ok ? pm(s.patientAccuracy(), s.patientAccuracyStd()) : s.status()).append(" | ")
                    .append(ok ? fmt(s.patientBalancedAccuracy()) : "").append(" | ")
                    .append(ok ? pm(s.cellAccuracy(), s.cellAccuracyStd()) : "").append(" | ")
                    .append(ok ? fmt(s.mi()) : "").append(" | ").append(ok ? fmt(s.ari()) : "").append(" | ")
                    .append(ok ? fmt(s.vi()) : "").append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", s.fitSeconds())).append(" | ")
                    .append(s.status()).append(" |\n");
        }
        return sb.toString();
    }

    private static String pm(double mean, double std) {
        return String.format(Locale.ROOT, "%.3f ± %.3f", mean, std);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static String csv(String s) {
        return DelimitedText.field(s, ',');
    }

    private static String confusion(long[][] m) {
        if (m == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < m.length; i++) {
            if (i > 0) {
                sb.append(';');
            }
            for (int j = 0; j < m[i].length; j++) {
                if (j > 0) {
                    sb.append(' ');
                }
                sb.append(m[i][j]);
            }
        }
        return sb.toString();
    }
}
