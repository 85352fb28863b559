"""The numpy/scipy peers of bench/numerics.sh, built on ../shared/bench/peers/common.py.
usage: python3 peers.py w1 R | w2 | w3      prints one line: seconds (best of the runs)
"""
import os, sys, time
sys.path.insert(0, os.environ.get('PEERS', '/work/shared/bench/peers'))
import numpy as np
from common import w1_row_sp, w3_row

def best(fn, reps):
    ts = []
    for _ in range(reps):
        t = time.perf_counter(); fn(); ts.append(time.perf_counter() - t)
    return min(ts)

what = sys.argv[1]
if what == 'w1':
    R = int(sys.argv[2]); L = 300000
    rng = np.random.default_rng(42); a = rng.random((R, L)); b = rng.random((R, L))
    print(best(lambda: [w1_row_sp(a[i], b[i]) for i in range(R)], 1))
elif what == 'w2':
    r0 = np.random.default_rng(7); mu = r0.random(100); Sigma = np.diag(np.exp(r0.random(100)))
    t2 = best(lambda: np.random.default_rng(1).multivariate_normal(mu, Sigma, size=400000), 3)
    try:
        from threadpoolctl import threadpool_limits
        with threadpool_limits(1):
            t1 = best(lambda: np.random.default_rng(1).multivariate_normal(mu, Sigma, size=400000), 3)
    except ImportError:
        t1 = float('nan')
    print(t2, t1)
elif what == 'w3':
    n, m = 640, 30000; rng = np.random.default_rng(3)
    x = rng.random((n, m)) + 1j * rng.random((n, m)); y = rng.random((n, m)) + 1j * rng.random((n, m))
    print(best(lambda: [w3_row(x[i], y[i]) for i in range(n)], 3))
