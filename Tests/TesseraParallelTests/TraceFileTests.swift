// `tessera --trace`: the file of a real run (kernel_traffic.wl, small, 2 kernels) loads as JSON, has a
// named track per kernel and the master, and a span for every evaluation the ledger counted; a file
// cut short still loads in the array form; past a size cap, spans are merged and the file says so.

import Foundation
import Testing

/// One traced run, shared by the tests that only read its file.
private struct TracedRun {
    let events: [[String: Any]]
    let lines: [String]
    let evaluationsSent: Int

    static func make(maxEvents: Int? = nil) throws -> TracedRun {
        let binary = try #require(ParallelHarness.tesseraBinary)
        let program = try #require(try TesseraProcess.smallKernelTraffic())
        let trace = TesseraProcess.temporaryPath("trace-\(maxEvents ?? 0).json")
        defer { try? FileManager.default.removeItem(atPath: trace) }
        let environment = maxEvents.map { ["TESSERA_TRACE_MAX_EVENTS": String($0)] } ?? [:]
        let run = try TesseraProcess.run(binary, ["--trace", trace, program], environment: environment)
        #expect(run.status == 0)
        let text = try String(contentsOfFile: trace, encoding: .utf8)
        let events = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        let sent = try #require(TesseraProcess.evaluationsSent(in: run.output), "no ledger count in \(run.output)")
        return TracedRun(events: events, lines: text.split(separator: "\n").map(String.init), evaluationsSent: sent)
    }

    func events(phase: String) -> [[String: Any]] { events.filter { $0["ph"] as? String == phase } }

    /// The spans' count of evaluations (a merged span stands for `count` of them).
    var evaluationSpans: Int {
        events(phase: "X").filter { ($0["tid"] as? Int ?? 0) > 1 }
            .reduce(0) { $0 + (($1["args"] as? [String: Any])?["count"] as? Int ?? 1) }
    }
}

private let seedAvailable = FileManager.default.fileExists(atPath: "../shared/programs/kernel_traffic.wl")

@Suite(.serialized, .enabled(if: ParallelHarness.available, "needs the tessera binary (.build/debug/tessera): run swift build first"),
       .enabled(if: seedAvailable, "needs ../shared/programs/kernel_traffic.wl"))
struct TraceFileTests {
    @Test func traceOfKernelTrafficHasATrackPerKernelAndASpanPerEvaluationTheLedgerCounted() throws {
        let run = try TracedRun.make()
        let tracks = run.events(phase: "M").filter { $0["name"] as? String == "thread_name" }
        let names = tracks.compactMap { ($0["args"] as? [String: Any])?["name"] as? String }
        #expect(names.sorted() == ["Kernel 1", "Kernel 2", "Master"])
        #expect(Set(tracks.compactMap { $0["tid"] as? Int }).count == 3, "tracks share a tid: \(tracks)")
        #expect(run.evaluationsSent > 0)
        #expect(run.evaluationSpans == run.evaluationsSent)
        for span in run.events(phase: "X") {
            #expect(span["pid"] is Int && span["tid"] is Int && span["ts"] is NSNumber && span["dur"] is NSNumber)
            let args = try #require(span["args"] as? [String: Any])
            for key in ["kernel", "request", "bytes_out", "bytes_in", "bytes_shared"] { #expect(args[key] is Int, "\(key) in \(span)") }
        }
        // Counters: one key each, never falling.
        for name in ["Bytes sent", "Bytes received", "Bytes shared"] {
            let values = run.events(phase: "C").filter { $0["name"] as? String == name }
                .compactMap { ($0["args"] as? [String: Any]).flatMap { $0.count == 1 ? $0["bytes"] as? Int : nil } }
            #expect(!values.isEmpty && values == values.sorted(), "\(name): \(values)")
        }
    }

    @Test func aTraceCutShortStillLoadsInTheArrayForm() throws {
        let run = try TracedRun.make()
        #expect(run.lines.first == "[" && run.lines.last == "]")
        // Every line between is one event followed by a comma, except the last event.
        for line in run.lines.dropFirst().dropLast(2) {
            #expect(line.hasPrefix("{") && line.hasSuffix("},"), "not an event line: \(line)")
            #expect((try? JSONSerialization.jsonObject(with: Data(line.dropLast().utf8))) is [String: Any])
        }
        // Cut anywhere after a line, as a killed run would leave it: the array form without its `]`
        // (Perfetto's reader closes it) parses, and keeps every event written.
        for kept in [2, run.lines.count / 2, run.lines.count - 2] {
            var text = run.lines.prefix(kept).joined(separator: "\n")
            if text.hasSuffix(",") { text.removeLast() }
            let repaired = try JSONSerialization.jsonObject(with: Data((text + "]").utf8)) as? [Any]
            #expect(repaired?.count == kept - 1)
        }
    }

    @Test func pastItsSizeCapATraceMergesSpansAndSaysSo() throws {
        let run = try TracedRun.make(maxEvents: 40)
        let notices = run.events(phase: "i").compactMap { $0["name"] as? String }.filter { $0.hasPrefix("Trace size cap reached") }
        #expect(notices.count == 1)
        let merged = run.events(phase: "X").filter { $0["cat"] as? String == "Aggregate" }
        #expect(!merged.isEmpty)
        #expect(run.events.count < 90, "\(run.events.count) events for a cap of 40")
        #expect(run.evaluationSpans == run.evaluationsSent, "merging lost evaluations")
    }
}
