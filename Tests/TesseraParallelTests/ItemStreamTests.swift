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

    /// What goes to a kernel for a one-item unit, read from the SendReceive trace.
    private static func sent(_ setUp: String, _ call: String) -> String {
        let run = Master.run(["LaunchKernels[1]; Needs[\"Parallel`Debug`\"]; " + setUp,
                              "SetOptions[$Parallel, Tracers -> {SendReceive}, TraceHandler -> \"Print\"];", call])
        return run.output.split(separator: "\n").first { $0.contains("Sending to kernel 1:") }.map(String.init) ?? run.output
    }

    @Test(arguments: [
        ("", "ParallelTable[i^2, {i, 1}]", false),
        ("", "ParallelTable[RandomReal[], {i, 1}]", true),
        ("g[x_] := x + 1;", "ParallelTable[g[i], {i, 1}]", false),
        ("f[x_] := h[x]; h[x_] := RandomInteger[x];", "ParallelTable[f[i], {i, 1}]", true),
        ("", "ParallelTable[ToExpression[\"RandomReal[]\"], {i, 1}]", true),
        ("", "ParallelMap[#^2 &, {1}]", false),
        ("", "ParallelMap[RandomReal[#] &, {1}]", true),
    ])
    func onlyABodyThatMayDrawIsSeeded(setUp: String, call: String, seeded: Bool) {
        let line = Self.sent(setUp, call)
        #expect(line.contains("Sending to kernel 1:"), "\(line)")
        #expect(line.contains("SeededItem") == seeded, "\(line)")
    }

    @Test func seededMapAndArrayDrawsDoNotDependOnKernelsOrMethod() {
        let run = Master.run([
            "LaunchKernels[2]; Null",
            "SeedRandom[7]; m = ParallelMap[RandomReal[#] &, Range[7]]; Length[Union[m]]",
            "SeedRandom[7]; m === ParallelMap[RandomReal[#] &, Range[7], Method -> \"FinestGrained\"]",
            "SeedRandom[7]; a = ParallelArray[RandomInteger[10^9] + #1 + #2 &, {5, 3}]; Length[Union[Flatten[a]]]",
            "SeedRandom[7]; a === ParallelArray[RandomInteger[10^9] + #1 + #2 &, {5, 3}, Method -> \"CoarsestGrained\"]",
            "CloseKernels[]; LaunchKernels[1]; SeedRandom[7]; m1 = ParallelMap[RandomReal[#] &, Range[7]]; "
                + "SeedRandom[7]; {m === m1, a === ParallelArray[RandomInteger[10^9] + #1 + #2 &, {5, 3}]}",
            "ParallelMap[RandomReal[] &, Range[4]] === ParallelMap[RandomReal[] &, Range[4]]",
            "ParallelArray[#^2 &, 4]",
        ])
        #expect(run.results == ["Null", "7", "True", "15", "True", "{True, True}", "False", "{1, 4, 9, 16}"],
                "\(run.output)")
    }
}
