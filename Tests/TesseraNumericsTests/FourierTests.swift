// Fourier against a direct evaluation of Mathematica's definition, for many lengths, ranks,
// element types and FourierParameters.

#if canImport(Glibc)
import Glibc
#endif
import Testing
import TesseraStorage
@testable import TesseraNumerics

/// Direct O(n^2) sum along every axis: X_s = n^(-scale) Sum_r u_r Exp[2 Pi I b r s / n].
func directFourier(_ u: [ComplexDouble], _ dims: [Int], b: Double, scaleExponent: Double) -> [ComplexDouble] {
    var data = u
    var after = data.count, before = 1
    for n in dims {
        after /= n
        var out = data
        for block in 0..<before {
            for line in 0..<after {
                let base = block * n * after + line
                for s in 0..<n {
                    var sum = ComplexDouble(0, 0)
                    for r in 0..<n {
                        let phase: Double
                        if b == b.rounded() {
                            // Reduce the integer product exactly so the reference stays accurate.
                            let k = ((Int(b) % n + n) % n * (r * s % n)) % n
                            phase = 2 * Double.pi * Double(k) / Double(n)
                        } else {
                            phase = 2 * Double.pi * b * Double(r * s) / Double(n)
                        }
                        sum = sum + data[base + r * after] * ComplexDouble(cos(phase), sin(phase))
                    }
                    out[base + s * after] = sum
                }
            }
        }
        data = out
        before *= n
    }
    let scale = pow(Double(u.count), -scaleExponent)
    return data.map { $0 * scale }
}

struct FourierCase: CustomStringConvertible, Sendable {
    var dims: [Int]
    var a: Double
    var b: Double
    var description: String { "dims \(dims) {\(a), \(b)}" }
}

let fourierParameterSets: [(Double, Double)] = [(0, 1), (1, 1), (-1, 1), (1, -1), (0, 2), (0, -3), (0, 0.5), (1, 0)]

let fourierCases: [FourierCase] = {
    let shapes: [[Int]] = [[1], [2], [3], [7], [8], [13], [97], [100], [1001],
                           [1, 5], [3, 4], [7, 8], [5, 1],
                           [2, 3, 5], [4, 1, 3], [3, 3, 3]]
    return shapes.flatMap { dims in fourierParameterSets.map { FourierCase(dims: dims, a: $0.0, b: $0.1) } }
}()

@Suite struct FourierTests {
    let engine = FourierEngine()

    func check(_ result: [ComplexDouble], _ expected: [ComplexDouble], _ label: String) {
        let tolerance = 1e-10 * (maxAbs(expected) + 1)
        #expect(maxAbsDifference(result, expected) <= tolerance, "\(label)")
    }

    @Test(arguments: fourierCases)
    func complexInputMatchesTheDefinition(_ c: FourierCase) throws {
        var data = TestData(seed: UInt64(c.dims.reduce(1, *)))
        let u = data.complexes(c.dims.reduce(1, *))
        let input = try PackedArray(complexes: u, dimensions: c.dims)
        let parameters = FourierParameters(a: c.a, b: c.b)
        let forward = try engine.fourier(input, parameters: parameters)
        #expect(forward.type == .complex && forward.dimensions == c.dims)
        check(forward.complexArray, directFourier(u, c.dims, b: c.b, scaleExponent: (1 - c.a) / 2), "Fourier \(c)")
        let inverse = try engine.inverseFourier(input, parameters: parameters)
        check(inverse.complexArray, directFourier(u, c.dims, b: -c.b, scaleExponent: (1 + c.a) / 2), "InverseFourier \(c)")
    }

