// Shared variables and functions live on the master: every read, assignment and call on a subkernel
// is a round trip, and CriticalSection makes a read-modify-write atomic across kernels.

import Testing

@Suite(.enabled(if: ParallelHarness.available, "needs the tessera binary (.build/debug/tessera): run swift build first"))
struct SharedStateTests {
    @Test func sharedVariablesAndFunctionsAreEvaluatedOnTheMaster() {
        let run = Master.run([
            "LaunchKernels[2]; SetSharedVariable[c]; c = 0; $SharedVariables",
            "ParallelEvaluate[Do[CriticalSection[{lock}, c = c + 1], {100}]]; {c, ValueQ[lock]}",
            "ParallelEvaluate[Do[c++, {50}]]; c",
            "ParallelEvaluate[c = $KernelID, 1]; c",
            "ParallelEvaluate[c += 10, 2]; c",
            "c = {}; ParallelEvaluate[AppendTo[c, $KernelID]]; Sort[c]",
            "SetSharedFunction[store]; log = {}; store[x_] := (AppendTo[log, x]; -x); {ParallelEvaluate[store[$KernelID]], Sort[log]}",
            "{$SharedVariables, $SharedFunctions}",
            "UnsetShared[c]",
            "c = 7; {$SharedVariables, ParallelEvaluate[c = $KernelID], c}",
        ])
        #expect(run.results == [
            "{Hold[c]}", "{200, False}", "300", "1", "11", "{1, 2}", "{{-1, -2}, {1, 2}}", "{{Hold[c]}, {Hold[store]}}",
            "{HoldForm[c]}", "{{}, {1, 2}, 7}",
        ], "\(run.output)")
    }

    /// As in Mathematica: what would stay unevaluated gives Null, and definitions made on a subkernel
    /// are made on the master (with the subkernel's values of their arguments).
    @Test func unevaluatedSharedAccessGivesNullAndDefinitionsGoToTheMaster() {
        let run = Master.run([
            "LaunchKernels[2]; SetSharedFunction[memo]; SetSharedVariable[unset]; "
                + "ParallelEvaluate[Hold[Evaluate[{memo[$KernelID], unset}]]]",
            "ParallelEvaluate[Do[memo[i $KernelID] = -i, {i, 2}]; memo[x_] := x + 100, 1]; "
                + "{memo[1], memo[2], memo[4], ParallelEvaluate[Hold[Evaluate[memo[5]]], 2]}",
            "UnsetShared[\"*\"]; {$SharedVariables, $SharedFunctions}",
        ])
        #expect(run.results == ["{Hold[{Null, Null}], Hold[{Null, Null}]}", "{-1, -2, 104, Hold[105]}", "{{}, {}}"], "\(run.output)")
    }
}
