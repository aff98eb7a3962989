package org.groundmetric.data.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The one entry point for cell data: picks the reader from the path. A directory with matrix.mtx
 * is a 10x directory; .csv/.tsv/.txt (optionally .gz) a table; anything else must be an .h5ad
 * (HDF5) file.
 */
public final class CellDataReader {

    /**
     * @param h5ad            layer / obsm / gene-name choices for .h5ad files
     * @param cellMetadata    for 10x directories: the CSV/TSV of per-barcode metadata (null: look in the directory)
     * @param metadataColumns for CSV/TSV tables: columns that are metadata even if numeric (the keys)
     */
    public record Request(H5adReader.Options h5ad, Path cellMetadata, Set<String> metadataColumns) {
        public Request {
            h5ad = h5ad == null ? H5adReader.Options.DEFAULT : h5ad;
            metadataColumns = metadataColumns == null ? Set.of() : Set.copyOf(metadataColumns);
        }

        public static Request of(H5adReader.Options h5ad, Path cellMetadata, String... keys) {
            Set<String> cols = new HashSet<>();
            for (String k : keys) {
                if (k != null) {
                    cols.add(k);
                }
            }
            return new Request(h5ad, cellMetadata, cols);
        }
    }

    private CellDataReader() {
    }

    public static AnnData read(Path input, Request request) {
        if (!Files.exists(input)) {
            throw new IllegalArgumentException("input " + input + " does not exist");
        }
        if (Files.isDirectory(input)) {
            if (!TenXReader.isTenXDirectory(input)) {
                throw new IllegalArgumentException(input + " is a directory without matrix.mtx[.gz]; expected a 10x"
                        + " matrix directory, an .h5ad file or a .csv/.tsv table");
            }
            rejectH5adOnly(request, "a 10x directory");
            return renamed(TenXReader.read(input, request.cellMetadata()), request);
        }
        String name = input.getFileName().toString().toLowerCase(Locale.ROOT);
        String base = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        if (base.endsWith(".csv") || base.endsWith(".tsv") || base.endsWith(".txt")) {
            rejectH5adOnly(request, "a CSV/TSV table");
            return renamed(DelimitedReader.read(input, request.metadataColumns()), request);
        }
        return H5adReader.read(input, request.h5ad());
    }

    private static AnnData renamed(AnnData a, Request r) {
        if (r.h5ad().geneNamesFrom() == null) {
            return a;
        }
        return new AnnData(a.x(), a.obs(), H5adReader.renameFeatures(a.var(), r.h5ad().geneNamesFrom()), a.obsm(),
                a.varm(), a.layers(), a.uns());
    }

    private static void rejectH5adOnly(Request r, String what) {
        if (r.h5ad().layer() != null || r.h5ad().useRep() != null) {
            throw new IllegalArgumentException("--layer and --use-rep apply to .h5ad files, not to " + what);
        }
    }
}
