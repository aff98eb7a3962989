package org.groundmetric.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a small CSV or TSV table (e.g. a benchmark's results) for display: header plus rows of text. */
public record Csv(List<String> header, List<List<String>> rows) {

    /** Tab-separated when the file name ends in .tsv, else comma-separated with "double-quoted" fields. */
    public static Csv read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read table " + file + ": " + e.getMessage(), e);
        }
        lines.removeIf(String::isBlank);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("table " + file + " is empty; expected a header line and rows");
        }
        char sep = file.getFileName().toString().endsWith(".tsv") ? '\t' : ',';
        List<String> header = split(lines.get(0), sep);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> row = split(lines.get(i), sep);
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("table " + file + " line " + (i + 1) + " has " + row.size()
                        + " fields but the header has " + header.size());
            }
            rows.add(row);
        }
        return new Csv(header, rows);
    }

    static List<String> split(String line, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == sep) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
