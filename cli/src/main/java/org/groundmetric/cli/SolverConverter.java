package org.groundmetric.cli;

import java.util.ArrayList;
import org.groundmetric.ot.Solver;
import picocli.CommandLine;

/**
 * Reads a {@code --solver} option by its label (auto, network-simplex, assignment, sinkhorn; "exact"
 * for auto), the one solver vocabulary of every command.
 */
final class SolverConverter implements CommandLine.ITypeConverter<Solver> {
    @Override
    public Solver convert(String value) {
        try {
            return Solver.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** The labels, for --help and shell completion. */
    static final class Names extends ArrayList<String> {
        Names() {
            for (Solver s : Solver.values()) {
                add(s.label());
            }
        }
    }
}
