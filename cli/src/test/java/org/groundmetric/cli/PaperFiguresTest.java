package org.groundmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.groundmetric.data.Cohort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Figures of the paper the report draws from a model (issue 21). */
class PaperFiguresTest {

    /** Fig. 2a: W = I on Synth2D's two features draws the raw cells, by class and by mode. */
    @Test
    void aRankTwoModelDrawsTheCellsImagesThemselves(@TempDir Path dir) throws Exception {
        Cohort cohort = TestModels.smallSynth2d(1);
        Path data = TestModels.writeCsv(cohort, dir.resolve("cells.csv"));
        Path identity = TestModels.withWeights(new double[][] {{1, 0}, {0, 1}}, List.of("dim0", "dim1"),
                dir.resolve("euclidean.json"));
        Path report = dir.resolve("report");
        CliRun run = CliRun.of("report", "--model", identity.toString(), "--input", data.toString(), "--sample-key",
                "sample", "--label-key", "class", "--cell-type-key", "mode", "--out", report.toString(), "-q");
        assertEquals(0, run.exitCode(), run.err());
        String html = Files.readString(report.resolve("index.html"), StandardCharsets.UTF_8);
        for (String fig : new String[] {"cells-projection-class", "cells-projection-celltype"}) {
            assertTrue(Files.size(report.resolve(fig + ".svg")) > 1000, fig);
            assertTrue(html.contains(fig), fig);
        }
    }

    /** Fig. 3: the samples a model (trained with --keep-reference) saw are marked in samples.tsv. */
    @Test
    void theTrainingSamplesAreMarked(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("s.h5ad");
        assertEquals(0, CliRun.of("synth", "--preset", "synth2d", "--out", data.toString()).exitCode());
        Path model = dir.resolve("m.json");
        CliRun train = CliRun.of("train", "-i", data.toString(), "--sample-key", "sample", "--label-key", "class",
                "--filter", "sample=sample_00,sample_01,sample_10,sample_11,sample_20,sample_21",
                "--cells-per-sample", "10", "--epochs", "1", "--keep-reference", "--quiet", "--out", model.toString());
        assertEquals(0, train.exitCode(), train.err());
        Path samples = dir.resolve("samples.tsv");
        CliRun embed = CliRun.of("embed", "--model", model.toString(), "-i", data.toString(), "--sample-key", "sample",
                "--label-key", "class", "--filter", "sample=sample_00,sample_01,sample_02,sample_10,sample_11,"
                        + "sample_12,sample_20,sample_21,sample_22", "--samples-out", samples.toString(), "-q");
        assertEquals(0, embed.exitCode(), embed.err());
        List<String> rows = Files.readAllLines(samples);
        assertTrue(rows.get(0).endsWith("\ttraining"), rows.get(0));
        for (String row : rows.subList(1, rows.size())) {
            boolean seen = !row.startsWith("sample_02") && !row.startsWith("sample_12") && !row.startsWith("sample_22");
            assertTrue(row.endsWith(seen ? "\t1" : "\t0"), row);
        }
        // the report rings the 6 training samples of the 9 in its sample MDS and UMAP, with a legend entry
        Path report = dir.resolve("report");
        CliRun rep = CliRun.of("report", "--model", model.toString(), "-i", data.toString(), "--sample-key", "sample",
                "--label-key", "class", "--filter", "sample=sample_00,sample_01,sample_02,sample_10,sample_11,"
                        + "sample_12,sample_20,sample_21,sample_22", "--no-cell-umap", "--out", report.toString(), "-q");
        assertEquals(0, rep.exitCode(), rep.err());
        for (String fig : new String[] {"samples-mds", "samples-umap"}) {
            String svg = Files.readString(report.resolve(fig + ".svg"));
            // a ring is an unfilled black ellipse: one per training sample plus the legend's (XChart draws
            // text as outlines, so the legend's words are not in the SVG)
            assertEquals(7, svg.lines().filter(l -> l.contains("<ellipse") && l.contains("fill:none;stroke:rgb(0,0,0)"))
                    .count(), fig);
        }
        java.util.function.Function<List<String>, List<String>> sampleAndTraining = table -> table.stream()
                .map(r -> r.substring(0, r.indexOf('\t')) + r.substring(r.lastIndexOf('\t'))).toList();
        assertEquals(sampleAndTraining.apply(rows),
                sampleAndTraining.apply(Files.readAllLines(report.resolve("samples.tsv"))));
        assertTrue(Files.readString(report.resolve("index.html")).contains("ringed: the 6 samples the model was trained on"));
    }

