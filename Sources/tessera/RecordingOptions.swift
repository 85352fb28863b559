// --trace FILE and --report FILE: record the run's parallel work (TesseraParallel's ParallelTimeline)
// as a Chrome trace-event file and as a self-contained HTML page. Parsed here so that main.swift only
// takes the flags out of the arguments and wraps the run.
//
//   tessera --trace out.json FILE.wl        tessera --report out.html -code 'ParallelTable[...]'
//
// TESSERA_TRACE_MAX_EVENTS bounds the trace's events (default 100000; past it, spans are merged).

#if canImport(Glibc)
import Glibc
#endif
import TesseraCore
import TesseraParallel

struct RecordingOptions {
    var tracePath: String?
    var reportPath: String?

    /// Takes `--trace FILE` and `--report FILE` out of `arguments`.
    init(taking arguments: inout [String]) {
        for flag in ["--trace", "--report"] {
            guard let i = arguments.firstIndex(of: flag), i + 1 < arguments.count else { continue }
            let path = arguments[i + 1]
            arguments.removeSubrange(i...(i + 1))
            if flag == "--trace" { tracePath = path } else { reportPath = path }
        }
    }

    /// Runs `body` (which evaluates in `kernel`) with the asked recordings attached, then writes them.
    /// A file that cannot be written is said on standard error, and the status is then at least 1.
    func run(_ kernel: Kernel, _ body: () -> Int32) -> Int32 {
        var trace: TraceEventWriter?
        var report: ParallelReport?
        do throws(OutputFileError) {
            if let tracePath { trace = try TraceEventWriter(path: tracePath, maxEvents: Self.maxEvents) }
            if let reportPath { report = try ParallelReport(path: reportPath) }
        } catch {
            complain("cannot write \(error)")
            return 1
        }
        if let trace { ParallelTimeline.attach(trace, to: kernel) }
        if let report { ParallelTimeline.attach(report, to: kernel) }
        let status = body()
        ParallelTimeline.finish(kernel)
        let failures = [trace?.failure, report?.failure].compactMap { $0 }
        for failure in failures { complain("cannot write \(failure)") }
        return failures.isEmpty || status != 0 ? status : 1
    }

    /// The trace's size bound: TESSERA_TRACE_MAX_EVENTS when it is a positive integer.
    static var maxEvents: Int {
        guard let raw = getenv("TESSERA_TRACE_MAX_EVENTS"), let n = Int(String(cString: raw)), n > 0 else {
            return TraceEventWriter.defaultMaxEvents
        }
        return n
    }

    private func complain(_ text: String) {
        var line = "tessera: " + text + "\n"
        line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }
}
