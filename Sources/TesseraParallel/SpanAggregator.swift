// The size bound of traces and reports on long runs: the first `cap` spans pass one by one; after
// that, consecutive spans of a track (a kernel's evaluations, or the master's transfers) are merged
// into one span standing for all of them ("120 evaluations"), with their bytes summed.
//
// A merged span is written when it holds `batch` spans, and `batch` doubles each time another
// cap/32 spans have been written past the cap, so the output grows with the logarithm of the run's
// length: cap + cap/32 * log2(spans * 32 / cap) spans at most (plus one per track at the end); with
// cap = 25000, a run of a billion evaluations writes under 41000. The early part of the run stays at
// full detail.

struct SpanAggregator {
    /// Spans passed one by one before merging starts.
    let cap: Int
    private(set) var written = 0
    /// When merging began (the start of the first span past the cap, seconds on the timeline), or nil.
    private(set) var cappedAt: Double?
    /// The merged span being built on each track (0 = the master's, else the kernel's id).
    private var pending: [Int: TimelineSpan] = [:]
    private var batch = 2
    private var writtenAtBatch = 0

    init(cap: Int) {
        self.cap = max(1, cap)
    }

    /// The track a span is drawn on: the master's (0) for transfers, else its kernel's.
    static func track(of span: TimelineSpan) -> Int { span.isTransfer ? 0 : span.kernel }

    /// Takes `span`; returns the spans to write now, in order.
    mutating func add(_ span: TimelineSpan) -> [TimelineSpan] {
        guard written >= cap else {
            written += 1
            writtenAtBatch = written
            return [span]
        }
        if cappedAt == nil { cappedAt = span.start }
        let track = Self.track(of: span)
        guard var merged = pending[track] else {
            pending[track] = span
            return []
        }
        merged.start = min(merged.start, span.start)
        merged.end = max(merged.end, span.end)
        merged.count += span.count
        merged.bytesOut += span.bytesOut
        merged.bytesIn += span.bytesIn
        merged.sharedBytes += span.sharedBytes
        merged.died = merged.died || span.died
        if merged.kernel != span.kernel { merged.kernel = 0 }
        merged.label = "\(merged.count) " + (track == 0 ? "transfers" : "evaluations")
        guard merged.count >= batch else {
            pending[track] = merged
            return []
        }
        pending[track] = nil
        note(written: 1)
        return [merged]
    }

    /// The merged spans not yet written (at the end of the run), by track.
    mutating func flush() -> [TimelineSpan] {
        let out = pending.keys.sorted().compactMap { pending[$0] }
        pending = [:]
        note(written: out.count)
        return out
    }

    private mutating func note(written count: Int) {
        written += count
        if written - writtenAtBatch >= max(1, cap / 32) {
            batch *= 2
            writtenAtBatch = written
        }
    }
}