    /**
     * Fig. 2d/e: report --metric euclidean --plan-pair draws one arc per plan entry, as wide as its
     * mass says, and writes the plan's triplets (POT: ot.emd gives 1/3, 1/6, 1/6, 1/3 here).
     */
    @Test
    void thePlanFigureDrawsOneArcPerPlanEntryWeightedByMass(@TempDir Path dir) throws Exception {
        Path data = Files.writeString(dir.resolve("two.csv"), String.join("\n", "cell,x,y,sample,class",
                "a0,0,0,A,x", "a1,1,0,A,x", "a2,0,2,A,x", "b0,1,1,B,y", "b1,2,2,B,y", ""));
        Path report = dir.resolve("report");
        CliRun run = CliRun.of("report", "--metric", "euclidean", "-i", data.toString(), "--sample-key", "sample",
                "--label-key", "class", "--no-cell-umap", "--plan-pair", "A:B", "--out", report.toString(), "-q");
        assertEquals(0, run.exitCode(), run.err());
        List<String> triplets = Files.readAllLines(report.resolve("plan-A__B.tsv"));
        double third = 1.0 / 3;
        double sixth = 1.0 / 6;
        assertEquals("i	j	mass	cell_a	cell_b", triplets.get(0));
        java.util.Map<String, Double> mass = new java.util.TreeMap<>();
        for (String t : triplets.subList(1, triplets.size())) {
            String[] f = t.split("\t");
            mass.put(f[3] + ">" + f[4], Double.parseDouble(f[2]));
        }
        assertEquals(java.util.Map.of("a0>b0", third, "a1>b0", sixth, "a1>b1", sixth, "a2>b1", third).keySet(),
                mass.keySet());
        assertEquals(third, mass.get("a0>b0"), 1e-12);
        assertEquals(sixth, mass.get("a1>b1"), 1e-12);
        String svg = Files.readString(report.resolve("plan-A__B.svg"));
        java.util.regex.Matcher arcs = java.util.regex.Pattern.compile(
                "<line style=\"[^\"]*stroke:rgb\\(51,51,51\\)[^\"]*stroke-width:([0-9.]+);").matcher(svg);
        List<Double> widths = new java.util.ArrayList<>();
        while (arcs.find()) {
            widths.add(Double.parseDouble(arcs.group(1)));
        }
        widths.sort(null);
        double thin = org.groundmetric.report.PlanFigure.arcWidth(sixth, third);
        double wide = org.groundmetric.report.PlanFigure.MAX_WIDTH;
        assertEquals(4, widths.size(), svg.length() + " chars of SVG");
        assertEquals(thin, widths.get(0), 1e-5);
        assertEquals(thin, widths.get(1), 1e-5);
        assertEquals(wide, widths.get(2), 1e-5);
        assertEquals(wide, widths.get(3), 1e-5);
        String html = Files.readString(report.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("cost W_θ = 1.677: 4 arcs"), "plan caption");
        assertTrue(html.contains("features, no model file)"), "the settings name the metric");
        CliRun bad = CliRun.of("report", "--metric", "euclidean", "-i", data.toString(), "--sample-key", "sample",
                "--label-key", "class", "--no-cell-umap", "--plan-pair", "A:C", "--out", dir.resolve("r2").toString(),
                "-q");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().startsWith("error: --plan-pair names sample 'C'"), bad.err());
        assertTrue(!Files.exists(dir.resolve("r2").resolve("index.html")));
    }

    /** predict --metric euclidean: W_θ to the --reference samples are distances --metric euclidean's entries. */
    @Test
    void theEuclideanMetricPredictsWithoutAModel(@TempDir Path dir) throws Exception {
        Cohort cohort = TestModels.smallSynth2d(3);
        Path data = TestModels.writeCsv(cohort, dir.resolve("cells.csv"));
        List<String> ids = cohort.sampleIds();
        List<String> fresh = List.of(ids.get(0), ids.get(3), ids.get(6));
        List<String> known = ids.stream().filter(id -> !fresh.contains(id)).toList();
        Path w = dir.resolve("w.tsv");
        CliRun run = CliRun.of("predict", "--metric", "euclidean", "-i", data.toString(), "--sample-key", "sample",
                "--label-key", "class", "--filter", "sample=" + String.join(",", fresh), "--reference", data.toString(),
                "--reference-filter", "sample=" + String.join(",", known), "--k", "3", "--out",
                dir.resolve("p.tsv").toString(), "--distances-out", w.toString(), "-q");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("samples=3 reference=6 "), run.out());
        Path d = dir.resolve("d.tsv");
        assertEquals(0, CliRun.of("distances", "-i", data.toString(), "--sample-key", "sample", "--metric", "euclidean",
                "--quiet", "--out", d.toString()).exitCode());
        double[][] all = EmbedCommandTest.readMatrix(d);
        List<String> rows = Files.readAllLines(w);
        List<String> columns = List.of(rows.get(0).split("\t")).subList(1, known.size() + 1);
        assertEquals(known, columns);
        for (int i = 1; i < rows.size(); i++) {
            String[] f = rows.get(i).split("\t");
            for (int j = 0; j < known.size(); j++) {
                assertEquals(all[ids.indexOf(f[0])][ids.indexOf(known.get(j))], Double.parseDouble(f[j + 1]), 1e-9);
            }
        }
        CliRun noReference = CliRun.of("predict", "--metric", "euclidean", "-i", data.toString(), "--sample-key",
                "sample", "--out", dir.resolve("x.tsv").toString(), "-q");
        assertEquals(2, noReference.exitCode());
        assertTrue(noReference.err().contains("give the labelled samples to compare with as --reference FILE"),
                noReference.err());
    }

    /** embed --metric euclidean: no model file; the images are the cells, W_θ is distances --metric euclidean. */
    @Test
    void theEuclideanMetricEmbedsWithoutAModel(@TempDir Path dir) throws Exception {
        Cohort cohort = TestModels.smallSynth2d(2);
        Path data = TestModels.writeCsv(cohort, dir.resolve("cells.csv"));
        Path cells = dir.resolve("cells.tsv");
        Path w = dir.resolve("w.tsv");
        CliRun run = CliRun.of("embed", "--metric", "euclidean", "-i", data.toString(), "--sample-key", "sample",
                "--label-key", "class", "--out", cells.toString(), "--distances-out", w.toString(), "--no-cell-umap",
                "-q");
        assertEquals(0, run.exitCode(), run.err());
        List<String> rows = Files.readAllLines(cells);
        assertTrue(rows.get(0).startsWith("cell\tsample\tclass\tproj1\tproj2"), rows.get(0));
        List<String> csv = Files.readAllLines(data);
        for (int r = 1; r < rows.size(); r++) {
            String[] got = rows.get(r).split("\t");
            String[] raw = csv.get(r).split(",");
            assertEquals(raw[0], got[0]);
            assertEquals(Double.parseDouble(raw[1]), Double.parseDouble(got[3]), 1e-5 * Math.max(1, Math.abs(Double.parseDouble(raw[1])))); // cells.tsv keeps 6 digits
            assertEquals(Double.parseDouble(raw[2]), Double.parseDouble(got[4]), 1e-5 * Math.max(1, Math.abs(Double.parseDouble(raw[2]))));
        }
        Path d = dir.resolve("d.tsv");
        assertEquals(0, CliRun.of("distances", "-i", data.toString(), "--sample-key", "sample", "--metric", "euclidean",
                "--quiet", "--out", d.toString()).exitCode());
        double[][] a = EmbedCommandTest.readMatrix(w);
        double[][] b = EmbedCommandTest.readMatrix(d);
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                assertEquals(b[i][j], a[i][j], 1e-5 * Math.max(1, b[i][j])); // W.tsv keeps 6 digits
            }
        }
        CliRun neither = CliRun.of("embed", "-i", data.toString(), "--sample-key", "sample", "--out",
                dir.resolve("x.tsv").toString(), "-q");
        assertEquals(2, neither.exitCode());
        assertTrue(neither.err().contains("give --model model.json or --metric euclidean"), neither.err());
    }
}
