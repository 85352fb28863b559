// Jobs sent ahead: a kernel whose evaluations are short is sent its next job while it runs one, so
// it never waits a round trip; nothing about results, failures, aborts or shared variables changes.

import Testing

@Suite(.enabled(if: ParallelHarness.available, "needs the tessera binary (.build/debug/tessera): run swift build first"))
struct EvaluationsSentAheadTests {
    private static let traceQueue = "SetOptions[$Parallel, Tracers -> {Queueing}, TraceHandler -> \"Save\"];"
    private static let aheadCount = "Count[TraceList[][[All, 3]], s_ /; StringContainsQ[s, \"sent ahead\"]]"

    @Test func shortEvaluationsAreSentAheadAndLongOnesAreNot() {
        let run = Master.run([
            "LaunchKernels[2]; Needs[\"Parallel`Debug`\"];",
            Self.traceQueue,
            "ParallelTable[Pause[0.01]; i, {i, 8}, Method -> \"FinestGrained\"]",
            Self.aheadCount,
            Self.traceQueue + " ParallelTable[i, {i, 200}, Method -> \"FinestGrained\"] === Range[200]",
            Self.aheadCount,
        ])
        #expect(run.results[2] == "{1, 2, 3, 4, 5, 6, 7, 8}")
        #expect(run.results[3] == "0")
        #expect(run.results[4] == "True")
        #expect((Int(run.results[5]) ?? 0) > 0, "\(run.results)")
    }

    @Test func aKernelBusyWithASubmittedEvaluationTakesParallelEvaluateAfterIt() {
        let run = Master.run([
            "LaunchKernels[2]; e = ParallelSubmit[Pause[0.3]; 7]; Null",
            "ParallelEvaluate[$KernelID]",
            "WaitAll[e]",
        ])
        #expect(run.results == ["Null", "{1, 2}", "7"], "\(run.output)")
    }

    @Test func aJobSentAheadWaitsWhileItsKernelWaitsForASharedVariable() {
        let run = Master.run([
            "LaunchKernels[2]; Needs[\"Parallel`Debug`\"]; count = 0; SetSharedVariable[count];",
            Self.traceQueue,
            "ParallelDo[count++, {i, 300}, Method -> \"FinestGrained\"]; count",
            Self.aheadCount,
        ])
        #expect(run.results[2] == "300", "\(run.output)")
        #expect((Int(run.results[3]) ?? 0) > 0, "\(run.results)")
    }

    @Test func anAbortStopsTheJobsSentAheadTooAndLeavesTheKernelsUsable() {
        let run = Master.run([
            "LaunchKernels[2]; Null",
            // Kernels answering all the time: the master must see the abort between their results.
            "TimeConstrained[Length[ParallelTable[Pause[0.0005]; i, {i, 10^5}, Method -> \"FinestGrained\"]], 0.5]",
            "ParallelEvaluate[$KernelID]",
            "ParallelTable[i^2, {i, 5}]",
        ])
        #expect(run.results == ["Null", "$Aborted", "{1, 2}", "{1, 4, 9, 16, 25}"], "\(run.output)")
    }

    @Test func jobsSentAheadToAKernelThatDiesAreRequeuedAndNoneIsLost() {
        let run = Master.run([
            "LaunchKernels[2]; Null",
            "ParallelTable[If[i == 100 && $KernelID == 1, Quit[]]; i, {i, 200}, Method -> \"FinestGrained\"] === Range[200]",
        ])
        #expect(run.results[1] == "True", "\(run.output)")
    }
}
