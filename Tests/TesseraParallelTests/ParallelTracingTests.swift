// Parallel`Debug` tracing on real subkernels: the lines follow Mathematica's templates (with the
// bytes and the time added), "Save" keeps them for TraceList[], and no tracer prints nothing.

import Testing

private let setUp = "LaunchKernels[2]; Needs[\"Parallel`Debug`\"];"
private let table = "ParallelTable[i^2, {i, 4}, Method -> \"FinestGrained\"]"

/// The template of each traced line (after "Tracer: "), the bytes and the time.
private let templates: [(tracer: String, pattern: String)] = [
    ("SendReceive", #"Sending to kernel [12]: .+ \(q=[01]\) \[\d+ bytes\] \[\d+\.\d{6} s\]"#),
    ("SendReceive", #"Receiving from kernel [12]: \{(1|4|9|16)\} \(q=[01]\) \[\d+ bytes\] \[\d+\.\d{6} s\]"#),
    ("Queueing", #"eid\d+ queued \(\d+\) \[\d+\.\d{6} s\]"#),
    ("Queueing", #"eid\d+ sent (ahead )?to kernel [12] \[\d+\.\d{6} s\]"#),
    ("Queueing", #"eid\d+ received from kernel [12] \[\d+\.\d{6} s\]"#),
    ("Queueing", #"eid\d+ dequeued \[\d+\.\d{6} s\]"#),
]

@Suite(.serialized, .enabled(if: ParallelHarness.available, "needs the tessera binary (.build/debug/tessera): run swift build first"))
struct ParallelTracingTests {
    @Test func printedTraceLinesFollowTheTemplatesFourOfEachForFourItems() throws {
        let run = Master.run([setUp,
                              "SetOptions[$Parallel, Tracers -> {SendReceive, Queueing}, TraceHandler -> \"Print\"];",
                              table])
        #expect(run.results.last == "{1, 4, 9, 16}")
        let lines = run.output.split(separator: "\n").map(String.init)
        var counts = Array(repeating: 0, count: templates.count)
        for line in lines {
            let matched = try templates.indices.filter { i in
                let (tracer, pattern) = templates[i]
                guard line.hasPrefix(tracer + ": ") else { return false }
                return try Regex(pattern).wholeMatch(in: line.dropFirst(tracer.count + 2)) != nil
            }
            #expect(matched.count == 1, "unexpected trace line: \(line)")
            for i in matched { counts[i] += 1 }
        }
        #expect(counts == [4, 4, 4, 4, 4, 4], "\(run.output)")
    }

    @Test func savedTraceGoesToTraceListAndPrintsNothing() {
        let run = Master.run([setUp,
                              "SetOptions[$Parallel, Tracers -> {SendReceive}, TraceHandler -> \"Save\"];",
                              table,
                              "t = TraceList[]; {Length[t], Union[t[[All, 2]]], And @@ (MatchQ[#, {_Real, _Symbol, _String}] & /@ t)}",
                              "Count[t[[All, 3]], s_ /; StringStartsQ[s, \"Receiving from kernel\"]]",
                              // Setting the handler again starts a new list.
                              "SetOptions[$Parallel, TraceHandler -> \"Save\"]; TraceList[]"])
        #expect(run.output.isEmpty, "\(run.output)")
        #expect(run.results[3] == "{8, {SendReceive}, True}")
        #expect(run.results[4] == "4")
        #expect(run.results[5] == "{}")
    }

    @Test(arguments: ["", "SetOptions[$Parallel, Tracers -> {}, TraceHandler -> \"Print\"];"])
    func noTracersPrintNothing(_ setting: String) {
        let run = Master.run([setUp, setting, table])
        #expect(run.results.last == "{1, 4, 9, 16}")
        #expect(run.output.isEmpty, "\(run.output)")
    }

    @Test func getOfTheBuiltInContextPutsItOnTheContextPath() {
        let run = Master.run(["<<Parallel`Debug`", "MemberQ[$ContextPath, \"Parallel`Debug`\"]", "Context[TraceList]"])
        #expect(run.results == ["Null", "True", "\"Parallel`Debug`\""])
    }
}
