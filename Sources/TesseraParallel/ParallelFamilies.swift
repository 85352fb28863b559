// The parallel toolkit's builtin families, for the kernel assembly (TesseraRunner's KernelAssembly).

import TesseraCore

public enum ParallelFamilies {
    public static let all: [BuiltinFamily] = [
        BuiltinFamily("Kernels", KernelBuiltins.table, setUp: KernelBuiltins.setUp),
        BuiltinFamily("ParallelEvaluate", ParallelEvaluateBuiltins.table),
        BuiltinFamily("EvaluationQueue", EvaluationQueueBuiltins.table),
        BuiltinFamily("ParallelIteration", ParallelIterationBuiltins.table),
        BuiltinFamily("ItemStreams", ItemStreams.table),
        BuiltinFamily("UnitPlacement", UnitPlacement.table),
        BuiltinFamily("ParallelFunctional", ParallelFunctionalBuiltins.table),
        BuiltinFamily("ParallelSubmit", ParallelSubmitBuiltins.table),
        BuiltinFamily("Parallelize", ParallelizeBuiltins.table),
        BuiltinFamily("DefinitionDistribution", DistributionBuiltins.table, setUp: DistributionBuiltins.setUp),
        BuiltinFamily("SharedState", SharedBuiltins.table + SharedRoundTrip.table, setUp: SharedBuiltins.setUp),
        BuiltinFamily("CriticalSection", CriticalSectionBuiltins.table),
        BuiltinFamily("ParallelTraffic", TrafficBuiltins.table),
        BuiltinFamily("ParallelDebug", TraceBuiltins.table, setUp: TraceBuiltins.setUp),
        BuiltinFamily("ProgressReporting", ProgressBuiltins.table, setUp: ProgressBuiltins.setUp),
    ]
}
