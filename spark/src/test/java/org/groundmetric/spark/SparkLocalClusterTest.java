package org.groundmetric.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.groundmetric.cli.GroundMetricCommand;
import org.groundmetric.learn.TrainedMetric;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster ({@code bin/spark-local-cluster start --workers 2 --cores 1}: a
 * master, two workers and their executors, each its own JVM) runs {@code distances} and two
 * training epochs through the one launcher ({@code bin/groundmetric … --engine spark
 * --spark-master spark://…}), and the files equal the local engine's bit for bit; then one
 * executor is killed (SIGKILL) while it runs a task, and the result is still the same: Spark runs
 * the lost tasks again on a new executor.
 *
 * <p>Opt-in (tag "cluster"): it starts four to five JVMs and takes a few minutes, so the plain
 * {@code mvn -B test} skips it, saying so. Run it with
 * {@code mvn -B -pl spark -am test -Dtest=SparkLocalClusterTest -Dsurefire.failIfNoSpecifiedTests=false -Dgroundmetric.cluster=true}
 * (CI does, after the suite). The cluster is always stopped, also when a test fails.
 */
@Tag("cluster")
@EnabledIfSystemProperty(named = "groundmetric.cluster", matches = "true", disabledReason = "skipped: starts a Spark"
        + " standalone cluster (4-5 JVMs, minutes); run it with -Dtest=SparkLocalClusterTest -Dgroundmetric.cluster=true")
class SparkLocalClusterTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final String DRIVER_OPTS = "-Xmx1g -Dspark.executor.memory=512m";

    @TempDir
    static Path dir;
    private static String master;
    private static Path small;
    private static Path large;

    @BeforeAll
    static void startTheCluster() throws Exception {
        small = dir.resolve("synth2d.h5ad");
        large = dir.resolve("synth200d.h5ad");
        assertEquals(0, cli("synth", "--preset", "synth2d", "--seed", "1", "--out", small.toString(), "-q"));
        assertEquals(0, cli("synth", "--preset", "synth200d", "--seed", "4", "--out", large.toString(), "-q"));
        Runtime.getRuntime().addShutdownHook(new Thread(SparkLocalClusterTest::stopQuietly));
        Result started = script(List.of("bin/spark-local-cluster", "start", "--workers", "2", "--cores", "1",
                "--memory", "768m"), 600);
        assertEquals(0, started.exitCode(), started.output());
        // stdout's "master=spark://HOST:PORT" (stderr, merged here, may end a build's output on the same line)
        java.util.regex.Matcher url = java.util.regex.Pattern.compile("master=(spark://\\S+)").matcher(started.output());
        assertTrue(url.find(), started.output());
        master = url.group(1);
    }

    @AfterAll
    static void stopTheCluster() {
        stopQuietly();
    }

    private static void stopQuietly() {
        try {
            script(List.of("bin/spark-local-cluster", "stop"), 120);
        } catch (Exception e) {
            System.err.println("could not stop the local cluster: " + e);
        }
    }

    @Test
    void distancesAndTwoEpochsOnTheClusterEqualTheLocalEngine() throws Exception {
        String[] distances = {"distances", "-i", small.toString(), "--sample-key", "sample", "--cells-per-sample",
            "50", "--seed", "1", "-q"};
        Path local = dir.resolve("D_local.tsv");
        Path cluster = dir.resolve("D_cluster.tsv");
        assertEquals(0, cli(with(distances, "--out", local.toString())));
        Result d = onCluster(with(distances, "--out", cluster.toString()));
        assertEquals(0, d.exitCode(), d.output());
        assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(cluster));

        String[] train = {"train", "-i", small.toString(), "--sample-key", "sample", "--label-key", "class",
            "--cells-per-sample", "30", "--epochs", "2", "--seed", "2", "-q"};
        Path localModel = dir.resolve("local.json");
        Path clusterModel = dir.resolve("cluster.json");
        assertEquals(0, cli(with(train, "--out", localModel.toString())));
        Result t = onCluster(with(train, "--out", clusterModel.toString()));
        assertEquals(0, t.exitCode(), t.output());
        TrainedMetric a = TrainedMetric.read(localModel);
        TrainedMetric b = TrainedMetric.read(clusterModel);
        assertArrayEquals(a.weights(), b.weights()); // every bit of W
        for (int e = 0; e < 2; e++) {
            assertEquals(a.history().get(e).loss(), b.history().get(e).loss(), 0.0);
        }
    }

    @Test
    void killingAnExecutorInTheMiddleOfATaskChangesNothing() throws Exception {
        String[] distances = {"distances", "-i", large.toString(), "--sample-key", "sample", "-q"};
        Path local = dir.resolve("D200_local.tsv");
        Path cluster = dir.resolve("D200_cluster.tsv");
        assertEquals(0, cli(with(distances, "--out", local.toString())));
        Path work = ROOT.resolve("spark/target/local-cluster/work/worker-1");
        long appsBefore = apps(work).count();
        Running started = start(launcher(with(distances, "--out", cluster.toString(), "--engine", "spark",
                "--spark-master", master)));
        Process run = started.process();
        ProcessHandle worker = ProcessHandle.of(workerPid("worker-1")).orElseThrow();
        Path killedLog = null;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (killedLog == null && run.isAlive() && System.nanoTime() < deadline) {
            Optional<Path> app = apps(work).max(java.util.Comparator.comparing(Path::toString));
            if (apps(work).count() > appsBefore && app.isPresent()) {
                for (ProcessHandle executor : worker.children().filter(SparkLocalClusterTest::isExecutor).toList()) {
                    Path log = app.get().resolve(executorId(executor)).resolve("stderr");
                    if (taskInFlight(log)) {
                        executor.destroyForcibly();
                        killedLog = log;
                        break;
                    }
                }
            }
            Thread.sleep(100);
        }
        Result done = finish(started, 600);
        assertTrue(killedLog != null, "no executor was caught running a task before the run ended:\n" + done.output());
        assertEquals(0, done.exitCode(), done.output());
        assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(cluster));
        // the worker replaced the killed executor, and the new one ran tasks
        try (Stream<Path> executors = Files.list(killedLog.getParent().getParent())) {
            List<Path> ids = executors.toList();
            assertTrue(ids.size() >= 2, "executors of the application on worker-1: " + ids);
        }
    }

    /** An executor's log shows more tasks started than finished: one is running. */
    private static boolean taskInFlight(Path log) throws IOException {
        if (!Files.isRegularFile(log)) {
            return false;
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        long running = lines.stream().filter(l -> l.contains("Executor: Running task")).count();
        long finished = lines.stream().filter(l -> l.contains("Executor: Finished task")).count();
        return running > finished;
    }

    private static boolean isExecutor(ProcessHandle p) {
        return p.info().arguments().map(a -> List.of(a).contains(
                "org.apache.spark.executor.CoarseGrainedExecutorBackend")).orElse(false);
    }

    /** The executor's id, its --executor-id argument (its folder in the worker's application folder). */
    private static String executorId(ProcessHandle p) {
        String[] args = p.info().arguments().orElse(new String[0]);
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--executor-id")) {
                return args[i + 1];
            }
        }
        return "?";
    }

    private static Stream<Path> apps(Path work) throws IOException {
        if (!Files.isDirectory(work)) {
            return Stream.empty();
        }
        try (Stream<Path> s = Files.list(work)) {
            return s.filter(p -> p.getFileName().toString().startsWith("app-")).toList().stream();
        }
    }

    private static long workerPid(String role) throws IOException {
        for (String line : Files.readAllLines(ROOT.resolve("spark/target/local-cluster/pids"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 2 && f[1].equals(role)) {
                return Long.parseLong(f[0]);
            }
        }
        throw new AssertionError("no " + role + " recorded by bin/spark-local-cluster");
    }

    private static int cli(String... args) {
        return GroundMetricCommand.newCommandLine().execute(args);
    }

    private static Result onCluster(String... args) throws Exception {
        return finish(start(launcher(with(args, "--engine", "spark", "--spark-master", master))), 600);
    }

    /** bin/groundmetric, which hands over to the Spark build for --engine spark. */
    private static List<String> launcher(String... args) {
        List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("bin/groundmetric").toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private record Result(int exitCode, String output) {
    }

    /** A started process and the file its stdout and stderr go to. */
    private record Running(Process process, Path log) {
    }

    private static Result script(List<String> command, int seconds) throws Exception {
        return finish(start(command), seconds);
    }

    private static Running start(List<String> command) throws IOException {
        Path log = Files.createTempFile(dir, "process-", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("JAVA_OPTS", DRIVER_OPTS);
        return new Running(pb.start(), log);
    }

    /** Waits for the process and returns what it printed; kills it when it takes longer than {@code seconds}. */
    private static Result finish(Running r, int seconds) throws Exception {
        boolean done = r.process().waitFor(seconds, TimeUnit.SECONDS);
        if (!done) {
            r.process().destroyForcibly();
            r.process().waitFor();
            throw new AssertionError("timed out after " + seconds + " s:\n" + Files.readString(r.log()));
        }
        return new Result(r.process().exitValue(), Files.readString(r.log()));
    }

    private static String[] with(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
