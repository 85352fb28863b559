// ParallelTraffic's numbers, proved on real subkernels: the views of a seed program's run add up to
// the same totals, a big packed array costs handle-sized wire bytes and its full size in shared
// bytes, and a plain expression costs exactly its WXF bytes plus the frame header.

#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The text of a seed program in ../shared/programs (the package root is the working directory of
/// `swift test`), or nil when the shared material is absent.
private func seedProgram(_ name: String) -> String? {
    guard let file = fopen("../shared/programs/" + name, "r") else { return nil }
    defer { fclose(file) }
    // A seed program is a few KB: one read of up to 1 MB takes it whole.
    var bytes = [UInt8](repeating: 0, count: 1 << 20)
    let count = bytes.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
    return String(decoding: bytes.prefix(count), as: UTF8.self)
}

/// WL that sums `key` over the values of view `v` of the Association `tt`.
private let sumOverView = "sum[v_, key_] := Total[Values[tt[v]][[All, key]]];"

@Suite(.serialized, .enabled(if: ParallelHarness.available, "needs the tessera binary (.build/debug/tessera): run swift build first"))
struct ParallelTrafficTests {
    @Test(.enabled(if: seedProgram("kernel_traffic.wl") != nil, "needs ../shared/programs/kernel_traffic.wl"))
    func viewsOfKernelTrafficRunAddUpToTheSameTotals() throws {
        var program = try #require(seedProgram("kernel_traffic.wl"))
        for (from, to) in [("LaunchKernels[];", "LaunchKernels[2];"), ("m = 30000; n = 640;", "m = 3000; n = 16;")] {
            #expect(program.contains(from), "kernel_traffic.wl no longer contains \(from)")
            program = program.split(separator: from, omittingEmptySubsequences: false).joined(separator: to)
        }
        let run = Master.run([
            program,
            "tt = ParallelTraffic[]; " + sumOverView,
            // Each row: {all equal?, the totals}. Wire bytes: total, by kernel, by direction, by kind, matrix.
            """
            {tt["Total", "WireBytes"], sum["Kernels", "WireBytesSent"] + sum["Kernels", "WireBytesReceived"],
             sum["Directions", "WireBytes"], sum["Kinds", "WireBytesSent"] + sum["Kinds", "WireBytesReceived"],
             Total[tt["Matrix"], 2]} // {Equal @@ #, #} &
            """,
            """
            {tt["Total", "SharedBytes"], sum["Kernels", "SharedBytesSent"] + sum["Kernels", "SharedBytesReceived"],
             sum["Directions", "SharedBytes"], sum["Kinds", "SharedBytesSent"] + sum["Kinds", "SharedBytesReceived"]
            } // {Equal @@ #, #} &
            """,
            """
            {tt["Total", "Messages"], sum["Kernels", "Messages"], sum["Directions", "Messages"],
             sum["Kinds", "Messages"]} // {Equal @@ #, #} &
            """,
            // By symbol: every definition byte is some symbol's.
            """
            {tt["Kinds", "Definition", "WireBytesSent"] == sum["Symbols", "WireBytes"],
             tt["Kinds", "Definition", "SharedBytesSent"] == sum["Symbols", "SharedBytes"]}
            """,
            "Sort[Keys[tt[\"Symbols\"]]]",
            "{tt[\"MatrixLabels\"], Keys[tt[\"Kernels\"]], tt[\"Total\", \"SharedBytes\"] > 0}",
        ])
        try #require(run.results.count == 8)
        #expect(run.results[0] == "True", "the seed program's Table and ParallelTable differ")
        for line in run.results[2...4] {
            #expect(line.hasPrefix("{True, "), "views disagree: \(line)")
        }
        #expect(run.results[5] == "{True, True}")
        for name in ["a", "b", "g", "SelectbyWRange"] {
            #expect(run.results[6].contains("\"\(name)\""), "no definition bytes for \(name): \(run.results[6])")
        }
        #expect(run.results[7] == "{{\"Master\", 1, 2}, {1, 2}, True}")
    }

    @Test func packedArrayToTwoKernelsCostsHandleBytesOnTheWireAndItsSizeShared() throws {
        let run = Master.run([
            "LaunchKernels[2]; big = RandomReal[1, 12500000]; {Length[big], Developer`PackedArrayQ[big]}",
            "{r, t} = ParallelTrafficMeasured[ParallelEvaluate[Length[big]]]; r",
            "{#WireBytesSent < 4096, #SharedBytesSent} & /@ Values[t[\"Kernels\"]]",
            "{t[\"Symbols\", \"big\", \"SharedBytes\"], t[\"Symbols\", \"big\", \"WireBytes\"] < 8192}",
        ])
        try #require(run.results.count == 4)
        #expect(run.results[0] == "{12500000, True}", "not a 100 MB packed array")
        #expect(run.results[1] == "{12500000, 12500000}")
        #expect(run.results[2] == "{{True, 100000000}, {True, 100000000}}")
        #expect(run.results[3] == "{200000000, True}")
    }

    @Test(arguments: ["{1, \"abc\", x^2 + Sin[y], 2.5, Range[3], 2^100}", "Table[{i, N[i]/3, \"s\" <> ToString[i]}, {i, 50}]"])
    func unpackedExpressionCostsItsWXFBytesPlusTheFrameHeader(_ source: String) throws {
        let run = Master.run([
            "LaunchKernels[2]; {r, t} = ParallelTrafficMeasured[ParallelEvaluate[\(source), First[Kernels[]]]]; Head[r]",
            "t[\"Kinds\", \"Result\", \"WireBytesReceived\"] == Length[BinarySerialize[r]] + 24",
            "t[\"Kinds\", \"Evaluation\", \"WireBytesSent\"] == Length[BinarySerialize[Hold[\(source)]]] + 24",
            "{t[\"Total\", \"SharedBytes\"], t[\"Kinds\", \"Result\", \"Messages\"], Keys[t[\"Kernels\"]]}",
        ])
        #expect(run.results == ["List", "True", "True", "{0, 1, {1, 2}}"])
    }

    @Test func resetZeroesTheCountsAndMeasuredScopesLeaveThemAlone() {
        let run = Master.run([
            "LaunchKernels[2]; ParallelEvaluate[1]; ParallelTraffic[\"Total\", \"Messages\"] > 0",
            "ResetParallelTraffic[]; ParallelTraffic[\"Total\"]",
            "{r, t} = ParallelTrafficMeasured[ParallelEvaluate[$KernelID]]; {r, t[\"Total\", \"Messages\"] == ParallelTraffic[\"Total\", \"Messages\"]}",
            "ParallelTraffic[\"Speed\"]",
        ])
        #expect(run.results == ["True", "<|\"Messages\" -> 0, \"WireBytes\" -> 0, \"SharedBytes\" -> 0, \"Seconds\" -> 0.|>",
                                "{{1, 2}, True}", "ParallelTraffic[\"Speed\"]"])
        #expect(run.output.contains("ParallelTraffic::view"))
    }
}
