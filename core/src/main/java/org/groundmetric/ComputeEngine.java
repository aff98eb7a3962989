package org.groundmetric;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Where independent tasks run: the transport problems of a distance matrix or of a training batch.
 * Given data shared by all tasks and an ordered list of tasks, an engine returns one result per
 * task, in task order. Callers reduce the results in that order themselves, so what they compute
 * never depends on where or in which order the tasks ran: the local thread pool and a Spark
 * cluster give the same numbers.
 *
 * <p>{@link #local(int)} runs tasks on threads of this JVM. Other engines ("spark") are found by
 * name through {@link ServiceLoader} ({@link Provider}), so only a classpath that carries them
 * pays for them. An engine that ships work to other machines serialises the shared data, the
 * tasks, the {@link Task} function and the results; the local engine serialises nothing.
 */
public interface ComputeEngine extends AutoCloseable {

    /** "local" or the provider's name, e.g. "spark". */
    String name();

    /** Roughly how many tasks run at once (threads, or the cluster's cores). */
    int parallelism();

    /**
     * Runs {@code function} on every task and returns the results in task order. Progress
     * advances as tasks finish (the caller starts and finishes it). A task that throws fails the
     * call with a {@link TaskFailedException} naming the task ({@link Task#describe}).
     */
    <S, T, R> List<R> run(S shared, List<T> tasks, Task<S, T, R> function, Progress progress);

    /** Releases threads or the cluster connection; the engine is unusable afterwards. */
    @Override
    void close();

    /**
     * The work of one task. Must be a pure function of its arguments (plus scratch state that never
     * changes a result) and, for remote engines, serializable along with everything it captures.
     */
    @FunctionalInterface
    interface Task<S, T, R> extends Serializable {
        R apply(S shared, T task);

        /** How a failure names this task to the user, e.g. "samples 'p1' and 'p7'". */
        default String describe(S shared, T task) {
            return String.valueOf(task);
        }
    }

    /** Opens engines of one kind; registered in META-INF/services/org.groundmetric.ComputeEngine$Provider. */
    interface Provider {
        String name();

        ComputeEngine open(Options options);
    }

    /**
     * @param threads threads of the local engine (ignored by cluster engines), at least 1
     * @param master  the cluster to run on, e.g. "local[2]" or "spark://host:7077"; null lets the
     *                engine take it from its own configuration (as spark-submit sets it)
     */
    record Options(int threads, String master) {
        public Options {
            if (threads < 1) {
                throw new IllegalArgumentException("threads is " + threads + "; expected at least 1");
            }
        }
    }

    /** Thrown when a task fails; says which task, in the caller's words. */
    final class TaskFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int index;

        public TaskFailedException(int index, String description, Throwable cause) {
            super("task " + index + " (" + description + ") failed: " + cause, cause);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }

    /** Runs one task, turning its failure into a {@link TaskFailedException} that names it. */
    static <S, T, R> R runTask(Task<S, T, R> function, S shared, T task, int index) {
        try {
            return function.apply(shared, task);
        } catch (RuntimeException | Error e) {
            String description;
            try {
                description = function.describe(shared, task);
            } catch (RuntimeException ignored) {
                description = String.valueOf(task);
            }
            throw new TaskFailedException(index, description, e);
        }
    }

    /** The engine on this JVM's threads. */
    static LocalEngine local(int threads) {
        return new LocalEngine(threads);
    }

    /** Names of the engines available on this classpath, "local" first. */
    static List<String> available() {
        List<String> names = new ArrayList<>(List.of("local"));
        for (Provider p : ServiceLoader.load(Provider.class)) {
            names.add(p.name());
        }
        return names;
    }

    /**
     * Opens the engine called {@code name}: "local", or one registered by a {@link Provider}
     * (the groundmetric-spark jar registers "spark").
     */
    static ComputeEngine open(String name, Options options) {
        if (name == null || name.isBlank() || name.equals("local")) {
            return local(options.threads());
        }
        for (Provider p : ServiceLoader.load(Provider.class)) {
            if (p.name().equals(name)) {
                return p.open(options);
            }
        }
        if (name.equals("spark")) {
            throw new IllegalArgumentException("engine 'spark' is not on this classpath; run through the Spark"
                    + " build instead: spark-submit --class org.groundmetric.spark.SparkMain"
                    + " spark/target/groundmetric-spark-<version>-all.jar COMMAND ... --engine spark"
                    + " (see the README's section on Spark)");
        }
        throw new IllegalArgumentException("unknown engine '" + name + "'; expected one of " + available());
    }
}
