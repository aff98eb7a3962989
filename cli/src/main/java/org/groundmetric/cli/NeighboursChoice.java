package org.groundmetric.cli;

import java.util.List;
import org.groundmetric.learn.TripletSampler;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Neighbours t on the command line: a whole number ≥ 1, or {@code all} (every sample of the class). */
final class NeighboursChoice implements ITypeConverter<Integer>, Iterable<String> {

    @Override
    public Integer convert(String raw) {
        String value = raw.trim();
        if (value.equalsIgnoreCase("all")) {
            return TripletSampler.ALL_NEIGHBOURS;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is neither a whole number nor all");
        }
    }

    @Override
    public java.util.Iterator<String> iterator() {
        return List.of("N", "all").iterator();
    }
}
