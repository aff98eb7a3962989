package org.groundmetric.data.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A delimited text table (CSV, or TSV for .tsv/.txt), optionally gzip-compressed: a header row and
 * rows of fields. Double quotes around a CSV field are removed (no embedded delimiters inside quotes).
 */
record TextTable(List<String> header, List<String[]> rows) {

    static TextTable read(Path file) {
        char sep = separator(file);
        try (BufferedReader in = open(file)) {
            String first = in.readLine();
            if (first == null) {
                throw new IllegalArgumentException(file + " is empty; expected a header row");
            }
            List<String> header = List.of(split(stripBom(first), sep));
            List<String[]> rows = new ArrayList<>();
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = split(line, sep);
                if (f.length != header.size()) {
                    throw new IllegalArgumentException(file + " line " + lineNo + " has " + f.length + " fields, the header "
                            + header.size() + " (separator '" + (sep == '\t' ? "\\t" : String.valueOf(sep)) + "')");
                }
                rows.add(f);
            }
            return new TextTable(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Column name → values; used for cell metadata tables. */
    Map<String, String[]> columns() {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (int j = 0; j < header.size(); j++) {
            String[] v = new String[rows.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = rows.get(i)[j];
            }
            out.put(header.get(j), v);
        }
        return out;
    }

    static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    static char separator(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        return name.endsWith(".csv") ? ',' : '\t';
    }

    static String[] split(String line, char sep) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == sep) {
                out.add(unquote(line.substring(start, i).trim()));
                start = i + 1;
            }
        }
        return out.toArray(new String[0]);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"' ? s.substring(1, s.length() - 1) : s;
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** Parses a number, or returns NaN for NA-like text; null when the text is not a number. */
    static Double number(String s) {
        if (s.isEmpty() || s.equals("NA") || s.equals("NaN") || s.equals("nan")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A metadata column: numeric when every value parses, else categorical (as pandas/anndata would make it). */
    static Column metadataColumn(String[] values) {
        double[] nums = new double[values.length];
        boolean numeric = true;
        boolean integer = true;
        for (int i = 0; i < values.length && numeric; i++) {
            Double d = number(values[i]);
            if (d == null) {
                numeric = false;
            } else {
                nums[i] = d;
                integer &= Double.isNaN(d) || d == Math.rint(d);
            }
        }
        if (numeric) {
            return new Column.Numeric(nums, integer);
        }
        List<String> list = new ArrayList<>(values.length);
        for (String v : values) {
            list.add(v.isEmpty() ? null : v);
        }
        return Column.Categorical.of(list);
    }
}
