package org.groundmetric.spark;

import org.groundmetric.cli.GroundMetricCommand;

/**
 * The assembly jar's main class: the groundmetric command line with the "spark" engine as the
 * default, so that
 * {@code spark-submit --master spark://HOST:7077 groundmetric-spark-VERSION-all.jar distances ...}
 * runs the command's transport problems on the cluster that spark-submit names.
 */
public final class SparkMain {
    private SparkMain() {
    }

    public static void main(String[] args) {
        System.setProperty(GroundMetricCommand.DEFAULT_ENGINE_PROPERTY, "spark");
        GroundMetricCommand.main(args);
    }
}
