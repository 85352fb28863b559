// Helpers shared by the numerics tests: deterministic test data and tolerant comparisons.

#if canImport(Glibc)
import Glibc
#endif
import TesseraStorage
@testable import TesseraNumerics

/// A tiny deterministic generator for test data (independent of the module's own generator).
struct TestData {
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [-1, 1).
    mutating func real() -> Double { Double(next() >> 11) * 0x1p-52 - 1 }

    mutating func reals(_ count: Int) -> [Double] { (0..<count).map { _ in real() } }

    mutating func complexes(_ count: Int) -> [ComplexDouble] { (0..<count).map { _ in ComplexDouble(real(), real()) } }

    mutating func integers(_ count: Int, in range: ClosedRange<Int>) -> [Int] {
        (0..<count).map { _ in range.lowerBound + Int(next() % UInt64(range.count)) }
    }
}

func maxAbsDifference(_ a: [ComplexDouble], _ b: [ComplexDouble]) -> Double {
    zip(a, b).map { hypot($0.re - $1.re, $0.im - $1.im) }.max() ?? 0
}

func maxAbsDifference(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).map { abs($0 - $1) }.max() ?? 0
}

func maxAbs(_ a: [ComplexDouble]) -> Double { a.map { hypot($0.re, $0.im) }.max() ?? 0 }

func maxAbs(_ a: [Double]) -> Double { a.map { abs($0) }.max() ?? 0 }

extension PackedArray {
    var realArray: [Double] { Array(reals) }
    var integerArray: [Int] { Array(integers) }
    var complexArray: [ComplexDouble] { Array(complexes) }
}

/// Row-major matrix product for checks (n x k times k x m).
func multiply(_ a: [Double], _ b: [Double], _ n: Int, _ k: Int, _ m: Int) -> [Double] {
    var c = [Double](repeating: 0, count: n * m)
    for i in 0..<n { for l in 0..<k { let x = a[i * k + l]; for j in 0..<m { c[i * m + j] += x * b[l * m + j] } } }
    return c
}

func multiply(_ a: [ComplexDouble], _ b: [ComplexDouble], _ n: Int, _ k: Int, _ m: Int) -> [ComplexDouble] {
    var c = [ComplexDouble](repeating: ComplexDouble(0, 0), count: n * m)
    for i in 0..<n { for l in 0..<k { let x = a[i * k + l]; for j in 0..<m { c[i * m + j] = c[i * m + j] + x * b[l * m + j] } } }
    return c
}
