package org.groundmetric.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.groundmetric.ot.PointMetric;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A {@link PointMetric} option: SciPy's names (euclidean, sqeuclidean, cityblock or manhattan, cosine) in --help and errors. */
final class PointMetricChoice implements ITypeConverter<PointMetric>, Iterable<String> {

    @Override
    public PointMetric convert(String value) {
        try {
            return PointMetric.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not one of " + String.join(", ", this));
        }
    }

    @Override
    public Iterator<String> iterator() {
        List<String> labels = new ArrayList<>();
        for (PointMetric m : PointMetric.values()) {
            labels.add(m.label());
        }
        return labels.iterator();
    }
}
