// The generator's reference values, reproducibility, and the moments of every distribution within
// statistical tolerance (fixed seeds, so the tests are deterministic). Tolerances are about five
// standard errors of the estimated moment.

#if canImport(Glibc)
import Glibc
#endif
import Testing
import TesseraStorage
@testable import TesseraNumerics

func moments(_ x: [Double]) -> (mean: Double, variance: Double) {
    let mean = x.reduce(0, +) / Double(x.count)
    let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count - 1)
    return (mean, variance)
}

@Suite struct RandomGeneratorTests {
    @Test func xoshiroMatchesTheReferenceImplementation() {
        // State {1, 2, 3, 4}: the first outputs of the C reference xoshiro256starstar.c.
        var g = Xoshiro256StarStar(seed: 0)
        g.s0 = 1; g.s1 = 2; g.s2 = 3; g.s3 = 4
        let expected: [UInt64] = [11520, 0, 1509978240, 1215971899390074240]
        #expect((0..<4).map { _ in g.next() } == expected)
    }

    @Test func splitMixSeedingMatchesTheReference() {
        // SplitMix64 from seed 0 starts 0xE220A8397B1DCDAF (Vigna's splitmix64.c).
        var s = SplitMix64(state: 0)
        #expect(s.next() == 0xE220_A839_7B1D_CDAF)
    }

    @Test func theSameSeedGivesTheSameNumbers() throws {
        var a = RandomEngine(seed: 2024), b = RandomEngine(seed: 2024), c = RandomEngine(seed: 2025)
        let x = try a.normals(dimensions: [100]).realArray
        #expect(x == (try b.normals(dimensions: [100]).realArray))
        #expect(x != (try c.normals(dimensions: [100]).realArray))
        a.seed(7); b.seed(7)
        #expect(try a.uniformIntegers(lower: 0, upper: 9, dimensions: [50]).integerArray
                == (try b.uniformIntegers(lower: 0, upper: 9, dimensions: [50]).integerArray))
    }

    @Test func unseededEnginesDiffer() {
        var a = RandomEngine(), b = RandomEngine()
        #expect(a.next() != b.next())
    }

    @Test func splitStreamsAreDistinct() {
        var parent = RandomEngine(seed: 1)
        var first = parent.split(), second = parent.split()
        let values = [first.next(), second.next(), parent.next()]
        #expect(Set(values).count == 3)
    }

    @Test func jumpMatchesStepping() {
        // A jump is a fixed linear map: jumping two copies of one state gives the same state.
        var a = Xoshiro256StarStar(seed: 9), b = Xoshiro256StarStar(seed: 9)
        a.jump(); b.jump()
        #expect(a == b)
        #expect(a != Xoshiro256StarStar(seed: 9))
    }

    @Test func bigSeedsUseEveryWord() {
        let a = Xoshiro256StarStar(seedWords: [1, 2]), b = Xoshiro256StarStar(seedWords: [1, 3])
        #expect(a != b)
    }
}

@Suite struct DistributionTests {
    @Test func uniformRealsHaveTheRightMomentsAndRange() throws {
        var random = RandomEngine(seed: 1)
        let x = try random.uniformReals(lower: -2, upper: 3, dimensions: [200_000]).realArray
        #expect(x.allSatisfy { $0 >= -2 && $0 < 3 })
        let (mean, variance) = moments(x)
        #expect(abs(mean - 0.5) < 5 * (25.0 / 12 / 200_000).squareRoot())
        #expect(abs(variance - 25.0 / 12) < 0.03)
    }

