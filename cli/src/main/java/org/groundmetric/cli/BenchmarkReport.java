package org.groundmetric.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.groundmetric.data.io.DelimitedText;
import org.groundmetric.eval.BenchmarkResult;

/** The benchmark's results as CSV (per method, per round, per held-out sample) and as a Markdown table. */
final class BenchmarkReport {

    /** A score of a round, with its column name. */
    private record Score(String column, String title, ToDoubleFunction<BenchmarkResult.Round> value) { }

    private BenchmarkReport() {
    }

    /** Balanced accuracy first; recall per class; cell-level clustering last. */
    private static List<Score> scores(List<String> classNames) {
        List<Score> s = new ArrayList<>();
        s.add(new Score("balanced_accuracy", "balanced accuracy", BenchmarkResult.Round::balancedAccuracy));
        s.add(new Score("auc", "AUC", BenchmarkResult.Round::auc));
        for (int c = 0; c < classNames.size(); c++) {
            int cls = c;
            s.add(new Score("recall_" + classNames.get(c), "recall " + classNames.get(c), r -> r.recall(cls)));
        }
        s.add(new Score("accuracy", "accuracy", BenchmarkResult.Round::accuracy));
        s.add(new Score("cell_accuracy", "cell accuracy", BenchmarkResult.Round::cellAccuracy));
        s.add(new Score("mi", "MI", BenchmarkResult.Round::mi));
        s.add(new Score("ari", "ARI", BenchmarkResult.Round::ari));
        s.add(new Score("vi", "VI", BenchmarkResult.Round::vi));
        s.add(new Score("cell_mi", "cell MI", BenchmarkResult.Round::cellMi));
        s.add(new Score("cell_ari", "cell ARI", BenchmarkResult.Round::cellAri));
        s.add(new Score("cell_vi", "cell VI", BenchmarkResult.Round::cellVi));
        return s;
    }

    /** The summary's header for these classes. */
    static String summaryHeader(List<String> classNames) {
        List<String> cols = new ArrayList<>(List.of("method", "vote", "rounds"));
        for (Score s : scores(classNames)) {
            cols.add(s.column());
            cols.add(s.column() + "_std");
        }
        cols.add("fit_seconds");
        cols.add("status");
        return String.join(",", cols.stream().map(BenchmarkReport::csv).toList());
    }

    static String summaryCsv(BenchmarkResult r) {
        StringBuilder sb = new StringBuilder(summaryHeader(r.classNames())).append('\n');
        for (BenchmarkResult.Method m : r.methods()) {
            sb.append(csv(m.name())).append(',').append(r.vote().label()).append(',').append(m.rounds().size());
            for (Score s : scores(r.classNames())) {
                sb.append(',').append(num(m.mean(s.value()))).append(',').append(num(m.std(s.value())));
            }
            sb.append(',').append(num(m.fitSeconds())).append(',').append(csv(m.status())).append('\n');
        }
        return sb.toString();
    }

    /** Per method and round; the confusion matrix as rows joined by ';', entries by ' ' (rows = true class). */
    static String roundsCsv(BenchmarkResult r) {
        List<String> cols = new ArrayList<>(List.of("method", "round"));
        for (Score s : scores(r.classNames())) {
            cols.add(s.column());
        }
        cols.add("fit_seconds");
        cols.add("confusion (rows=true " + String.join("|", r.classNames()) + ")");
        StringBuilder sb = new StringBuilder(String.join(",", cols.stream().map(BenchmarkReport::csv).toList())).append('\n');
        for (BenchmarkResult.Method m : r.methods()) {
            for (BenchmarkResult.Round round : m.rounds()) {
                sb.append(csv(m.name())).append(',').append(round.round() + 1);
                for (Score s : scores(r.classNames())) {
                    sb.append(',').append(num(s.value().applyAsDouble(round)));
                }
                sb.append(',').append(num(round.fitSeconds())).append(',')
                        .append(confusion(round.patients().classification().confusion())).append('\n');
            }
        }
        return sb.toString();
    }

    /** Per method, fit and held-out sample: true and predicted class, the class probabilities, the tuned pair. */
    static String predictionsCsv(BenchmarkResult r, List<String> sampleIds) {
        List<String> cols = new ArrayList<>(List.of("method", "round", "fit", "sample", "class", "predicted"));
        for (String c : r.classNames()) {
            cols.add("p_" + c);
        }
        cols.add("alpha");
        cols.add("lambda");
        StringBuilder sb = new StringBuilder(String.join(",", cols.stream().map(BenchmarkReport::csv).toList())).append('\n');
        for (BenchmarkResult.Fit f : r.fits()) {
            for (int i = 0; i < f.heldOut().length; i++) {
                double[] p = f.probabilities()[i];
                sb.append(csv(f.method())).append(',').append(f.round() + 1).append(',').append(f.index() + 1).append(',')
                        .append(csv(sampleIds.get(f.heldOut()[i]))).append(',')
                        .append(csv(r.classNames().get(f.truth()[i]))).append(',')
                        .append(csv(r.classNames().get(org.groundmetric.predict.WeightedKnn.argmax(p))));
                for (double v : p) {
                    sb.append(',').append(v);
                }
                sb.append(',').append(num(f.alpha())).append(',').append(num(f.lambda())).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * One row per method; a score no method has (the clusterings under leave-one-out, whose fits
     * hold out one sample) is left out of the table and named below it.
     */
    static String markdown(BenchmarkResult r) {
        List<Score> shown = new ArrayList<>();
        List<Score> undefined = new ArrayList<>();
        for (Score s : scores(r.classNames())) {
            boolean any = r.methods().stream().anyMatch(m -> m.ok() && !Double.isNaN(m.mean(s.value())));
            if (any || r.methods().stream().noneMatch(BenchmarkResult.Method::ok)) {
                shown.add(s);
            } else {
                undefined.add(s);
            }
        }
        StringBuilder sb = new StringBuilder("| method |");
        for (Score s : shown) {
            sb.append(' ').append(s.title()).append(" |");
        }
        sb.append(" fit s | status |\n|").append(" --- |".repeat(shown.size() + 3)).append('\n');
        for (BenchmarkResult.Method m : r.methods()) {
            sb.append("| ").append(m.name()).append(" |");
            for (Score s : shown) {
                sb.append(' ').append(m.ok() ? pm(m, s.value()) : "").append(" |");
            }
            sb.append(String.format(Locale.ROOT, " %.1f | %s |%n", m.fitSeconds(), m.status()));
        }
        if (!undefined.isEmpty()) {
            List<String> titles = new ArrayList<>();
            for (Score s : undefined) {
                titles.add(s.title());
            }
            sb.append("not defined here: ").append(String.join(", ", titles))
                    .append(" (clustering needs held-out samples of two classes in one fit)\n");
        }
        return sb.toString();
    }

    /** "0.750 ± 0.160" over several rounds, "0.750" for one, empty where never defined. */
    private static String pm(BenchmarkResult.Method m, ToDoubleFunction<BenchmarkResult.Round> score) {
        double mean = m.mean(score);
        if (Double.isNaN(mean)) {
            return "";
        }
        return m.rounds().size() > 1 ? String.format(Locale.ROOT, "%.3f ± %.3f", mean, m.std(score))
                : String.format(Locale.ROOT, "%.3f", mean);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static String csv(String s) {
        return DelimitedText.field(s, ',');
    }

    private static String confusion(long[][] m) {
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