    @Test(arguments: fourierCases)
    func realInputMatchesTheDefinition(_ c: FourierCase) throws {
        var data = TestData(seed: 7 &* UInt64(c.dims.reduce(1, *)))
        let u = data.reals(c.dims.reduce(1, *))
        let input = try PackedArray(reals: u, dimensions: c.dims)
        let parameters = FourierParameters(a: c.a, b: c.b)
        let forward = try engine.fourier(input, parameters: parameters)
        let expected = directFourier(u.map { ComplexDouble($0, 0) }, c.dims, b: c.b, scaleExponent: (1 - c.a) / 2)
        check(forward.complexArray, expected, "Fourier real \(c)")
        let inverse = try engine.inverseFourier(input, parameters: parameters)
        let expectedInverse = directFourier(u.map { ComplexDouble($0, 0) }, c.dims, b: -c.b, scaleExponent: (1 + c.a) / 2)
        check(inverse.complexArray, expectedInverse, "InverseFourier real \(c)")
    }

    @Test(arguments: [[5], [8], [3, 4], [2, 3, 4]])
    func integerInputIsTransformedAsReals(_ dims: [Int]) throws {
        var data = TestData(seed: 99)
        let u = data.integers(dims.reduce(1, *), in: -50...50)
        let result = try engine.fourier(try PackedArray(integers: u, dimensions: dims))
        check(result.complexArray, directFourier(u.map { ComplexDouble(Double($0), 0) }, dims, b: 1, scaleExponent: 0.5), "integers \(dims)")
    }

    @Test func mathematicaExampleValues() throws {
        // Fourier[{1, 2, 3, 4}] = {5., -1. - 1. I, -1., -1. + 1. I}
        let result = try engine.fourier(try PackedArray(reals: [1, 2, 3, 4]))
        check(result.complexArray, [ComplexDouble(5, 0), ComplexDouble(-1, -1), ComplexDouble(-1, 0), ComplexDouble(-1, 1)], "example")
    }

    @Test func roundTripOfALargePrimeLength() throws {
        var data = TestData(seed: 5)
        let u = data.complexes(10007)
        let input = try PackedArray(complexes: u)
        let back = try engine.inverseFourier(try engine.fourier(input))
        check(back.complexArray, u, "round trip")
    }

    @Test func aViewAtAnOddOffsetIsTransformedCorrectly() throws {
        // A row of a matrix starts 8 bytes past a 64-byte boundary: a plan for other alignment is made.
        var data = TestData(seed: 11)
        let u = data.reals(3 * 9)
        let matrix = try PackedArray(reals: u, dimensions: [3, 9])
        for row in 0..<3 {
            let view = matrix.slice(row)
            let result = try engine.fourier(view)
            let expected = directFourier(u[(row * 9)..<(row * 9 + 9)].map { ComplexDouble($0, 0) }, [9], b: 1, scaleExponent: 0.5)
            check(result.complexArray, expected, "row \(row)")
        }
    }

    @Test func plansAreCachedAndReused() throws {
        let local = FourierEngine(planCapacity: 4)
        let input = try PackedArray(complexes: { var d = TestData(seed: 1); return d.complexes(64) }())
        _ = try local.fourier(input)
        let count = local.cachedPlanCount
        _ = try local.fourier(input)
        #expect(local.cachedPlanCount == count)
        for n in 10..<20 { _ = try local.fourier(try PackedArray(complexes: { var d = TestData(seed: 2); return d.complexes(n) }())) }
        #expect(local.cachedPlanCount <= 4)
        local.removeCachedPlans()
        #expect(local.cachedPlanCount == 0)
    }

    @Test func emptyOrScalarInputIsRejected() throws {
        #expect(throws: NumericsError.self) { try engine.fourier(try PackedArray(reals: [])) }
        #expect(throws: NumericsError.self) { try engine.fourier(try PackedArray(reals: [1], dimensions: [])) }
    }

    @Test func threadedPlansGiveTheSameResult() throws {
        let threaded = FourierEngine(threads: 2)
        var data = TestData(seed: 3)
        let u = data.complexes(4096)
        let input = try PackedArray(complexes: u, dimensions: [64, 64])
        check(try threaded.fourier(input).complexArray, try engine.fourier(input).complexArray, "threads")
    }
}
