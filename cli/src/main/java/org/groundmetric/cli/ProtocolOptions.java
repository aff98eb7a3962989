package org.groundmetric.cli;

import java.util.Locale;
import org.groundmetric.data.Cohort;
import org.groundmetric.eval.CrossValidation;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --cv} and {@code --repeats}: how {@code benchmark} and {@code tune} hold samples out (each
 * command keeps its own --splits and fractions for the random splits).
 */
final class ProtocolOptions {

    @Option(names = "--cv", paramLabel = "split|loo|kfold:K", converter = SchemeConverter.class,
            description = "How samples are held out.%n"
                        + "split: the paper's random class-stratified splits (--splits, --train-fraction); each split"
                        + " is scored on its own, the spread is over splits.%n"
                        + "loo: leave one sample out: n fits, each held-out sample predicted by a fit on all the others,"
                        + " the n predictions scored together (no spread).%n"
                        + "kfold:K: stratified K-fold, --repeats times with fresh shuffles; each repeat's K folds are scored"
                        + " together, the spread is over repeats.%n"
                        + "Default: split when --splits or --train-fraction is given; otherwise loo below "
                        + CrossValidation.LEAVE_ONE_OUT_BELOW + " samples and split from "
                        + CrossValidation.LEAVE_ONE_OUT_BELOW + " on. Below " + CrossValidation.LEAVE_ONE_OUT_BELOW
                        + " samples a half split fits on at most 14 samples and tests at most 15 (one sample of a"
                        + " class of 7 moves its recall by 0.14), while leave-one-out fits on n-1 and costs at most 29"
                        + " fits per method, about 3x the 10 default splits.%n"
                        + "Examples: --cv loo, --cv kfold:5 --repeats 3.")
    CrossValidation.Scheme cv;

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "1",
            description = "With --cv kfold:K: how many times to repeat the K folds with a fresh shuffle (default: ${DEFAULT-VALUE}).")
    int repeats;

    /** The command this mixin is part of: to see whether its --splits or --train-fraction were given. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * The protocol asked for: --cv; else split when --splits or --train-fraction was given; else the
     * default for the cohort's size.
     */
    CrossValidation.Scheme scheme(Cohort cohort) {
        CrossValidation.Scheme s = cv != null ? cv
                : splitOptionsGiven() ? new CrossValidation.Scheme(CrossValidation.Kind.SPLIT, 0)
                : CrossValidation.Scheme.forCohortSize(cohort.size());
        if (repeats < 1) {
            throw new IllegalArgumentException("--repeats must be at least 1, got " + repeats);
        }
        if (repeats != 1 && s.kind() != CrossValidation.Kind.KFOLD) {
            throw new IllegalArgumentException("--repeats applies to --cv kfold:K only; the protocol is " + s
                    + (cv == null ? " (the default for " + cohort.size() + " samples)" : "")
                    + "; give --cv kfold:5 --repeats " + repeats);
        }
        return s;
    }

    private boolean splitOptionsGiven() {
        CommandLine.ParseResult parsed = command == null ? null : command.commandLine().getParseResult();
        return parsed != null && (parsed.hasMatchedOption("--splits") || parsed.hasMatchedOption("--train-fraction"));
    }

    /**
     * A line saying that the cohort's size chose leave-one-out, or null (--cv given, or a large cohort).
     *
     * @param per what the fits are counted per: "method" (benchmark) or "grid point" (tune)
     */
    String defaultNote(Cohort cohort, String per) {
        if (cv != null || scheme(cohort).kind() != CrossValidation.Kind.LOO) {
            return null;
        }
        return String.format(Locale.ROOT, "note: %d samples (fewer than %d): leave-one-out, %d fits per %s;"
                + " --cv kfold:5 --repeats R or --cv split choose another protocol", cohort.size(),
                CrossValidation.LEAVE_ONE_OUT_BELOW, cohort.size(), per);
    }

    /** The plan of the protocol, with --cv's name in its message when the cohort does not fit it. */
    CrossValidation.Plan plan(Cohort cohort, int splits, double trainFraction, double validationFraction, long seed) {
        CrossValidation.Scheme s = scheme(cohort);
        try {
            return CrossValidation.plan(s, cohort, s.kind() == CrossValidation.Kind.SPLIT ? splits : repeats,
                    trainFraction, validationFraction, seed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--cv " + s + ": " + e.getMessage(), e);
        }
    }

    /** Parses split, loo, kfold:K. */
    static final class SchemeConverter implements CommandLine.ITypeConverter<CrossValidation.Scheme> {
        @Override
        public CrossValidation.Scheme convert(String value) {
            try {
                return CrossValidation.Scheme.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
