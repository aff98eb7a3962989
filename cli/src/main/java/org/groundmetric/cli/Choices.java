package org.groundmetric.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine;

/**
 * Options whose value is one of a few choices are enum-typed: picocli checks the value and lists the
 * choices in --help ({@code ${COMPLETION-CANDIDATES}}) and in its error. A choice is spelled as the
 * enum's toString (e.g. "log1p", "above-mean-variance"), in any case; the constant's name works too.
 */
final class Choices {
    private Choices() {
    }

    /** An enum whose constants have other accepted spellings besides their toString and name. */
    interface Aliased {
        List<String> aliases();
    }

    /** Registers the choice converter for the enum type of every option of every (sub)command of {@code cl}. */
    static void registerAll(CommandLine cl) {
        Set<Class<?>> types = new HashSet<>();
        collect(cl, types);
        for (Class<?> type : types) {
            register(cl, type.asSubclass(Enum.class));
        }
    }

    private static void collect(CommandLine cl, Set<Class<?>> types) {
        for (OptionSpec option : cl.getCommandSpec().options()) {
            List<Class<?>> candidates = new ArrayList<>(List.of(option.type()));
            candidates.addAll(List.of(option.auxiliaryTypes()));
            for (Class<?> t : candidates) {
                if (t.isEnum()) {
                    types.add(t);
                }
            }
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            collect(sub, types);
        }
    }

    private static <E extends Enum<E>> void register(CommandLine cl, Class<E> type) {
        cl.registerConverter(type, of(type));
    }

    /** Reads one constant of {@code type} by its toString or its name, ignoring case. */
    static <E extends Enum<E>> ITypeConverter<E> of(Class<E> type) {
        return raw -> {
            String value = raw.trim();
            for (E e : type.getEnumConstants()) {
                if (e.toString().equalsIgnoreCase(value) || e.name().equalsIgnoreCase(value)
                        || e instanceof Aliased a && a.aliases().stream().anyMatch(value::equalsIgnoreCase)) {
                    return e;
                }
            }
            throw new TypeConversionException("'" + value + "' is not one of " + names(List.of(type.getEnumConstants())));
        };
    }

    private static String names(Collection<? extends Enum<?>> constants) {
        List<String> out = new ArrayList<>();
        for (Enum<?> e : constants) {
            out.add(e.toString());
        }
        return String.join(", ", out);
    }
}
