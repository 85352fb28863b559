// `tessera --report out.html`: the run on one self-contained HTML page (no network, no script, no
// font files): a summary, the timeline as inline SVG (ReportTimeline), and the ledger's tables and
// byte matrix as ParallelTraffic[] gives them (ReportTables), in human units.
//
// The spans are kept in memory until the run ends, bounded like the trace (SpanAggregator: the first
// `maxSpans` one by one, then merged per row), so a long run still draws a page a browser opens.
// The tables are those of the ledger at the end: after a ResetParallelTraffic[], what followed it.

import TesseraCore

public final class ParallelReport: TimelineConsumer {
    public static let defaultMaxSpans = 20_000

    private let file: OutputFile
    private var aggregator: SpanAggregator
    private var spans: [TimelineSpan] = []

    /// Creates (truncates) the file at `path` now, so a path that cannot be written is known at once.
    public init(path: String, maxSpans: Int = defaultMaxSpans) throws(OutputFileError) {
        file = try OutputFile(path: path)
        aggregator = SpanAggregator(cap: maxSpans)
    }

    public func record(_ span: TimelineSpan) {
        spans += aggregator.add(span)
    }

    public func finish(kernels: [Int], at seconds: Double, _ k: Kernel) {
        spans += aggregator.flush()
        let traffic = TrafficBuiltins.association(of: ParallelState.of(k).ledger, k)
        let timeline = ReportTimeline(spans: spans, kernels: kernels, duration: seconds)
        file.write(ReportPage.html(summary: summary(kernels: kernels, seconds: seconds, cappedAt: aggregator.cappedAt),
                                   timeline: timeline.svg(), tables: ReportTables(traffic, k).html()))
        file.close()
    }

    /// The first failure to write the file, if any (reported by the command line).
    public var failure: OutputFileError? { file.failure }

    private func summary(kernels: [Int], seconds: Double, cappedAt: Double?) -> String {
        let evaluations = spans.filter { !$0.isTransfer }.reduce(0) { $0 + $1.count }
        let transfers = spans.filter(\.isTransfer).reduce(0) { $0 + $1.count }
        let out = spans.reduce(0) { $0 + $1.bytesOut }, received = spans.reduce(0) { $0 + $1.bytesIn }
        let shared = spans.reduce(0) { $0 + $1.sharedBytes }
        var text = "\(TimelineText.duration(seconds)), \(kernels.count) kernels, \(evaluations) evaluations, "
            + "\(transfers) transfers; \(TimelineText.bytes(out)) sent, \(TimelineText.bytes(received)) received, "
            + "\(TimelineText.bytes(shared)) shared by handle instead of copied."
        if let cappedAt {
            text += " Past \(TimelineText.duration(cappedAt)) (\(aggregator.cap) spans), spans are merged per row."
        }
        return text
    }
}
