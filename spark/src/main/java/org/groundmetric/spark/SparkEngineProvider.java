package org.groundmetric.spark;

import org.groundmetric.ComputeEngine;

/** Registers the "spark" engine for {@link ComputeEngine#open}; --engine spark finds it through this. */
public final class SparkEngineProvider implements ComputeEngine.Provider {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public ComputeEngine open(ComputeEngine.Options options) {
        return SparkEngine.connect(options.master());
    }
}
