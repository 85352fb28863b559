// Mean, Variance, StandardDeviation, Covariance and Median against values worked out by hand (the
// same as Mathematica's) and against direct formulas on random data.

import Testing
import TesseraStorage
@testable import TesseraNumerics

@Suite struct StatisticsTests {
    @Test func vectorStatistics() throws {
        // Mean[{1., 2., 4., 7.}] = 3.5, Variance = 7., Median = 3.
        let v = try PackedArray(reals: [1, 2, 4, 7])
        #expect(try Statistics.mean(v).scalar == .real(3.5))
        #expect(try Statistics.variance(v).scalar == .real(7))
        #expect(try Statistics.standardDeviation(v).scalar == .real(7.0.squareRoot()))
        #expect(try Statistics.median(v).scalar == .real(3))
        #expect(try Statistics.median(try PackedArray(reals: [5, 1, 3])).scalar == .real(3))
    }

    @Test func matrixStatisticsAreColumnwise() throws {
        // m = {{1, 2}, {3, 6}, {5, 4}}: Mean = {3, 4}, Variance = {4, 4}, Median = {3, 4}
        let m = try PackedArray(reals: [1, 2, 3, 6, 5, 4], dimensions: [3, 2])
        #expect(try #require(try Statistics.mean(m).array).realArray == [3, 4])
        #expect(try #require(try Statistics.variance(m).array).realArray == [4, 4])
        #expect(try #require(try Statistics.median(m).array).realArray == [3, 4])
        // Covariance[m] = {{4, 2}, {2, 4}}
        #expect(try Statistics.covariance(m).realArray == [4, 2, 2, 4])
    }

    @Test func integerInput() throws {
        let v = try PackedArray(integers: [1, 2, 3, 4])
        #expect(try Statistics.mean(v).scalar == .real(2.5))
        // Median[{1, 2, 3, 4}] = 5/2 is a Rational: declined. Median[{1, 3, 5, 7}] = 4.
        #expect(throws: NumericsError.notRepresentable) { try Statistics.median(v) }
        #expect(try Statistics.median(try PackedArray(integers: [7, 1, 5, 3])).scalar == .integer(4))
        #expect(try Statistics.median(try PackedArray(integers: [Int.max, Int.max - 2])).scalar == .integer(Int.max - 1))
        let m = try PackedArray(integers: [1, 10, 3, 20, 5, 30], dimensions: [3, 2])
        #expect(try #require(try Statistics.median(m).array).integerArray == [3, 20])
    }

    @Test func varianceIsAccurateForALargeOffset() throws {
        // Values 1e9 + {0, 1, 2}: the variance is exactly 1.
        let v = try PackedArray(reals: [1e9, 1e9 + 1, 1e9 + 2])
        #expect(try Statistics.variance(v).scalar == .real(1))
    }

    @Test func complexVarianceAndCovariance() throws {
        // Variance[{I, -I}] = 2 (|I - 0|^2 + |-I - 0|^2) / 1
        let z = try PackedArray(complexes: [ComplexDouble(0, 1), ComplexDouble(0, -1)])
        #expect(try Statistics.variance(z).scalar == .real(2))
        #expect(try Statistics.mean(z).scalar == .complex(ComplexDouble(0, 0)))
        // Covariance[{1, 2}, {I, 2 I}] = {-1/2, 1/2}.Conjugate[{-I/2, I/2}] = -I/2
        let c = try Statistics.covariance(try PackedArray(reals: [1, 2]), try PackedArray(complexes: [ComplexDouble(0, 1), ComplexDouble(0, 2)]))
        #expect(c == .complex(ComplexDouble(0, -0.5)))
        let m = try PackedArray(complexes: [ComplexDouble(1, 0), ComplexDouble(0, 1), ComplexDouble(0, 0), ComplexDouble(0, 0)], dimensions: [2, 2])
        let cov = try Statistics.covariance(m).complexArray
        // Columns {1, 0} and {I, 0}: c12 = {1/2, -1/2}.Conjugate[{I/2, -I/2}] = -I/2, c21 = I/2
        #expect(maxAbsDifference(cov, [ComplexDouble(0.5, 0), ComplexDouble(0, -0.5), ComplexDouble(0, 0.5), ComplexDouble(0.5, 0)]) < 1e-15)
    }

    @Test(arguments: [1, 2, 3, 10, 101, 1000])
    func medianMatchesSorting(_ n: Int) throws {
        var data = TestData(seed: UInt64(n))
        let x = data.reals(n)
        let sorted = x.sorted()
        let expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
        #expect(try Statistics.median(try PackedArray(reals: x)).scalar == .real(expected))
        // Many duplicates.
        let y = data.integers(n, in: 0...3).map(Double.init)
        let sortedY = y.sorted()
        let expectedY = n % 2 == 1 ? sortedY[n / 2] : (sortedY[n / 2 - 1] + sortedY[n / 2]) / 2
        #expect(try Statistics.median(try PackedArray(reals: y)).scalar == .real(expectedY))
    }

    @Test func covarianceOfRandomDataMatchesTheDefinition() throws {
        var data = TestData(seed: 77)
        let (n, d) = (50, 4)
        let x = data.reals(n * d)
        let cov = try Statistics.covariance(try PackedArray(reals: x, dimensions: [n, d])).realArray
        var means = [Double](repeating: 0, count: d)
        for r in 0..<n { for j in 0..<d { means[j] += x[r * d + j] / Double(n) } }
        for i in 0..<d {
            for j in 0..<d {
                var sum = 0.0
                for r in 0..<n { sum += (x[r * d + i] - means[i]) * (x[r * d + j] - means[j]) }
                #expect(abs(cov[i * d + j] - sum / Double(n - 1)) < 1e-14)
            }
        }
        let pair = try Statistics.covariance(try PackedArray(reals: (0..<n).map { x[$0 * d] }), try PackedArray(reals: (0..<n).map { x[$0 * d + 1] }))
        guard case .real(let c01) = pair else { Issue.record("real expected"); return }
        #expect(abs(c01 - cov[1]) < 1e-14)
    }

    @Test func tooShortInputIsRejected() throws {
        #expect(throws: NumericsError.self) { try Statistics.variance(try PackedArray(reals: [1])) }
        #expect(throws: NumericsError.self) { try Statistics.mean(try PackedArray(reals: [])) }
        #expect(throws: NumericsError.unsupportedType(.complex)) {
            try Statistics.median(try PackedArray(complexes: [ComplexDouble(1, 1)]))
        }
    }
}
