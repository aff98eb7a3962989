package org.groundmetric.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --model}: the trained model a command applies (predict, embed, report, genes). */
final class ModelOption {

    @Option(names = "--model", required = true, paramLabel = "model.json",
            description = "A model written by 'groundmetric train', or an AnnData .h5ad that carries one in"
                    + " uns[\"W_ggml\"] (written by ggml-ot after training, or by 'embed --write-h5ad').")
    Path model;

    Path path() {
        return model;
    }
}
