"""Interop between Tessera's WXF and wolframclient, driven by InteropTests.swift.

    python check.py read DIR    for every DIR/NAME.wxf (written by Tessera), print NAME<TAB>canonical
                                form of what wolframclient's binary_deserialize reads
    python check.py write DIR   write DIR/NAME.wxf with wolframclient's export for the cases below and
                                print NAME<TAB>canonical form of what wolframclient reads back

The canonical form is a small text notation that the Swift side produces from Tessera's expression
too (InteropCanonical.swift): i:int, r:<IEEE bits in hex>, S:<utf8 hex>, B:<hex>, s:name,
f:head[args], L[list], A:{k->v}, and P:/N:dtype:shape:values for packed / numeric arrays.
"""
import os
import struct
import sys
from decimal import Decimal
from fractions import Fraction

import numpy as np
from wolframclient.deserializers import binary_deserialize
from wolframclient.language import wl
from wolframclient.language.array import NumericArray
from wolframclient.language.expression import WLFunction, WLSymbol
from wolframclient.serializers import export
from wolframclient.utils.packedarray import PackedArray


def bits(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", float(x)))[0]


def canonical(o, loose=False):
    """loose (for what wolframclient writes): names without a Global` prefix, and the element type of a
    packed array only as int, float or complex, since Tessera's packed arrays keep no narrower type."""
    c = lambda x: canonical(x, loose)
    if o is True:
        return "s:True"
    if o is False:
        return "s:False"
    if o is None:
        return "s:Null"
    if isinstance(o, WLSymbol):
        name = o.name
        if loose and name.startswith("Global`"):
            name = name[len("Global`"):]
        return "s:" + name
    if isinstance(o, WLFunction):
        return "f:" + c(o.head) + "[" + ",".join(c(a) for a in o.args) + "]"
    if isinstance(o, np.ndarray):
        kind = "P" if isinstance(o, PackedArray) else "N"
        flat = np.asarray(o).reshape(-1)
        if o.dtype.kind == "c":
            values = [bits(complex(x).real) + "," + bits(complex(x).imag) for x in flat]
        elif o.dtype.kind == "f":
            values = [bits(x) for x in flat]
        else:
            values = [str(int(x)) for x in flat]
        dtype = o.dtype.name
        if loose and kind == "P":
            dtype = {"i": "int", "u": "int", "f": "float", "c": "complex"}[o.dtype.kind]
        return "%s:%s:%s:%s" % (kind, dtype, "x".join(str(d) for d in o.shape), ";".join(values))
    if isinstance(o, int):
        return "i:%d" % o
    if isinstance(o, float):
        return "r:" + bits(o)
    if isinstance(o, Decimal):
        return "r:" + bits(float(o))  # Tessera keeps a big real as the nearest machine real
    if isinstance(o, str):
        return "S:" + o.encode("utf-8").hex()
    if isinstance(o, (bytes, bytearray)):
        return "B:" + bytes(o).hex()
    if isinstance(o, tuple):
        return "L[" + ",".join(c(a) for a in o) + "]"
    if isinstance(o, dict):
        return "A:{" + ",".join(c(k) + "->" + c(v) for k, v in o.items()) + "}"
    raise TypeError("no canonical form for %r" % (o,))


# Values that wolframclient writes, for Tessera to read (name, value, export options).
CASES = [
    ("ints", [0, 1, -1, 127, -128, 128, 32767, -32769, 2**31, -2**31 - 1, 2**63 - 1, -2**63], {}),
    ("bigints", [2**63, -2**63 - 1, 3**200, -(7**90)], {}),
    ("reals", [0.0, -0.0, 1.5, -0.1, 1e300, 5e-324, 2.0**-1022], {}),
    ("strings", ["", "héllo", "日本語", "a\x00b", "x" * 300], {}),
    ("bytes", [b"", b"\x00\x01\xff", bytes(range(256))], {}),
    ("symbols", [wl.Pi, wl.Global.x, wl.Developer.PackedArrayQ, wl.f, True, False, None], {}),
    ("functions", wl.f(wl.g(wl.x), wl.Derivative(1, 2)(wl.h), wl.Rule(wl.a, 1), wl.RuleDelayed(wl.b, 2)), {}),
    ("complex", [complex(1.0, -2.0), complex(0.0, 0.5)], {}),
    ("rational", [Fraction(1, 3), Fraction(-7, 2**70)], {}),
    ("bigreal", [Decimal("3.14159265358979323846264338327950288"), Decimal("-2.5e-10"), Decimal("1.5E+300")], {}),
    ("assoc", {"a": 1, "b": [1, 2, {"c": None}], 3: wl.x, wl.y: "z"}, {}),
    ("np_int8", np.arange(-6, 6, dtype=np.int8).reshape(3, 4), {}),
    ("np_int16", np.array([-30000, 2, 30000], dtype=np.int16), {}),
    ("np_int32", np.array([[-2**31, 0], [5, 2**31 - 1]], dtype=np.int32), {}),
    ("np_int64", np.array([-2**63, 0, 2**63 - 1], dtype=np.int64), {}),
    ("np_uint8", np.array([0, 128, 255], dtype=np.uint8), {}),
    ("np_uint16", np.array([0, 65535], dtype=np.uint16), {}),
    ("np_uint32", np.array([0, 2**32 - 1], dtype=np.uint32), {}),
    ("np_uint64", np.array([0, 2**63 - 1], dtype=np.uint64), {}),
    ("np_uint64_big", np.array([[1, 2**64 - 1], [2**63, 7]], dtype=np.uint64), {}),
    ("np_float32", np.array([1.5, -2.25, 3.1], dtype=np.float32), {}),
    ("np_float64", np.linspace(0, 1, 7).reshape(7, 1, 1), {}),
    ("np_complex64", np.array([1 + 2j, -3.5 - 0.25j], dtype=np.complex64), {}),
    ("np_complex128", np.array([[1 + 2j], [3 - 4j]]), {}),
    ("packed_int64", np.arange(6, dtype=np.int64).reshape(2, 3).view(PackedArray), {}),
    ("packed_float64", np.array([0.5, 1.5]).view(PackedArray), {}),
    ("packed_complex128", np.array([1j, 2 + 0j]).view(PackedArray), {}),
    ("numeric_uint16", NumericArray([1, 2, 3], "UnsignedInteger16"), {}),
    ("compressed_list", [wl.f(i, str(i)) for i in range(50)], {"compress": True}),
    ("compressed_array", np.zeros((100, 100)), {"compress": True}),
]


def main():
    mode, directory = sys.argv[1], sys.argv[2]
    if mode == "read":
        for name in sorted(os.listdir(directory)):
            if not name.endswith(".wxf"):
                continue
            with open(os.path.join(directory, name), "rb") as f:
                data = f.read()
            try:
                text = canonical(binary_deserialize(data))
            except Exception as e:  # report, do not stop: the Swift side shows which case failed
                text = "ERROR " + type(e).__name__ + ": " + str(e)
            print(name[:-4] + "\t" + text)
    elif mode == "write":
        for name, value, options in CASES:
            data = export(value, target_format="wxf", **options)
            with open(os.path.join(directory, name + ".wxf"), "wb") as f:
                f.write(data)
            print(name + "\t" + canonical(binary_deserialize(data), loose=True))
    else:
        sys.exit("usage: check.py read|write DIR")


if __name__ == "__main__":
    main()
