// A subkernel that dies mid-run loses no work: its evaluation is requeued on the others
// (QueueRun::req), the kernel leaves Kernels[], and the result is complete and the same as the serial
// one. An evaluation that kills two kernels is given up (QueueRun::aba) with $Failed in its place.

#if canImport(Glibc)
import Glibc
#endif
import Testing
import TesseraRunner

@Suite(.enabled(if: ParallelHarness.available, "needs the tessera binary (.build/debug/tessera): run swift build first"))
struct ParallelFailureTests {
    /// CoarsestGrained sends items 1-10 to kernel 1 (units go out in Kernels[] order), which quits
    /// at item 5; its unit is requeued on kernel 2.
    @Test func aKernelThatDiesMidRunHasItsEvaluationRequeuedAndTheResultIsComplete() {
        let run = Master.run([
            "LaunchKernels[2]; Null",
            "ParallelTable[If[$KernelID == 1 && i == 5, Quit[]]; i^2, {i, 20}, Method -> \"CoarsestGrained\"] === Table[i^2, {i, 20}]",
            "$KernelCount",
        ])
        #expect(run.results[1] == "True")
        #expect(run.results[2] == "1")
        #expect(run.output.contains("QueueRun::req: Requeueing evaluations {1} assigned to KernelObject[1, local]."), "\(run.output)")
    }

    @Test func withRelaunchOnADroppedKernelIsReplacedAndTheResultIsComplete() {
        let run = Master.run([
            "LaunchKernels[2]; Parallel`Settings`$RelaunchFailedKernels = True;",
            "ParallelTable[If[$KernelID == 1 && i == 5, Quit[]]; i^2, {i, 20}, Method -> \"CoarsestGrained\"] === Table[i^2, {i, 20}]",
            "{$KernelCount, Kernels[]}",
        ])
        #expect(run.results[1] == "True")
        #expect(run.results[2] == "{2, {KernelObject[2, \"local\"], KernelObject[3, \"local\"]}}", "\(run.output)")
    }

    @Test func requeuedWorkThatTouchedSharedVariablesSaysSo() {
        let run = Master.run([
            "LaunchKernels[2]; count = 0; SetSharedVariable[count];",
            "ParallelTable[count++; If[$KernelID == 1 && i == 5, Quit[]]; i, {i, 10}, Method -> \"CoarsestGrained\"]",
        ])
        #expect(run.results[1] == "{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}")
        #expect(run.output.contains("QueueRun::shared: Evaluations {1} used shared variables or functions on KernelObject[1, local] before it failed"), "\(run.output)")
    }

    @Test func anEvaluationThatKillsTwoKernelsIsAbandonedWithFailed() {
        let run = Master.run([
            "LaunchKernels[2]; Null",
            "ParallelTable[If[i == 3, Quit[]]; i, {i, 5}, Method -> \"FinestGrained\"]",
        ])
        #expect(run.results[1] == "{1, 2, $Failed, 4, 5}")
        #expect(run.output.contains("QueueRun::req"), "\(run.output)")
        #expect(run.output.contains("QueueRun::aba: Abandoning evaluations {"), "\(run.output)")
    }

    @Test func aKernelKilledWithSigkillIsDroppedAndTheResultIsComplete() {
        var results: [String] = []
        runOnLargeStack {
            let kernel = KernelAssembly.makeKernel()
            let text = { (source: String) -> String in
                if case .finished(let e) = kernel.run(source) { return kernel.inputText(e) } else { return "$Failed" }
            }
            _ = text("LaunchKernels[2]")
            let pid = Int32(text("ParallelEvaluate[$ProcessID, 2]")) ?? 0
            if pid > 0 { kill(pid, SIGKILL) }
            results.append(text("ParallelTable[i^3, {i, 30}, Method -> \"FinestGrained\"] === Table[i^3, {i, 30}]"))
            results.append(text("$KernelCount"))
            _ = text("CloseKernels[]")
            kernel.tearDown()
        }
        #expect(results == ["True", "1"])
    }
}
