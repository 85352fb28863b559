// Aborts across kernels: an abort of the master stops the subkernels' work and leaves them usable;
// Abort[] on a subkernel aborts the master's evaluation; an uncaught Throw there is $Aborted.

import Testing

@Suite(.enabled(if: ParallelHarness.available, "needs the tessera binary (.build/debug/tessera): run swift build first"))
struct ParallelAbortTests {
    @Test func anAbortOfTheMasterStopsTheSubkernelsAndLeavesThemUsable() {
        let run = Master.run([
            "LaunchKernels[2]; Null",
            "TimeConstrained[ParallelEvaluate[Do[Null, {10^10}]], 0.5]",
            "ParallelEvaluate[$KernelID]",
            "AbortKernels[]",
        ])
        #expect(run.results == ["Null", "$Aborted", "{1, 2}", "Null"], "\(run.output)")
    }

    @Test func abortOnASubkernelAbortsTheMastersEvaluation() {
        let run = Master.run([
            "LaunchKernels[2]; Null",
            "ParallelEvaluate[If[$KernelID == 1, Abort[], Do[Null, {10^10}]]]; after",
            "CheckAbort[ParallelEvaluate[Abort[], 2], caught]",
            "ParallelEvaluate[$KernelID]",
        ])
        #expect(run.results == ["Null", "$Aborted", "caught", "{1, 2}"], "\(run.output)")
    }

    @Test func anUncaughtThrowOnASubkernelGivesAbortedForThatResult() {
        let run = Master.run(["LaunchKernels[2]; Null", "ParallelEvaluate[If[$KernelID == 1, Throw[7], $KernelID]]"])
        #expect(run.results == ["Null", "{$Aborted, 2}"])
        #expect(run.output.contains("From kernel 1: Throw::nocatch: Uncaught Throw[7] returned to top level."), "\(run.output)")
    }
}
