"""The peer of transfer.wl: a 100 MB float64 array to 2 worker processes and back, with
multiprocessing (pickled through a pipe) and with multiprocessing.shared_memory (attach by name).
Prints: pool round trip s, pickle 100 MB to 2 workers s, shared_memory attach in 2 workers s,
100 MB made in each of 2 workers and returned (pickled) s, the same returning None s."""
import sys, time
import numpy as np
from multiprocessing import Pool, shared_memory

def one(_): return 1
def length(a): return a.shape[0]
def attach(name):
    h = shared_memory.SharedMemory(name=name)
    a = np.ndarray((1250, 10000), np.float64, buffer=h.buf)
    n = a.shape[0]; del a; h.close(); return n
def make(_): return np.random.default_rng(1).random((1250, 10000))
def make_none(_): np.random.default_rng(1).random((1250, 10000)); return None

if __name__ == '__main__':
    a = np.random.default_rng(0).random((1250, 10000))
    with Pool(2) as pool:
        pool.map(one, range(2))
        t0 = time.perf_counter()
        for _ in range(1000): pool.map(one, range(2))
        t_round = (time.perf_counter() - t0) / 1000
        t0 = time.perf_counter(); pool.map(length, [a, a], chunksize=1); t_pickle = time.perf_counter() - t0
        sh = shared_memory.SharedMemory(create=True, size=a.nbytes)
        np.ndarray(a.shape, a.dtype, buffer=sh.buf)[:] = a
        t0 = time.perf_counter(); pool.map(attach, [sh.name, sh.name], chunksize=1); t_shm = time.perf_counter() - t0
        sh.close(); sh.unlink()
        def best(f):
            ts = []
            for _ in range(3):
                t0 = time.perf_counter(); pool.map(f, [0, 1], chunksize=1); ts.append(time.perf_counter() - t0)
            return min(ts)
        t_return, t_none = best(make), best(make_none)
    print(f"{t_round} {t_pickle} {t_shm} {t_return} {t_none}")
