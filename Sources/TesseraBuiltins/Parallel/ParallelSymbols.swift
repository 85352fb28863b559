// The Parallel toolkit's symbols, as far as this kernel has them today: their attributes (so that
// `ParallelTable[expr, {i, n}]` holds its arguments, as in Mathematica, instead of evaluating them
// serially), and the facts that are true without subkernels: `Kernels[]` is the empty list and
// `$KernelCount` is 0. Launching subkernels arrives with the parallel layer; until then these calls
// stay unevaluated.

import TesseraCore
import TesseraExpr

enum ParallelSymbols {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Kernels", kernels),
        BuiltinSpec("LaunchKernels"),
        BuiltinSpec("CloseKernels"),
        BuiltinSpec("ParallelTable", attributes: [.holdAll, .protected]),
        BuiltinSpec("ParallelMap", attributes: [.protected]),
        BuiltinSpec("ParallelDo", attributes: [.holdAll, .protected]),
        BuiltinSpec("ParallelSum", attributes: [.holdAll, .protected]),
        BuiltinSpec("ParallelEvaluate", attributes: [.holdAll, .protected]),
        BuiltinSpec("ParallelSubmit", attributes: [.holdAll, .protected]),
        BuiltinSpec("Parallelize", attributes: [.holdAll, .protected]),
        BuiltinSpec("DistributeDefinitions", attributes: [.holdAll, .protected]),
        BuiltinSpec("KernelObject", attributes: [.protected]),
    ]

    static func setUp(_ k: Kernel) {
        let count = k.symbols.intern(fullName: "System`$KernelCount")
        count.setOwnValue(.integer(0))
        count.setAttributes([.protected])
    }

    static func kernels(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        c.count == 0 ? Expr(k.sys.List) : nil
    }
}
