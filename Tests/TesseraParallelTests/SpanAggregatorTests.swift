// The size bound of traces and reports: the first `cap` spans pass as they are, later ones are
// merged per track without losing a span or a byte, and the output grows only logarithmically.

@testable import TesseraParallel
import Testing

private func spans(_ n: Int, kernels: Int) -> [TimelineSpan] {
    (0..<n).map { i in
        var span = TimelineSpan(kind: i % 5 == 0 ? .definition : .evaluation, kernel: 1 + i % kernels,
                                requestID: UInt64(i + 1), start: Double(i), end: Double(i) + 0.5, label: "Table")
        span.bytesOut = 100
        span.bytesIn = 10
        span.sharedBytes = i
        return span
    }
}

struct SpanAggregatorTests {
    @Test(arguments: [(cap: 10, spans: 5), (10, 10), (10, 11), (10, 1000), (100, 100_000), (1, 50)])
    func mergingKeepsEverySpanAndItsBytes(cap: Int, spans count: Int) {
        var aggregator = SpanAggregator(cap: cap)
        let input = spans(count, kernels: 3)
        var output = input.flatMap { aggregator.add($0) }
        output += aggregator.flush()
        #expect(output.reduce(0) { $0 + $1.count } == count)
        #expect(output.reduce(0) { $0 + $1.bytesOut } == 100 * count)
        #expect(output.reduce(0) { $0 + $1.sharedBytes } == input.reduce(0) { $0 + $1.sharedBytes })
        #expect(Array(output.prefix(min(cap, count))) == Array(input.prefix(min(cap, count))))
        #expect((aggregator.cappedAt != nil) == (count > cap))
        // cap + cap/32 per doubling of the batch, and the flushed tracks (4 at most).
        var bound = cap + 4, batch = 2
        while batch < count { bound += max(1, cap / 32); batch *= 2 }
        #expect(output.count <= bound, "\(output.count) spans written for \(count) with a cap of \(cap)")
    }

    @Test func mergedSpansStayOnTheirTrackAndSayHowManyTheyHold() {
        var aggregator = SpanAggregator(cap: 1)
        var output = spans(40, kernels: 2).flatMap { aggregator.add($0) }
        output += aggregator.flush()
        for span in output.dropFirst() {
            #expect(span.label == "\(span.count) " + (span.isTransfer ? "transfers" : "evaluations") || span.count == 1)
            if !span.isTransfer { #expect(span.kernel == 1 || span.kernel == 2) }
        }
    }
}