    @Test(arguments: [(1, 6), (-3, 3), (0, 1), (10, 10), (Int.min, Int.max), (0, (1 << 62) + 1)])
    func uniformIntegersStayInRangeAndAreUnbiased(_ bounds: (Int, Int)) throws {
        var random = RandomEngine(seed: 2)
        let (lo, hi) = bounds
        let x = try random.uniformIntegers(lower: lo, upper: hi, dimensions: [60_000]).integerArray
        #expect(x.allSatisfy { $0 >= lo && $0 <= hi })
        let width = hi.subtractingReportingOverflow(lo)
        if !width.overflow && width.partialValue < 10 {
            // Every value about equally often (chi-square with a generous bound).
            let k = hi - lo + 1
            var counts = [Int](repeating: 0, count: k)
            for v in x { counts[v - lo] += 1 }
            let expected = Double(x.count) / Double(k)
            let chi2 = counts.reduce(0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
            #expect(chi2 < Double(k - 1) + 6 * Double(2 * max(k - 1, 1)).squareRoot() + 1)
        } else if lo == Int.min {
            #expect(x.contains { $0 < 0 } && x.contains { $0 > 0 })
        }
    }

    @Test func uniformComplexesFillTheRectangle() throws {
        var random = RandomEngine(seed: 3)
        let z = try random.uniformComplexes(lower: ComplexDouble(0, -1), upper: ComplexDouble(2, 1), dimensions: [100_000]).complexArray
        #expect(z.allSatisfy { $0.re >= 0 && $0.re < 2 && $0.im >= -1 && $0.im < 1 })
        #expect(abs(moments(z.map(\.re)).mean - 1) < 0.01)
        #expect(abs(moments(z.map(\.im)).mean) < 0.01)
    }

    /// The vector fill (eight lanes, AVX2 or not) gives exactly what eight scalar generators seeded the
    /// same way give, element i from lane i % 8, whatever the length (tails included).
    @Test(arguments: [64, 67, 1000, 1003])
    func laneFillsEqualEightScalarGenerators(count: Int) throws {
        var engine = RandomEngine(seed: 99)
        var reference = engine.generator
        let lanes = (0..<8).map { _ -> Xoshiro256StarStar in
            var splitMix = SplitMix64(state: reference.next())
            var g = Xoshiro256StarStar(seed: 0)
            g.s0 = splitMix.next(); g.s1 = splitMix.next(); g.s2 = splitMix.next(); g.s3 = splitMix.next()
            return g
        }
        var scalar = lanes
        let expected = (0..<count).map { i in -2 + 5 * (Double(scalar[i % 8].next() >> 11) * 0x1p-53) }
        let x = try engine.uniformReals(lower: -2, upper: 3, dimensions: [count]).realArray
        #expect(x == expected)
        #expect(engine.generator == reference)  // the engine moved on by the eight seed words

        var lanesForComplexes = RandomEngine(seed: 99)
        let z = try lanesForComplexes.uniformComplexes(lower: ComplexDouble(0, -1), upper: ComplexDouble(2, 1),
                                                       dimensions: [count]).complexArray
        scalar = lanes
        let expectedZ = (0..<count).map { i in
            ComplexDouble(0 + 2 * (Double(scalar[(2 * i) % 8].next() >> 11) * 0x1p-53),
                          -1 + 2 * (Double(scalar[(2 * i + 1) % 8].next() >> 11) * 0x1p-53))
        }
        #expect(z == expectedZ)
    }

    @Test(arguments: [(0.0, 1.0), (5.0, 2.0), (-1.0, 0.1)])
    func normalsHaveTheRightMoments(_ parameters: (Double, Double)) throws {
        var random = RandomEngine(seed: 4)
        let (mu, sigma) = parameters
        let n = 400_000
        let x = try random.normals(mean: mu, standardDeviation: sigma, dimensions: [n]).realArray
        let (mean, variance) = moments(x)
        #expect(abs(mean - mu) < 5 * sigma / Double(n).squareRoot())
        #expect(abs(variance / (sigma * sigma) - 1) < 5 * (2.0 / Double(n)).squareRoot())
        // Standardised third and fourth moments: 0 and 3.
        let z = x.map { ($0 - mean) / variance.squareRoot() }
        let skew = z.reduce(0) { $0 + $1 * $1 * $1 } / Double(n)
        let kurtosis = z.reduce(0) { $0 + $1 * $1 * $1 * $1 } / Double(n)
        #expect(abs(skew) < 5 * (6.0 / Double(n)).squareRoot())
        #expect(abs(kurtosis - 3) < 5 * (24.0 / Double(n)).squareRoot())
    }

    @Test func normalTailsAndCDFAreRight() throws {
        // P(|Z| > 3) = 0.0026998, P(|Z| > 3.6541) (the ziggurat's tail) = 0.000258.
        var random = RandomEngine(seed: 5)
        let n = 1_000_000
        let x = try random.normals(dimensions: [n])
        // One pass: tail counts and a histogram of 0.25-wide bins over [-3, 3] for the CDF.
        var beyond3 = 0, beyondR = 0
        var bins = [Int](repeating: 0, count: 26)  // bin 0: x <= -3; bin k: -3 + (k-1)/4 < x <= -3 + k/4
        for v in x.reals {
            if abs(v) > 3 { beyond3 += 1 }
            if abs(v) > 3.6541528853610088 { beyondR += 1 }
            bins[min(25, max(0, Int((v + 3) * 4 + 0.999_999_999_999)))] += 1
        }
        let p3 = Double(beyond3) / Double(n), pR = Double(beyondR) / Double(n)
        #expect(abs(p3 - 0.0026998) < 5 * (0.0027 / Double(n)).squareRoot())
        #expect(abs(pR - 0.000258) < 5 * (0.000258 / Double(n)).squareRoot())
        // Every ziggurat layer is used, including the wedges: the empirical CDF matches at many points.
        var cumulative = 0
        for k in 0..<25 {
            cumulative += bins[k]
            let t = -3 + Double(k) / 4
            let p = Double(cumulative) / Double(n)
            let exact = 0.5 * erfc(-t / 2.0.squareRoot())
            #expect(abs(p - exact) < 5 * (exact * (1 - exact) / Double(n)).squareRoot() + 1e-6, "CDF at \(t)")
        }
    }

    @Test(arguments: [1.0, 0.5, 4.0])
    func exponentialsHaveTheRightMomentsAndCDF(_ rate: Double) throws {
        var random = RandomEngine(seed: 6)
        let n = 400_000
        let x = try random.exponentials(rate: rate, dimensions: [n]).realArray
        #expect(x.allSatisfy { $0 >= 0 })
        let (mean, variance) = moments(x)
        #expect(abs(mean * rate - 1) < 5 / Double(n).squareRoot())
        #expect(abs(variance * rate * rate - 1) < 5 * (8.0 / Double(n)).squareRoot())
        for t in [0.1, 0.5, 1.0, 2.0, 5.0, 8.0] {
            let p = Double(x.lazy.filter { $0 * rate <= t }.count) / Double(n)
            let exact = 1 - exp(-t)
            #expect(abs(p - exact) < 5 * (exact * (1 - exact) / Double(n)).squareRoot() + 1e-6, "CDF at \(t)")
        }
    }

    @Test(arguments: [0.0, 0.3, 3.0, 9.99, 10.0, 47.5, 1000.0, 1e7])
    func poissonsHaveMeanAndVarianceMu(_ mu: Double) throws {
        var random = RandomEngine(seed: 7)
        let n = 200_000
        let k = try random.poissons(mean: mu, dimensions: [n]).integerArray
        #expect(k.allSatisfy { $0 >= 0 })
        let (mean, variance) = moments(k.map(Double.init))
        if mu == 0 { #expect(k.allSatisfy { $0 == 0 }); return }
        #expect(abs(mean - mu) < 5 * (mu / Double(n)).squareRoot())
        #expect(abs(variance / mu - 1) < 5 * ((2 + 1 / mu) / Double(n)).squareRoot())
        if mu == 3 {
            // P(K = 0) = e^-3, P(K = 3) = 4.5 e^-3.
            let p0 = Double(k.filter { $0 == 0 }.count) / Double(n)
            let p3 = Double(k.filter { $0 == 3 }.count) / Double(n)
            #expect(abs(p0 - exp(-3)) < 0.003 && abs(p3 - 4.5 * exp(-3)) < 0.005)
        }
    }

    @Test func invalidParametersAreRejected() {
        var random = RandomEngine(seed: 8)
        #expect(throws: NumericsError.self) { try random.normals(standardDeviation: -1, dimensions: [3]) }
        #expect(throws: NumericsError.self) { try random.exponentials(rate: 0, dimensions: [3]) }
        #expect(throws: NumericsError.self) { try random.poissons(mean: -1, dimensions: [3]) }
        #expect(throws: NumericsError.self) { try random.uniformIntegers(lower: 2, upper: 1, dimensions: [3]) }
        #expect(throws: NumericsError.self) { try random.uniformReals(lower: 0, upper: .infinity, dimensions: [3]) }
    }

    @Test func logGammaMatchesLibm() {
        for x in [1.0, 2.0, 3.0, 4.5, 10.0, 101.0, 1e6] {
            #expect(abs(logGamma(x) - lgamma(x)) < 1e-12 * max(1, abs(lgamma(x))), "x = \(x)")
        }
    }
}

@Suite struct SamplingTests {
    @Test func choiceWithReplacementIsUniform() throws {
        var random = RandomEngine(seed: 10)
        let list = try PackedArray(reals: [10, 20, 30, 40])
        let x = try random.choose(from: list, dimensions: [200, 100]).realArray
        #expect(x.count == 20_000)
        for value in [10.0, 20, 30, 40] {
            let p = Double(x.filter { $0 == value }.count) / 20_000
            #expect(abs(p - 0.25) < 0.015)
        }
    }

    @Test func weightedChoiceFollowsTheWeights() throws {
        var random = RandomEngine(seed: 11)
        let weights = try PackedArray(reals: [1, 0, 3, 6])
        let list = try PackedArray(integers: [0, 1, 2, 3])
        let n = 200_000
        let x = try random.choose(from: list, dimensions: [n], weights: weights).integerArray
        #expect(!x.contains(1))
        for (value, p) in [(0, 0.1), (2, 0.3), (3, 0.6)] {
            let observed = Double(x.filter { $0 == value }.count) / Double(n)
            #expect(abs(observed - p) < 5 * (p * (1 - p) / Double(n)).squareRoot())
        }
    }

    @Test func choosingRowsKeepsTheRowShape() throws {
        var random = RandomEngine(seed: 12)
        let matrix = try PackedArray(integers: [1, 2, 3, 4, 5, 6], dimensions: [3, 2])
        let rows = try random.choose(from: matrix, dimensions: [5])
        #expect(rows.dimensions == [5, 2])
        let values = rows.integerArray
        for r in 0..<5 { #expect(values[2 * r + 1] == values[2 * r] + 1) }
    }

    @Test(arguments: [(10, 10), (10, 3), (1000, 5), (1_000_000, 20), (5, 0)])
    func samplesAreDistinctAndInRange(_ sizes: (Int, Int)) throws {
        var random = RandomEngine(seed: 13)
        let (n, k) = sizes
        let x = try random.sampleIndices(upperBound: n, count: k).integerArray
        #expect(x.count == k && Set(x).count == k && x.allSatisfy { $0 >= 0 && $0 < n })
    }

    @Test func samplesAreUniformOverPositions() throws {
        // Each element of a 5-list is first in a permutation about 1/5 of the time (dense and sparse paths).
        var random = RandomEngine(seed: 14)
        var firstCounts = [Int](repeating: 0, count: 5)
        var sparseCounts = [Int](repeating: 0, count: 50)
        for _ in 0..<20_000 {
            // Keep the arrays alive while reading them (a buffer pointer does not retain its storage).
            let dense = try random.sampleIndices(upperBound: 5, count: 5).integerArray
            let sparse = try random.sampleIndices(upperBound: 50, count: 2).integerArray
            firstCounts[dense[0]] += 1
            sparseCounts[sparse[1]] += 1
        }
        #expect(firstCounts.allSatisfy { abs(Double($0) / 20_000 - 0.2) < 0.015 })
        #expect(sparseCounts.allSatisfy { abs(Double($0) / 20_000 - 0.02) < 0.006 })
    }

    @Test func weightedSamplingWithoutReplacementFollowsSequentialDraws() throws {
        // Weights {1, 2, 7}: the first draw is 2 (0-based) with p = 0.7; given that, the second is 1
        // with p = 2/3. P(order 2, 1, 0) = 0.7 * 2/3 = 0.4667.
        var random = RandomEngine(seed: 15)
        let w = try PackedArray(reals: [1, 2, 7])
        var first2 = 0, order210 = 0
        let trials = 40_000
        for _ in 0..<trials {
            let s = try random.sample(from: try PackedArray(integers: [0, 1, 2]), weights: w).integerArray
            #expect(Set(s).count == 3)
            if s[0] == 2 { first2 += 1 }
            if s == [2, 1, 0] { order210 += 1 }
        }
        #expect(abs(Double(first2) / Double(trials) - 0.7) < 0.012)
        #expect(abs(Double(order210) / Double(trials) - 0.7 * 2 / 3) < 0.012)
        #expect(throws: NumericsError.self) {
            try random.sample(from: try PackedArray(integers: [0, 1]), count: 2, weights: try PackedArray(reals: [1, 0]))
        }
    }

    @Test func aShuffleIsAPermutation() throws {
        var random = RandomEngine(seed: 16)
        let list = try PackedArray(reals: (0..<100).map(Double.init))
        let shuffled = try random.sample(from: list).realArray
        #expect(shuffled.sorted() == list.realArray && shuffled != list.realArray)
    }
}

@Suite struct MultinormalTests {
    func check(mean mu: [Double], covariance sigma: [Double], count n: Int, seed: Int) throws {
        let d = mu.count
        var random = RandomEngine(seed: seed)
        let x = try random.multinormals(mean: try PackedArray(reals: mu), covariance: try PackedArray(reals: sigma, dimensions: [d, d]), count: n)
        #expect(x.dimensions == [n, d])
        let stats = try Statistics.covariance(x).realArray
        let means = try #require(try Statistics.mean(x).array).realArray
        for i in 0..<d {
            #expect(abs(means[i] - mu[i]) < 5 * (sigma[i * d + i] / Double(n)).squareRoot())
            for j in 0..<d {
                // Standard error of a sample covariance: Sqrt[(s_ii s_jj + s_ij^2) / n].
                let se = ((sigma[i * d + i] * sigma[j * d + j] + sigma[i * d + j] * sigma[i * d + j]) / Double(n)).squareRoot()
                #expect(abs(stats[i * d + j] - sigma[i * d + j]) < 5 * se, "entry \(i), \(j)")
            }
        }
    }

    @Test func positiveDefiniteCovariance() throws {
        try check(mean: [1, -2, 3], covariance: [4, 1.2, -0.8, 1.2, 1, 0.3, -0.8, 0.3, 2], count: 200_000, seed: 20)
    }

    @Test func semidefiniteCovarianceUsesTheEigenFactor() throws {
        // Rank one: the second coordinate is twice the first.
        try check(mean: [0, 0], covariance: [1, 2, 2, 4], count: 100_000, seed: 21)
        var random = RandomEngine(seed: 22)
        let x = try random.multinormals(mean: try PackedArray(reals: [0, 0]), covariance: try PackedArray(reals: [1, 2, 2, 4], dimensions: [2, 2]), count: 10).realArray
        for r in 0..<10 { #expect(abs(x[2 * r + 1] - 2 * x[2 * r]) < 1e-12) }
    }

    @Test func largeDimensionAcrossSeveralChunks() throws {
        let d = 20
        var sigma = [Double](repeating: 0, count: d * d)
        for i in 0..<d { for j in 0..<d { sigma[i * d + j] = i == j ? 2 : 0.5 * exp(-Double(abs(i - j))) } }
        try check(mean: (0..<d).map(Double.init), covariance: sigma, count: 50_000, seed: 23)
    }

    @Test func badCovariancesAreRejected() throws {
        var random = RandomEngine(seed: 24)
        let mu = try PackedArray(reals: [0, 0])
        #expect(throws: NumericsError.notPositiveDefinite) {
            try random.multinormals(mean: mu, covariance: try PackedArray(reals: [1, 0, 0, -1], dimensions: [2, 2]), count: 3)
        }
        #expect(throws: NumericsError.notHermitian) {
            try random.multinormals(mean: mu, covariance: try PackedArray(reals: [1, 0.5, 0, 1], dimensions: [2, 2]), count: 3)
        }
        #expect(throws: NumericsError.self) {
            try random.multinormals(mean: mu, covariance: try PackedArray(reals: [1], dimensions: [1, 1]), count: 3)
        }
    }
}
