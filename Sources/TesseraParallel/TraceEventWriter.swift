// `tessera --trace out.json`: the timeline as a Chrome trace-event file, which Perfetto
// (ui.perfetto.dev) and chrome://tracing open.
//
// The file is the JSON array form, written as a stream: `[`, then one event a line, each followed by
// a comma and written to the file at once (OutputFile), and at the end a last event without comma and
// `]`. A run that dies leaves a file without the `]`, which the array form allows (Perfetto and
// chrome://tracing load it).
//
//     pid 1            the run; "process_name" metadata names it
//     tid 1            the master's track ("Master"): definitions sent, shared accesses answered
//     tid 1 + id       kernel id's track ("Kernel id"): its evaluations
//     "ph": "X"        a span: ts and dur in microseconds since the run began; args: kernel, request,
//                      bytes_out, bytes_in, bytes_shared (and count, died when they apply)
//     "ph": "C"        counters "Bytes sent", "Bytes received", "Bytes shared": the span bytes so far
//                      (one key each, so each is a track of its own)
//
// Size bound: `maxEvents` (100000 by default, about 11 MB) before merging. A span costs up to four
// events (itself and three counters), so the first maxEvents/4 spans are written one by one; after
// that spans are merged per track (SpanAggregator: the file then grows with the logarithm of the
// run's length, under 1.7 x maxEvents events for a billion evaluations) and an instant event
// "Trace size cap reached" says from when.

import TesseraCore

public final class TraceEventWriter: TimelineConsumer {
    public static let defaultMaxEvents = 100_000
    static let masterThread = 1

    private let file: OutputFile
    private var aggregator: SpanAggregator
    private let maxEvents: Int
    private var named = Set<Int>()
    /// Span bytes so far, and the counters last written (a counter is written when it changed).
    private var totals = (sent: 0, received: 0, shared: 0)
    private var written = (sent: -1, received: -1, shared: -1)
    private var lastCounterTime = 0.0
    public private(set) var eventCount = 0

    /// Starts the file at `path` (truncating it); `maxEvents` bounds its size (see above).
    public init(path: String, maxEvents: Int = defaultMaxEvents) throws(OutputFileError) {
        file = try OutputFile(path: path)
        self.maxEvents = maxEvents
        aggregator = SpanAggregator(cap: max(1, maxEvents / 4))
        file.write("[\n")
        event(#"{"name":"process_name","ph":"M","pid":1,"tid":1,"args":{"name":"tessera parallel run"}}"#)
        nameTrack(0)
    }

    public func record(_ span: TimelineSpan) {
        totals.sent += span.bytesOut
        totals.received += span.bytesIn
        totals.shared += span.sharedBytes
        let wasCapped = aggregator.cappedAt != nil
        let out = aggregator.add(span)
        write(out)
        if !wasCapped, let at = aggregator.cappedAt {
            event(#"{"name":"Trace size cap reached: spans merged per track from here","ph":"i","s":"g","pid":1,"tid":1,"ts":"#
                  + micro(at) + #","args":{"max_events":\#(maxEvents),"spans_written":\#(aggregator.written)}}"#)
        }
    }

    /// Writes the merged spans still pending, names every kernel's track, and closes the array.
    /// The file's failure, if it had one.
    public func finish(kernels: [Int], at seconds: Double, _ k: Kernel) {
        write(aggregator.flush())
        for kernel in kernels { nameTrack(kernel) }
        file.write(#"{"name":"End of run","ph":"i","s":"g","pid":1,"tid":1,"ts":"# + micro(seconds)
                   + #","args":{"events":\#(eventCount + 1),"capped":\#(aggregator.cappedAt != nil)}}"# + "\n]\n")
        eventCount += 1
        file.close()
    }

    /// The first failure to write the file, if any (reported by the command line).
    public var failure: OutputFileError? { file.failure }

    private func write(_ spans: [TimelineSpan]) {
        for span in spans {
            let track = SpanAggregator.track(of: span)
            nameTrack(track)
            var args = #""kernel":\#(span.kernel),"request":\#(span.requestID),"bytes_out":\#(span.bytesOut),"#
                + #""bytes_in":\#(span.bytesIn),"bytes_shared":\#(span.sharedBytes)"#
            if span.count > 1 { args += #","count":\#(span.count)"# }
            if span.died { args += #","died":true"# }
            let name = span.isTransfer && span.count == 1 ? "\(span.kind.rawValue) \(span.label)" : span.label
            event(#"{"name":\#(TimelineText.json(name)),"cat":"\#(span.count > 1 ? "Aggregate" : span.kind.rawValue)","#
                  + #""ph":"X","pid":1,"tid":\#(Self.thread(track)),"ts":\#(micro(span.start)),"#
                  + #""dur":\#(micro(span.end - span.start)),"args":{\#(args)}}"#)
            counters(at: span.end)
        }
    }

    /// The counters that changed, at `seconds` (never before the last ones, so each counter rises).
    private func counters(at seconds: Double) {
        lastCounterTime = max(lastCounterTime, seconds)
        let ts = micro(lastCounterTime)
        func counter(_ name: String, _ value: Int, _ last: inout Int) {
            guard value != last else { return }
            last = value
            event(#"{"name":"\#(name)","ph":"C","pid":1,"ts":\#(ts),"args":{"bytes":\#(value)}}"#)
        }
        counter("Bytes sent", totals.sent, &written.sent)
        counter("Bytes received", totals.received, &written.received)
        counter("Bytes shared", totals.shared, &written.shared)
    }

    /// The metadata naming a track (0: the master's), once.
    private func nameTrack(_ track: Int) {
        guard named.insert(track).inserted else { return }
        let tid = Self.thread(track)
        let name = track == 0 ? "Master" : "Kernel \(track)"
        event(#"{"name":"thread_name","ph":"M","pid":1,"tid":\#(tid),"args":{"name":"\#(name)"}}"#)
        event(#"{"name":"thread_sort_index","ph":"M","pid":1,"tid":\#(tid),"args":{"sort_index":\#(tid)}}"#)
    }

    static func thread(_ track: Int) -> Int { masterThread + track }

    private func event(_ json: String) {
        file.write(json + ",\n")
        eventCount += 1
    }

    private func micro(_ seconds: Double) -> String { TimelineText.decimal(seconds * 1e6, places: 3) }
}
