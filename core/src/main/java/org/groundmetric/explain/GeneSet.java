package org.groundmetric.explain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A named set of genes, as MSigDB and Enrichr distribute them in GMT files: one set per line, its
 * name, a description (often a URL) and its genes, separated by tabs.
 *
 * @param name        the set's name, e.g. HALLMARK_INTERFERON_GAMMA_RESPONSE
 * @param description the second field (may be empty)
 * @param genes       its distinct gene symbols, in file order
 */
public record GeneSet(String name, String description, List<String> genes) {

    public GeneSet {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a gene set needs a name");
        }
        genes = List.copyOf(new LinkedHashSet<>(genes));
    }

    /**
     * Reads a GMT file. Empty lines and empty gene fields (trailing tabs) are skipped; a UTF-8
     * byte-order mark is ignored.
     *
     * @throws IllegalArgumentException for a line without a name or without genes, naming the file
     *                                  and the line, or a file with no set
     */
    public static List<GeneSet> readGmt(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IllegalArgumentException("gene-set file " + file + " is not UTF-8 text; expected a GMT file"
                    + " (name, description, genes separated by tabs)", e);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("gene-set file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read gene-set file " + file + ": " + e.getMessage(), e);
        }
        List<GeneSet> sets = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = i == 0 && lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String where = "gene-set file " + file + ", line " + (i + 1);
            if (f[0].isBlank()) {
                throw new IllegalArgumentException(where + ": the set has no name; a GMT line is name, description,"
                        + " then genes, separated by tabs");
            }
            List<String> genes = new ArrayList<>();
            for (int g = 2; g < f.length; g++) {
                if (!f[g].isBlank()) {
                    genes.add(f[g].trim());
                }
            }
            if (genes.isEmpty()) {
                throw new IllegalArgumentException(where + ": set '" + f[0].trim() + "' has no genes"
                        + (f.length < 3 ? " (are the fields separated by tabs?)" : ""));
            }
            sets.add(new GeneSet(f[0].trim(), f.length > 1 ? f[1].trim() : "", genes));
        }
        if (sets.isEmpty()) {
            throw new IllegalArgumentException("gene-set file " + file + " holds no gene set; expected a GMT file"
                    + " (one set per line: name, description, genes, separated by tabs)");
        }
        return sets;
    }
}
