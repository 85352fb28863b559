"""wolframclient's side of bench/wxf.sh: WXF encoding and decoding of a 100 x 300000 real array.

    python wxf_peer.py FILE REPS   prints "serialize deserialize export import" median seconds

The array goes out as a packed array (the `Á` token, as Tessera and BinarySerialize write it); numpy's
default, a NumericArray (`Â`), has the same bytes apart from the token and is timed too (last number).
"""
import statistics
import sys
import time

import numpy as np
from wolframclient.deserializers import binary_deserialize
from wolframclient.serializers import export
from wolframclient.utils.packedarray import PackedArray


def timed(f, reps):
    times = []
    result = None
    for _ in range(reps):
        start = time.perf_counter()
        result = f()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main():
    path, reps = sys.argv[1], int(sys.argv[2])
    a = np.random.default_rng(1).random((100, 300000))
    packed = a.view(PackedArray)
    t_ser, data = timed(lambda: export(packed, target_format="wxf"), reps)
    t_de, back = timed(lambda: binary_deserialize(data), reps)
    assert back.shape == a.shape and np.array_equal(back, a)
    t_exp, _ = timed(lambda: export(packed, path, target_format="wxf"), reps)

    def read():
        with open(path, "rb") as f:
            return binary_deserialize(f.read())

    t_imp, back = timed(read, reps)
    assert np.array_equal(back, a)
    t_numeric, _ = timed(lambda: export(a, target_format="wxf"), reps)
    print("%.6f %.6f %.6f %.6f %.6f %d" % (t_ser, t_de, t_exp, t_imp, t_numeric, len(data)))


main()
