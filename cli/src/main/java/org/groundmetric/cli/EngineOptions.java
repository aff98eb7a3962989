package org.groundmetric.cli;

import org.groundmetric.ComputeEngine;
import picocli.CommandLine.Option;

/**
 * {@code --engine} and {@code --spark-master}: where a command's transport problems run. "local"
 * is this machine's threads; "spark" needs the groundmetric-spark jar on the classpath (it is when
 * the command runs through spark-submit or bin/groundmetric-spark, where it is also the default;
 * bin/groundmetric hands over to bin/groundmetric-spark when it sees --engine spark).
 */
public final class EngineOptions {

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "${sys:" + GroundMetricCommand.DEFAULT_ENGINE_PROPERTY + ":-local}",
            description = "Where transport problems run: local (threads of this JVM) or spark (tasks on a Spark cluster;"
                    + " bin/groundmetric hands over to the Spark build by itself, or run through spark-submit). Results are"
                    + " the same (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--spark-master", paramLabel = "URL",
            description = "Spark master for --engine spark, e.g. local[4] or spark://host:7077 (default: the one"
                    + " spark-submit was given).")
    String sparkMaster;

    /** Refuses an engine that is not on the classpath or options that do not fit, before any data is read. */
    void check() {
        if (sparkMaster != null && !"spark".equals(engine)) {
            throw new IllegalArgumentException("--spark-master " + sparkMaster + " needs --engine spark (the engine is '"
                    + engine + "')");
        }
        if (!ComputeEngine.available().contains(engine)) {
            ComputeEngine.open(engine, new ComputeEngine.Options(1, null)).close(); // throws, saying how to get it
        }
    }

    /** Opens the chosen engine; the caller closes it. */
    ComputeEngine open(int threads) {
        check();
        return ComputeEngine.open(engine, new ComputeEngine.Options(threads, sparkMaster));
    }
}
