package org.groundmetric.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Options that mean nothing in the company of others. A command refuses them with one line instead
 * of ignoring one silently (e.g. {@code --metric} beside {@code --model}: the model's metric is used).
 */
final class OptionRules {
    private OptionRules() {
    }

    /** True when the user typed the option (not merely its default). */
    static boolean given(CommandSpec spec, String option) {
        ParseResult parsed = spec.commandLine().getParseResult();
        return parsed != null && parsed.hasMatchedOption(option);
    }

    /** Refuses any of {@code ignored} when {@code option} was given: {@code why} says what happens instead. */
    static void refuseWith(CommandSpec spec, String option, String why, String... ignored) {
        if (!given(spec, option)) {
            return;
        }
        List<String> typed = new ArrayList<>();
        for (String o : ignored) {
            if (given(spec, o)) {
                typed.add(o);
            }
        }
        if (!typed.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", typed) + (typed.size() == 1 ? " has" : " have")
                    + " no effect with " + option + " (" + why + "); leave " + (typed.size() == 1 ? "it" : "them")
                    + " out");
        }
    }

    /** Refuses {@code option} when {@code needed} was not given (it only acts together with it). */
    static void requires(CommandSpec spec, String option, boolean present, String needed) {
        if (given(spec, option) && !present) {
            throw new IllegalArgumentException(option + " has no effect without " + needed + "; add " + needed
                    + " or leave " + option + " out");
        }
    }
}
