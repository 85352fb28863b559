// Parallel functions whose evaluation is not built yet: their attributes only, so that
// `ParallelTable[expr, {i, n}]` holds its arguments as in Mathematica instead of evaluating them
// serially before anything could distribute them. Each row moves to its own family as it is built.

import TesseraCore

enum ParallelPending {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("DistributeDefinitions", attributes: [.holdAll, .protected]),
    ]
}
