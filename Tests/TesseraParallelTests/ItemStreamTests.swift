// Reproducible random numbers: after SeedRandom[s] in the master, the draws of a parallel iteration
// are the same whatever the number of kernels and the Method; without it, calls differ.

import Testing

@Suite(.enabled(if: ParallelHarness.available, "needs the tessera binary (.build/debug/tessera): run swift build first"))
struct ItemStreamTests {
    @Test func seededDrawsDoNotDependOnKernelsOrMethod() {
        let run = Master.run([
            "LaunchKernels[2]; Null",
            "SeedRandom[42]; a = ParallelTable[RandomReal[], {i, 9}]; Length[Union[a]]",
            "SeedRandom[42]; b = ParallelTable[RandomReal[], {i, 9}, Method -> \"FinestGrained\"]; a === b",
            "SeedRandom[42]; c = ParallelTable[RandomInteger[10^9, 3], {i, 9}, Method -> \"CoarsestGrained\"]; Length[c]",
            "CloseKernels[]; LaunchKernels[1]; SeedRandom[42]; d = ParallelTable[RandomReal[], {i, 9}]; a === d",
            "SeedRandom[42]; ParallelTable[RandomInteger[10^9, 3], {i, 9}] === c",
            "ParallelTable[RandomReal[], {i, 4}] === ParallelTable[RandomReal[], {i, 4}]",
        ])
        #expect(run.results == ["Null", "9", "True", "9", "True", "True", "False"], "\(run.output)")
    }
}
