// The report's SVG timeline, without a browser: a row per kernel and one for the master, each span
// on its row, and text escaped.

@testable import TesseraParallel
import Testing

struct ReportTimelineTests {
    /// How often `needle` occurs in the rows of `svg` (the legend after them left out).
    private func occurrences(_ needle: String, in svg: String) -> Int {
        let rows = svg.components(separatedBy: "<g class=\"legend\"")[0]
        return rows.components(separatedBy: needle).count - 1
    }

    @Test(arguments: [[1], [1, 2], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]])
    func aRowPerKernelAndOneForTheMaster(kernels: [Int]) {
        let spans = kernels.map { TimelineSpan(kind: .evaluation, kernel: $0, requestID: UInt64($0), start: 0.1, end: 0.2, label: "Table") }
        let svg = ReportTimeline(spans: spans, kernels: kernels, duration: 1).svg()
        #expect(occurrences("<g class=\"kernel-row\"", in: svg) == kernels.count)
        #expect(occurrences("<g class=\"master-row\"", in: svg) == 1)
        #expect(occurrences("<rect class=\"evaluation\"", in: svg) == kernels.count)
    }

    @Test func transfersAreMarksOnTheMasterRowAndTicksOnTheirKernelsRow() {
        let transfer = TimelineSpan(kind: .definition, kernel: 2, requestID: 1, start: 0.5, end: 0.5, label: "<g>&")
        let svg = ReportTimeline(spans: [transfer], kernels: [1, 2], duration: 1).svg()
        #expect(occurrences("<rect class=\"definition\"", in: svg) == 2)
        #expect(svg.contains("Definition &lt;g&gt;&amp;, kernel 2"))
        #expect(!svg.contains("<g>&"))
    }

    @Test(arguments: [(0.0, 0.0), (0.9, 1.0), (1.1, 2.0), (0.0042, 0.005), (37, 50)])
    func axisStepsAreOneTwoOrFiveTimesAPowerOfTen(rough: Double, step: Double) {
        #expect(abs(ReportTimeline.niceStep(rough) - step) < 1e-12)
    }
}
