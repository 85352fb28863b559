// Launching subkernels and evaluating on them: LaunchKernels, Kernels, $KernelCount, $KernelID,
// ParallelEvaluate, CloseKernels; a subkernel's messages and prints reach the master as values.

import Testing

@Suite(.enabled(if: ParallelHarness.available, "needs the tessera binary (.build/debug/tessera): run swift build first"))
struct KernelLaunchTests {
    @Test func launchedKernelsAnswerWithTheirIDs() {
        let run = Master.run([
            "LaunchKernels[2]", "$KernelCount", "Kernels[]", "ParallelEvaluate[$KernelID]",
            "ParallelEvaluate[1 + 1, 2]", "$KernelID", "CloseKernels[]; {$KernelCount, Kernels[]}",
        ])
        #expect(run.results == [
            "{KernelObject[1, \"local\"], KernelObject[2, \"local\"]}", "2",
            "{KernelObject[1, \"local\"], KernelObject[2, \"local\"]}", "{1, 2}", "2", "0", "{0, {}}",
        ])
    }

    @Test func aSubkernelsMessagesAndPrintsReachTheMasterNamingTheKernel() {
        let run = Master.run([
            "LaunchKernels[2]", "ParallelEvaluate[Print[\"hi \", $KernelID]; 1/0, 1]",
            "Check[ParallelEvaluate[1/0, 2], caught]", "Quiet[ParallelEvaluate[1/0, 1]]",
        ])
        #expect(run.results == ["{KernelObject[1, \"local\"], KernelObject[2, \"local\"]}", "ComplexInfinity", "caught", "ComplexInfinity"])
        #expect(run.output.contains("From kernel 1: hi 1\n"))
        #expect(run.output.contains("\nFrom kernel 1: Power::infy: Infinite expression 1/0 encountered.\n"))
        #expect(run.output.components(separatedBy: "Power::infy").count == 3, "\(run.output)")
    }
}
