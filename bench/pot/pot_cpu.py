# POT ot.emd2 timed in thread CPU time (robust when other jobs share the machine).
import sys, time, numpy as np, ot
a = np.loadtxt(sys.argv[1], delimiter=","); b = np.loadtxt(sys.argv[2], delimiter=",")
R = int(sys.argv[3])
wa = np.full(len(a), 1 / len(a)); wb = np.full(len(b), 1 / len(b))
def once():
    return ot.emd2(wa, wb, ot.dist(a, b, metric="euclidean"), numItermax=10**8)
v = once(); ts = []
for _ in range(R):
    t0 = time.thread_time(); once(); ts.append(time.thread_time() - t0)
print(f"pot cost={v!r} median_cpu_ms={np.median(ts)*1000:.3f}")
