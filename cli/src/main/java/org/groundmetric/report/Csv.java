package org.groundmetric.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.groundmetric.data.io.DelimitedText;

/** Reads a small CSV or TSV table (e.g. a benchmark's results) for display: header plus rows of text. */
public record Csv(List<String> header, List<List<String>> rows) {

    /** Tab-separated when the file name ends in .tsv, else comma-separated; fields as {@link DelimitedText} reads them. */
    public static Csv read(Path file) {
        char sep = file.getFileName().toString().endsWith(".tsv") ? '\t' : ',';
        List<DelimitedText.Row> records = DelimitedText.rows(file, sep);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("table " + file + " is empty; expected a header line and rows");
        }
        List<String> header = List.of(records.get(0).fields());
        List<List<String>> rows = new ArrayList<>();
        for (DelimitedText.Row r : records.subList(1, records.size())) {
            if (r.fields().length != header.size()) {
                throw new IllegalArgumentException("table " + file + " line " + r.line() + " has " + r.fields().length
                        + " fields but the header has " + header.size());
            }
            rows.add(List.of(r.fields()));
        }
        return new Csv(header, rows);
    }
}
