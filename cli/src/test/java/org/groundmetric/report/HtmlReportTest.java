package org.groundmetric.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    static HtmlReport sampleReport() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("rank k", "5");
        settings.put("margin alpha", "10");
        settings.put("note", "<script>alert('x')</script>");
        return new HtmlReport("groundmetric report")
                .heading("Settings")
                .settings("Training settings", settings)
                .heading("Training")
                .figure("training-loss", "Loss per epoch",
                        Plots.trainingCurve("Training loss", Map.of("loss", new double[] {3, 2, 1.5})))
                .heading("Samples")
                .figure("wasserstein-heatmap", "W_θ between samples",
                        new DistanceHeatmap("W_θ", ReportFixtures.distances(), ReportFixtures.names(),
                                ReportFixtures.classes(), ReportFixtures.linkage()))
                .table("Top genes", List.of("feature", "importance", "rank"),
                        List.of(List.of("ISG15", "0.31", "1"), List.of("IFI6", "0.2", "2")));
    }

    @Test
    void pageIsSelfContainedAndEscapesText(@TempDir Path dir) throws Exception {
        Path page = sampleReport().write(dir);
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertEquals(2, count(html, "<img "));
        assertEquals(2, count(html, "src=\"data:image/png;base64,"));
        assertFalse(html.contains("http://") || html.contains("https://"), "no network references");
        assertFalse(html.contains("<script>alert"), "setting values are escaped");
        assertTrue(Files.exists(dir.resolve("training-loss.png")) && Files.exists(dir.resolve("training-loss.svg")));
        assertTrue(Files.exists(dir.resolve("wasserstein-heatmap.svg")));
    }

    @Test
    void rejectsFigureNamesThatAreNotFileNames() {
        assertThrows(IllegalArgumentException.class, () -> new HtmlReport("t")
                .figure("../x", "c", Plots.trainingCurve("t", Map.of("l", new double[] {1}))));
    }

    /** The page loads in a real browser without errors and every image is decoded and shown. */
    @Test
    void rendersInHeadlessChromiumWithAllImagesShown(@TempDir Path dir) throws Exception {
        HeadlessChromium.executable();
        Path page = sampleReport().write(dir);
        String dom = HeadlessChromium.dumpDom(page);
        Matcher shown = Pattern.compile("data-images-shown=\"(\\d+)/(\\d+)\"").matcher(dom);
        assertTrue(shown.find(), "the page's load handler ran (DOM starts: "
                + dom.substring(0, Math.min(300, dom.length())) + ")");
        assertEquals("2", shown.group(2), "images on the page");
        assertEquals(shown.group(2), shown.group(1), "images decoded and shown");
        assertTrue(dom.contains("data-errors=\"0\""), "no script or resource errors");
    }

    private static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) {
            n++;
        }
        return n;
    }
}
