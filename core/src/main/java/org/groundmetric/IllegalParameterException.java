package org.groundmetric;

/**
 * An argument that names a setting of the library (a sample key, a preprocessing step, a
 * hyper-parameter) has a value that cannot work, or the data does not fit it. The message says
 * what is wrong in the library's words; {@link #parameter()} says which setting it is, as
 * {@code Owner.name} of the Java API (e.g. {@code "CellSampling.minCells"},
 * {@code "CohortBuilder.Spec.sampleKey"}), so that a front end can point at its own name for it:
 * the command line reports {@code --min-cells}.
 */
public class IllegalParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String parameter;

    /**
     * @param parameter the setting at fault, as {@code Owner.name} of the Java API
     * @param message   what is wrong and how to fix it, without front-end names such as CLI flags
     */
    public IllegalParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The setting at fault, e.g. {@code "CellSampling.minCells"}. */
    public String parameter() {
        return parameter;
    }
}
