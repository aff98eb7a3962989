package org.groundmetric.data.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.groundmetric.IllegalParameterException;

/**
 * The one entry point for cell data: picks the reader from the path. A directory with matrix.mtx
 * is a 10x directory; .csv/.tsv/.txt (optionally .gz) a table; anything else must be an .h5ad
 * (HDF5) file. Whatever the source, the cell matrix that comes out holds finite numbers only
 * (see {@link NonFiniteValues}).
 */
public final class CellDataReader {

    /** What to do with NaN or ±Inf in the cell matrix. */
    public enum NonFiniteValues {
        /** Refuse the file, naming the first such value's cell and feature (the default). */
        REFUSE,
        /** Leave out every cell that holds one, with a warning saying how many. */
        DROP_CELLS,
        /** Keep them: only for describing a file (inspect), never for computing on it. */
        KEEP
    }

    /**
     * @param h5ad            layer / obsm / gene-name choices for .h5ad files
     * @param cellMetadata    for 10x directories: the CSV/TSV of per-barcode metadata (null: look in the directory)
     * @param metadataColumns for CSV/TSV tables: columns that are cell metadata, not features, even if
     *                        they hold numbers (the sample and label keys, numeric batch ids)
     * @param nonFinite       NaN and ±Inf in the cell matrix: refuse (default), leave those cells out, or keep
     */
    public record Request(H5adReader.Options h5ad, Path cellMetadata, Set<String> metadataColumns,
                          NonFiniteValues nonFinite) {
        public Request {
            h5ad = h5ad == null ? H5adReader.Options.DEFAULT : h5ad;
            metadataColumns = metadataColumns == null ? Set.of() : Set.copyOf(metadataColumns);
            nonFinite = nonFinite == null ? NonFiniteValues.REFUSE : nonFinite;
        }

        /** A request refusing non-finite values; {@code keys} (null entries skipped) are metadata columns of a table. */
        public static Request of(H5adReader.Options h5ad, Path cellMetadata, String... keys) {
            Set<String> cols = new HashSet<>();
            for (String k : keys) {
                if (k != null) {
                    cols.add(k);
                }
            }
            return new Request(h5ad, cellMetadata, cols, NonFiniteValues.REFUSE);
        }

        /** The same request with more metadata columns of a table. */
        public Request withMetadataColumns(Set<String> more) {
            Set<String> cols = new HashSet<>(metadataColumns);
            cols.addAll(more);
            return new Request(h5ad, cellMetadata, cols, nonFinite);
        }

        /** The same request with another policy for NaN and ±Inf. */
        public Request withNonFinite(NonFiniteValues policy) {
            return new Request(h5ad, cellMetadata, metadataColumns, policy);
        }
    }

    private CellDataReader() {
    }

    /** Reads with {@code request}; refuses non-finite values unless the request says otherwise (no warnings shown). */
    public static AnnData read(Path input, Request request) {
        return read(input, request, w -> { });
    }

    /** Reads with {@code request}; {@code warnings} hears how many cells were left out, if any. */
    public static AnnData read(Path input, Request request, Consumer<String> warnings) {
        if (!Files.exists(input)) {
            throw new IllegalArgumentException("input " + input + " does not exist");
        }
        if (Files.isDirectory(input)) {
            if (!TenXReader.isTenXDirectory(input)) {
                throw new IllegalArgumentException(input + " is a directory without matrix.mtx[.gz]; expected a 10x"
                        + " matrix directory, an .h5ad file or a .csv/.tsv table");
            }
            rejectH5adOnly(request, "a 10x directory");
            AnnData a = renamed(TenXReader.read(input, request.cellMetadata()), request);
            return NonFiniteCells.apply(a, request.nonFinite(), i -> "barcode " + (i + 1), prefixed(input, warnings));
        }
        rejectTenXOnly(request, input);
        String name = input.getFileName().toString().toLowerCase(Locale.ROOT);
        String base = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        if (base.endsWith(".csv") || base.endsWith(".tsv") || base.endsWith(".txt")) {
            rejectH5adOnly(request, "a CSV/TSV table");
            return renamed(DelimitedReader.read(input, request.metadataColumns(), request.nonFinite(),
                    prefixed(input, warnings)), request);
        }
        AnnData a = H5adReader.read(input, request.h5ad());
        try {
            return NonFiniteCells.apply(a, request.nonFinite(), i -> "X row " + i, prefixed(input, warnings));
        } catch (IllegalParameterException e) {
            throw new IllegalParameterException(e.parameter(), input + ": " + e.getMessage());
        }
    }

    private static Consumer<String> prefixed(Path input, Consumer<String> warnings) {
        return w -> warnings.accept(input.getFileName() + ": " + w);
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
            throw new IllegalParameterException(r.h5ad().layer() != null ? "H5adReader.Options.layer"
                    : "H5adReader.Options.useRep", "layers and obsm embeddings exist in .h5ad files, not in " + what);
        }
    }

    /** A metadata table is joined to 10x barcodes only; given with anything else it would be silently ignored. */
    private static void rejectTenXOnly(Request r, Path input) {
        if (r.cellMetadata() != null) {
            throw new IllegalParameterException("CellDataReader.Request.cellMetadata", "a separate cell metadata table"
                    + " (" + r.cellMetadata() + ") is joined to the barcodes of a 10x directory; " + input
                    + " is not one (an .h5ad file keeps its metadata in obs, a CSV/TSV table in its own columns)");
        }
    }
}
