// How the Method option cuts n items into contiguous units on a number of kernels.

import Testing
@testable import TesseraParallel

struct ParallelMethodTests {
    @Test(arguments: [
        (ParallelMethod.finestGrained, 5, 2, [1, 1, 1, 1, 1]),
        (.coarsestGrained, 10, 3, [4, 3, 3]),
        (.coarsestGrained, 2, 4, [1, 1]),
        (.evaluationsPerKernel(2), 10, 2, [3, 3, 2, 2]),
        (.itemsPerEvaluation(4), 10, 2, [4, 3, 3]),
        // Automatic: units of Ceiling[(items/kernels)^(2/3)] items: (128/2)^(2/3) = 16.
        (.automatic, 128, 2, Array(repeating: 16, count: 8)),
        (.automatic, 10, 2, [3, 3, 2, 2]),
        (.automatic, 0, 2, []),
    ])
    func unitsAreContiguousAndDifferByAtMostOne(method: ParallelMethod, items: Int, kernels: Int, sizes: [Int]) {
        let ranges = method.ranges(items: items, kernels: kernels)
        #expect(ranges.map(\.count) == sizes)
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        #expect(ranges.first?.lowerBound ?? 0 == 0 && ranges.last?.upperBound ?? 0 == items)
    }
}
