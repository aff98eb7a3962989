package org.groundmetric.spark;

import java.io.NotSerializableException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.groundmetric.ComputeEngine;
import org.groundmetric.IllegalParameterException;
import org.groundmetric.Progress;

/**
 * {@link ComputeEngine} on Apache Spark. Each {@link #run} broadcasts the shared data (for a
 * learned metric the projected cells, k floats per cell, not the genes), cuts the ordered task list
 * into contiguous partitions, runs one Spark task per partition and collects the results, which
 * Spark returns in partition order, i.e. task order. Callers then reduce them in that order, so
 * every number equals the local engine's.
 *
 * <p>A failing Spark task is retried up to {@code spark.task.maxFailures} times (cluster default
 * 4; in local mode give the count in the master, {@code local[2,4]}); when the retries run out the
 * error names the groundmetric task that failed (e.g. the sample pair).
 */
public final class SparkEngine implements ComputeEngine {
    /** Spark tasks per core: enough to even out pairs of different sizes, few enough to keep overhead low. */
    private static final int PARTITIONS_PER_CORE = 4;

    private final JavaSparkContext context;
    private final boolean owned;
    private final ProgressListener listener = new ProgressListener();

    /** Runs on an existing context (tests share one; the caller stops it). */
    public SparkEngine(SparkContext context) {
        this(new JavaSparkContext(context), false);
    }

    private SparkEngine(JavaSparkContext context, boolean owned) {
        this.context = context;
        this.owned = owned;
        context.sc().addSparkListener(listener);
    }

    /**
     * Connects to {@code master} ("local[*]", "spark://host:7077", "yarn", ...) or, when null, to
     * the master spark-submit configured. The engine owns the context: {@link #close()} stops it.
     */
    public static SparkEngine connect(String master) {
        SparkConf conf = new SparkConf().setAppName("groundmetric");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            throw new IllegalParameterException("ComputeEngine.Options.master", "no Spark master given: name one,"
                    + " e.g. local[*] (this machine) or spark://HOST:7077 (a standalone cluster), or run through"
                    + " spark-submit, which sets it");
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        // Outside spark-submit (bin/groundmetric-spark against a cluster) executors still need our classes.
        String jar = ownJar();
        if (!conf.contains("spark.jars") && jar != null && !conf.get("spark.master").startsWith("local")) {
            conf.setJars(new String[] {jar});
        }
        SparkContext sc = SparkContext.getOrCreate(conf);
        sc.setLogLevel("WARN");
        return new SparkEngine(new JavaSparkContext(sc), true);
    }

    /** The jar this class was loaded from, or null when it runs from class directories (tests). */
    private static String ownJar() {
        try {
            java.security.CodeSource source = SparkEngine.class.getProtectionDomain().getCodeSource();
            String path = source == null ? null : java.nio.file.Path.of(source.getLocation().toURI()).toString();
            return path != null && path.endsWith(".jar") ? path : null;
        } catch (java.net.URISyntaxException | SecurityException e) {
            return null;
        }
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public int parallelism() {
        return context.defaultParallelism();
    }

    /** One task and its position in the caller's list (for failure messages). */
    record Indexed<T>(int index, T task) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    @Override
    public synchronized <S, T, R> List<R> run(S shared, List<T> tasks, Task<S, T, R> function, Progress progress) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        List<Indexed<T>> indexed = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            indexed.add(new Indexed<>(i, tasks.get(i)));
        }
        int partitions = Math.min(tasks.size(), PARTITIONS_PER_CORE * Math.max(1, context.defaultParallelism()));
        Broadcast<S> broadcast;
        try {
            broadcast = context.broadcast(shared);
        } catch (RuntimeException e) {
            throw notShippable("the shared data", e);
        }
        listener.watch(progress, partitionSizes(tasks.size(), partitions));
        try {
            JavaRDD<Indexed<T>> rdd = context.parallelize(indexed, partitions);
            List<R> results = rdd.map(solver(broadcast, function)).collect();
            listener.complete(tasks.size());
            return results;
        } catch (Exception e) { // Scala throws SparkException (checked) undeclared
            throw failure(e);
        } finally {
            listener.release();
            broadcast.destroy();
        }
    }

    /** Static so the function captures only the broadcast handle and the task function, never this engine. */
    private static <S, T, R> Function<Indexed<T>, R> solver(Broadcast<S> shared, Task<S, T, R> function) {
        return t -> ComputeEngine.runTask(function, shared.value(), t.task(), t.index());
    }

    /** How parallelize cuts n elements into p slices (start = i·n/p), so progress can count tasks per partition. */
    private static int[] partitionSizes(int n, int p) {
        int[] sizes = new int[p];
        for (int i = 0; i < p; i++) {
            sizes[i] = (int) ((long) (i + 1) * n / p - (long) i * n / p);
        }
        return sizes;
    }

    private static RuntimeException failure(Exception e) {
        TaskFailedException failed = find(e, TaskFailedException.class);
        if (failed != null) {
            return new IllegalStateException("the Spark job failed after its retries: " + failed.getMessage(), e);
        }
        if (causedBy(e, NotSerializableException.class) || String.valueOf(e.getMessage()).contains("not serializable")) {
            return notShippable("the task function or a task", e);
        }
        if (e instanceof RuntimeException re && !(e instanceof SparkException)) {
            return re;
        }
        return new ComputeEngine.EngineException("the Spark job failed (the cluster, not a task: check the master and"
                + " its executors): " + e.getMessage(), e);
    }

    private static IllegalArgumentException notShippable(String what, Exception e) {
        return new IllegalArgumentException(what + " cannot be sent to Spark executors (" + e.getMessage()
                + "); everything a task uses must be java.io.Serializable (a lambda must implement a"
                + " Serializable interface)", e);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return find(e, type) != null;
    }

    private static <X extends Throwable> X find(Throwable e, Class<X> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** The Spark context this engine runs on. */
    public SparkContext sparkContext() {
        return context.sc();
    }

    @Override
    public void close() {
        context.sc().removeSparkListener(listener);
        if (owned) {
            context.stop();
        }
    }

    /**
     * Advances the caller's progress as Spark tasks (partitions) succeed. Listener events arrive on
     * Spark's bus thread after the fact: when the job is done, what has not arrived yet is advanced
     * at once ({@link #complete}), so a finished run has advanced by exactly its task count, and a
     * late event for a finished run is ignored.
     */
    private static final class ProgressListener extends SparkListener {
        private Progress progress;
        private int[] sizes;
        private long advanced;

        synchronized void watch(Progress progress, int[] sizes) {
            this.progress = progress;
            this.sizes = sizes;
            this.advanced = 0;
        }

        /** The job succeeded: advances the progress to all {@code tasks} steps. */
        synchronized void complete(int tasks) {
            if (progress != null && advanced < tasks) {
                progress.advance(tasks - advanced, null);
                advanced = tasks;
            }
        }

        synchronized void release() {
            this.progress = null;
            this.sizes = null;
        }

        @Override
        public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
            if (progress != null && end.taskInfo() != null && end.taskInfo().successful()) {
                int partition = end.taskInfo().index();
                if (partition >= 0 && partition < sizes.length) {
                    progress.advance(sizes[partition], null);
                    advanced += sizes[partition];
                }
            }
        }
    }
}
