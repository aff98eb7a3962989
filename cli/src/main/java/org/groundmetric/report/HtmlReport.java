package org.groundmetric.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.groundmetric.data.io.OutputFiles;

/**
 * A self-contained HTML page: headings, paragraphs, tables and figures. Each figure is embedded as
 * a PNG data URI (the page works when mailed as one file, with no network) and also written beside
 * {@code index.html} as PNG and SVG for slides and papers. A small inline script marks the page
 * with {@code data-images-shown="shown/total"} and {@code data-errors="n"} once loaded, so a headless browser can check it.
 */
public final class HtmlReport {

    private sealed interface Block permits Heading, Paragraph, Table, FigureBlock {
    }

    private record Heading(String text) implements Block {
    }

    private record Paragraph(String text) implements Block {
    }

    private record Table(String caption, List<String> header, List<List<String>> rows) implements Block {
    }

    private record FigureBlock(String name, String caption, Figure figure) implements Block {
    }

    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    public HtmlReport(String title) {
        this.title = title;
    }

    public HtmlReport heading(String text) {
        blocks.add(new Heading(text));
        return this;
    }

    public HtmlReport paragraph(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    public HtmlReport table(String caption, List<String> header, List<List<String>> rows) {
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("table '" + caption + "' has " + header.size()
                        + " columns but a row with " + row.size() + " cells: " + row);
            }
        }
        blocks.add(new Table(caption, List.copyOf(header), List.copyOf(rows)));
        return this;
    }

    /** A two-column table of settings, in the map's order. */
    public HtmlReport settings(String caption, Map<String, String> values) {
        List<List<String>> rows = new ArrayList<>();
        values.forEach((k, v) -> rows.add(List.of(k, v == null ? "" : v)));
        return table(caption, List.of("setting", "value"), rows);
    }

    /** A figure, saved as {@code name.png} and {@code name.svg} beside the page. */
    public HtmlReport figure(String name, String caption, Figure figure) {
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("figure name '" + name + "' must be a plain file name "
                    + "(letters, digits, '_', '-', '.')");
        }
        blocks.add(new FigureBlock(name, caption, figure));
        return this;
    }

    /** Writes {@code dir/index.html} and the figures' files, all or none; returns the page's path. */
    public Path write(Path dir) {
        try (OutputFiles files = new OutputFiles()) {
            Path page = write(files, dir);
            files.commit();
            return page;
        }
    }

    /** As {@link #write(Path)}, as files of a larger set written all or nothing. */
    public Path write(OutputFiles files, Path dir) {
        files.directory(dir);
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<h1>")
                .append(esc(title)).append("</h1>\n");
        for (Block b : blocks) {
            if (b instanceof Heading h) {
                html.append("<h2>").append(esc(h.text())).append("</h2>\n");
            } else if (b instanceof Paragraph p) {
                html.append("<p>").append(esc(p.text())).append("</p>\n");
            } else if (b instanceof Table t) {
                appendTable(html, t);
            } else if (b instanceof FigureBlock f) {
                appendFigure(html, f, files, dir);
            }
        }
        html.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        Path page = dir.resolve("index.html");
        byte[] bytes = html.toString().getBytes(StandardCharsets.UTF_8);
        files.write(page, out -> out.write(bytes));
        return page;
    }

    private static void appendTable(StringBuilder html, Table t) {
        html.append("<div class=\"table-wrap\"><table>\n<caption>").append(esc(t.caption())).append("</caption>\n<thead><tr>");
        for (String h : t.header()) {
            html.append("<th>").append(esc(h)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : t.rows()) {
            html.append("<tr>");
            for (String c : row) {
                html.append(isNumber(c) ? "<td class=\"num\">" : "<td>").append(esc(c)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table></div>\n");
    }

    private static void appendFigure(StringBuilder html, FigureBlock f, OutputFiles files, Path dir) {
        byte[] png = FigureFiles.png(f.figure());
        FigureFiles.write(files, f.figure(), dir, f.name());
        html.append("<figure>\n<img alt=\"").append(esc(f.caption())).append("\" width=\"")
                .append(f.figure().width()).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">\n<figcaption>")
                .append(esc(f.caption())).append(" <span class=\"files\">(<a href=\"").append(esc(f.name()))
                .append(".png\">PNG</a>, <a href=\"").append(esc(f.name())).append(".svg\">SVG</a>)</span>")
                .append("</figcaption>\n</figure>\n");
    }

    private static boolean isNumber(String s) {
        return s.matches("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?%?");
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 1100px;
                   margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.45; }
            h1 { font-size: 1.7em; border-bottom: 2px solid #0072B2; padding-bottom: .2em; }
            h2 { font-size: 1.3em; margin-top: 2em; color: #0072B2; }
            .table-wrap { overflow-x: auto; }
            table { border-collapse: collapse; margin: 1em 0; font-size: .92em; }
            caption { text-align: left; font-weight: 600; padding-bottom: .3em; }
            th, td { border: 1px solid #ccc; padding: .25em .6em; }
            th { background: #f2f2f2; text-align: left; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            figure { margin: 1em 0; }
            img { max-width: 100%; height: auto; border: 1px solid #eee; }
            figcaption { font-size: .92em; color: #444; }
            .files { color: #777; }
            """;

    private static final String SCRIPT = """
            (function () {
              var errors = 0;
              // Capture phase: resource errors (a broken image) do not bubble to window.
              window.addEventListener('error', function () { errors++; }, true);
              window.addEventListener('load', function () {
                var imgs = document.getElementsByTagName('img'), shown = 0;
                for (var i = 0; i < imgs.length; i++) {
                  if (imgs[i].complete && imgs[i].naturalWidth > 0) { shown++; }
                }
                document.documentElement.setAttribute('data-images-shown', shown + '/' + imgs.length);
                document.documentElement.setAttribute('data-errors', String(errors));
              });
            })();
            """;
}
