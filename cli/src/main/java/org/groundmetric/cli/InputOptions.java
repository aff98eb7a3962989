package org.groundmetric.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.groundmetric.data.Cohort;
import org.groundmetric.data.CohortBuilder;
import org.groundmetric.data.Preprocessing;
import org.groundmetric.data.Representation;
import org.groundmetric.data.io.AnnData;
import org.groundmetric.data.io.CellDataReader;
import org.groundmetric.data.io.CellFilter;
import org.groundmetric.data.io.DataFrame;
import org.groundmetric.data.io.H5adInspector;
import org.groundmetric.data.io.H5adReader;
import org.groundmetric.data.io.H5adSlots;
import picocli.CommandLine.Option;

/**
 * Where the cells come from and how they group into labelled samples; shared by every command that
 * reads cell data (distances, train, benchmark, predict, embed).
 */
public final class InputOptions {

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "PATH",
            description = "Cell data: an AnnData .h5ad file, a 10x matrix directory (matrix.mtx[.gz], features.tsv[.gz] or genes.tsv, barcodes.tsv[.gz]) or a CSV/TSV table with one cell per row.")
    Path input;

    @Option(names = "--sample-key", required = true, paramLabel = "COLUMN",
            description = "obs column naming each cell's sample (patient, donor), e.g. donor_id. 'groundmetric inspect FILE' lists the columns.")
    String sampleKey;

    @Option(names = "--label-key", paramLabel = "COLUMN",
            description = "obs column with each sample's class label (disease state), e.g. disease.")
    String labelKey;

    @Option(names = "--label-policy", paramLabel = "POLICY", defaultValue = "strict",
            description = "When a sample's cells carry different labels (${COMPLETION-CANDIDATES}): strict refuses (default: ${DEFAULT-VALUE}), majority takes the most common label and warns.")
    CohortBuilder.LabelPolicy labelPolicy;

    @Option(names = "--layer", paramLabel = "NAME",
            description = "Read the cell matrix from layers/NAME (e.g. counts) or from raw/X with 'raw' instead of X (.h5ad only).")
    String layer;

    @Option(names = "--use-rep", paramLabel = "OBSM_KEY",
            description = "Use an embedding from obsm (e.g. X_pca, X_scVI) as the features instead of genes (.h5ad only).")
    String useRep;

    @Option(names = "--gene-names-from", paramLabel = "VAR_COLUMN",
            description = "Name features by this var column instead of the var index, e.g. feature_name (CELLxGENE's gene symbols) or gene_ids (10x Ensembl ids). Repeats get -1, -2, …")
    String geneNamesFrom;

    @Option(names = "--cell-metadata", paramLabel = "TABLE",
            description = "For a 10x directory: CSV/TSV of per-cell metadata, first column the barcode (default: obs.tsv/obs.csv/metadata.tsv/metadata.csv in the directory).")
    Path cellMetadata;

    @Option(names = "--metadata-columns", paramLabel = "COLUMN", split = ",",
            description = "For a CSV/TSV table: columns that are cell metadata, not features, although they look"
                    + " numeric (--sample-key and --label-key always are). A column of mostly numbers with one text"
                    + " cell is refused, naming the line, unless it is listed here.")
    List<String> metadataColumns = new ArrayList<>();

    @Option(names = "--drop-nonfinite-cells",
            description = "Leave out the cells whose values include NaN or ±Inf (a warning says how many)."
                    + " Default: refuse such a file, naming the first such cell and feature.")
    boolean dropNonFiniteCells;

    @Option(names = "--filter", paramLabel = "COLUMN=VALUE[,VALUE…]",
            description = "Use only the cells whose obs COLUMN has one of the values, e.g. --filter split=train."
                    + " Repeat to combine (a cell must pass every filter). Default: every cell.")
    List<String> filters = new ArrayList<>();

    /** Reads the input with the chosen layer / embedding / gene names, keeping the cells that pass --filter. */
    public AnnData read(Consumer<String> warnings) {
        AnnData all = readEveryCell(warnings);
        List<CellFilter> parsed = new ArrayList<>();
        for (String f : filters) {
            parsed.add(CellFilter.parse(f));
        }
        return CellFilter.apply(all, parsed);
    }

    /** Reads the input with the chosen layer / embedding / gene names, ignoring --filter. */
    public AnnData readEveryCell(Consumer<String> warnings) {
        if (labelKey == null && labelPolicy != CohortBuilder.LabelPolicy.STRICT) {
            throw new IllegalArgumentException("--label-policy " + labelPolicy + " has no effect without --label-key;"
                    + " add --label-key COLUMN or leave --label-policy out");
        }
        if (!metadataColumns.isEmpty() && !isTable(input)) {
            throw new IllegalArgumentException("--metadata-columns applies to CSV/TSV tables; " + input
                    + " is not one (an .h5ad file or a 10x directory keeps its metadata apart from the matrix)");
        }
        H5adReader.Options h5ad = new H5adReader.Options(layer, useRep, geneNamesFrom);
        CellDataReader.Request request = CellDataReader.Request.of(h5ad, cellMetadata, sampleKey, labelKey)
                .withMetadataColumns(new java.util.HashSet<>(metadataColumns))
                .withNonFinite(dropNonFiniteCells ? CellDataReader.NonFiniteValues.DROP_CELLS
                        : CellDataReader.NonFiniteValues.REFUSE);
        return CellDataReader.read(input, request, warnings);
    }

    private static boolean isTable(Path p) {
        String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).replaceAll("\\.gz$", "");
        return !java.nio.file.Files.isDirectory(p)
                && (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt"));
    }

    /** True with --drop-nonfinite-cells. */
    public boolean dropsNonFiniteCells() {
        return dropNonFiniteCells;
    }

    /** The --layer choice (null: X). */
    public String layer() {
        return layer;
    }

    /** The --use-rep choice (null: genes). */
    public String useRep() {
        return useRep;
    }

    /**
     * With --use-rep: the embedding and, when the file has them, its gene loadings (varm[KEY], or
     * scanpy's varm["PCs"] for a PCA embedding), so a model trained on it can be read in genes;
     * null without --use-rep.
     *
     * @param columns the embedding's column count
     */
    public Representation representation(int columns) {
        if (useRep == null) {
            return null;
        }
        String key = Representation.loadingsKey(useRep, H5adSlots.varmShapes(input).keySet());
        if (key == null) {
            return Representation.withoutLoadings(useRep);
        }
        DataFrame var = H5adInspector.inspect(input).var();
        List<String> genes = geneNamesFrom == null ? var.index() : H5adReader.geneNames(var, geneNamesFrom);
        return Representation.withLoadings(useRep, key, genes, H5adSlots.varm(input, key), columns);
    }

    /** The --gene-names-from choice (null: the var index). */
    public String geneNamesFrom() {
        return geneNamesFrom;
    }

    /** The cohort of samples; {@code labelsRequired} for commands that learn or evaluate. */
    public Cohort cohort(AnnData data, boolean labelsRequired, Consumer<String> warnings) {
        return cohort(data, labelsRequired, Preprocessing.NONE, warnings);
    }

    /**
     * The cohort, keeping only the cells {@code preprocessing}'s --cells-per-sample will use, so a
     * large file's cells are not all copied (fit the same preprocessing on the result).
     */
    public Cohort cohort(AnnData data, boolean labelsRequired, Preprocessing preprocessing, Consumer<String> warnings) {
        CohortBuilder.Spec spec = new CohortBuilder.Spec(sampleKey, labelKey,
                labelPolicy, labelsRequired);
        return CohortBuilder.build(data, spec, preprocessing::sampleRows, warnings);
    }

    public Cohort cohort(boolean labelsRequired, Preprocessing preprocessing, Consumer<String> warnings) {
        return cohort(read(warnings), labelsRequired, preprocessing, warnings);
    }

    public Path input() {
        return input;
    }

    public String sampleKey() {
        return sampleKey;
    }

    public String labelKey() {
        return labelKey;
    }
}
