package org.groundmetric.bench;

import java.util.function.Supplier;

/** {@link CpuTimes} for benchmark mains in other packages. */
public final class CpuTimesAccess {
    private CpuTimesAccess() {
    }

    @SafeVarargs
    public static double[] compare(String title, int warmup, int rounds, String[] names, Supplier<Object>... variants) {
        return CpuTimes.compare(title, warmup, rounds, names, variants);
    }
}
