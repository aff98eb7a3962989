package org.groundmetric.data.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Comma- or tab-separated text as spreadsheets and pandas write it, read and written one way
 * everywhere: UTF-8 (a leading byte-order mark is dropped), gzip when the name ends in .gz, and a
 * field that holds the separator, a double quote or a line break is enclosed in double quotes with
 * inner quotes doubled. Unquoted fields are trimmed; quoted fields are kept exactly.
 */
public final class DelimitedText {

    private static final char BOM = '\uFEFF';

    /** One record: its fields and the line of the file it starts on (1-based). */
    public record Row(int line, String[] fields) {
    }

    private DelimitedText() {
    }

    /** A reader of the file's text: gzip-decompressed by name, UTF-8, without a byte-order mark. */
    public static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        reader.mark(1);
        if (reader.read() != BOM) {
            reader.reset();
        }
        return reader;
    }

    /** Every line of a text file (see {@link #open}); a missing file is an {@link IllegalArgumentException}. */
    public static List<String> lines(Path file) {
        try (BufferedReader in = open(file)) {
            List<String> out = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.add(line);
            }
            return out;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("file " + file + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /** ',' for .csv (optionally .gz), tab for anything else (.tsv, .txt). */
    public static char separator(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        return name.endsWith(".csv") ? ',' : '\t';
    }

    /** Every record with at least one non-blank field, in order. */
    public static List<Row> rows(Path file, char separator) {
        try (BufferedReader in = open(file)) {
            return rows(in, separator, file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("file " + file + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Row> rows(BufferedReader in, char sep, Path file) throws IOException {
        List<Row> out = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int line = 1;
        int start = 1;
        for (int c = in.read(); ; c = in.read()) {
            if (quoted) {
                if (c < 0) {
                    throw new IllegalArgumentException(file + " line " + start + ": a quoted field is never closed"
                            + " (a '\"' is missing)");
                }
                if (c == '"') {
                    in.mark(1);
                    if (in.read() == '"') {
                        cur.append('"');
                    } else {
                        in.reset();
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cur.append((char) c);
                }
                continue;
            }
            if (c == '"' && cur.toString().isBlank() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                cur.setLength(0);
            } else if (c == sep) {
                fields.add(wasQuoted ? cur.toString() : cur.toString().trim());
                cur.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r' || c < 0) {
                if (c == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                }
                fields.add(wasQuoted ? cur.toString() : cur.toString().trim());
                cur.setLength(0);
                wasQuoted = false;
                if (fields.size() > 1 || !fields.get(0).isEmpty()) {
                    out.add(new Row(start, fields.toArray(new String[0])));
                }
                fields.clear();
                if (c < 0) {
                    return out;
                }
                line++;
                start = line;
            } else if (!wasQuoted || !Character.isWhitespace(c)) {
                if (wasQuoted) {
                    throw new IllegalArgumentException(file + " line " + line + ": text after a closing '\"'"
                            + " (a quote inside a quoted field is written as \"\")");
                }
                cur.append((char) c);
            }
        }
    }

    /** The value as one field: quoted (inner quotes doubled) when it holds the separator, a quote or a line break. */
    public static String field(String value, char separator) {
        if (value == null) {
            return "";
        }
        boolean quote = !value.isEmpty() && (Character.isWhitespace(value.charAt(0))
                || Character.isWhitespace(value.charAt(value.length() - 1)));
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == separator || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
