// Parallel functions whose evaluation is not built yet: their attributes only, so that
// `ParallelTable[expr, {i, n}]` holds its arguments as in Mathematica instead of evaluating them
// serially before anything could distribute them. Each row moves to its own family as it is built.

import TesseraCore

enum ParallelPending {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("ParallelTable", attributes: [.holdAll, .protected]),
        BuiltinSpec("ParallelMap", attributes: [.protected]),
        BuiltinSpec("ParallelDo", attributes: [.holdAll, .protected]),
        BuiltinSpec("ParallelSum", attributes: [.holdAll, .protected]),
        BuiltinSpec("ParallelSubmit", attributes: [.holdAll, .protected]),
        BuiltinSpec("Parallelize", attributes: [.holdAll, .protected]),
    ]
}
