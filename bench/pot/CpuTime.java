// groundmetric's exact OT timed in thread CPU time (cost matrix + solve), after a warm-up.
// javac -cp CORE_CLASSES CpuTime.java && java -cp CORE_CLASSES:. CpuTime a.csv b.csv R
import java.lang.management.ManagementFactory;
import java.nio.file.*;
import java.util.*;
import org.groundmetric.ot.*;
public class CpuTime {
  static double[][] read(String f) throws Exception {
    List<double[]> rows = new ArrayList<>();
    for (String l : Files.readAllLines(Path.of(f))) { if (l.isBlank()) continue; String[] p = l.split(","); double[] r = new double[p.length];
      for (int i = 0; i < p.length; i++) r[i] = Double.parseDouble(p[i]); rows.add(r); }
    return rows.toArray(new double[0][]);
  }
  public static void main(String[] a) throws Exception {
    double[][] x = read(a[0]), y = read(a[1]); int R = Integer.parseInt(a[2]);
    double[] wa = OT.uniform(x.length), wb = OT.uniform(y.length);
    var bean = ManagementFactory.getThreadMXBean();
    Transport t = null;
    long warm = System.nanoTime();
    for (int w = 0; w < 5 || System.nanoTime() - warm < 2_000_000_000L; w++) t = OT.emd(wa, wb, Costs.pairwise(x, y, PointMetric.EUCLIDEAN));
    double[] ts = new double[R];
    for (int r = 0; r < R; r++) { long t0 = bean.getCurrentThreadCpuTime(); t = OT.emd(wa, wb, Costs.pairwise(x, y, PointMetric.EUCLIDEAN)); ts[r] = (bean.getCurrentThreadCpuTime() - t0) / 1e6; }
    Arrays.sort(ts);
    System.out.printf(Locale.ROOT, "groundmetric cost=%s median_cpu_ms=%.3f pivots=%d%n", t.value(), ts[R / 2], t.iterations());
  }
}
