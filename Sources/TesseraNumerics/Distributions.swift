// Random variates of the common distributions, written straight into packed arrays.
//
// Each distribution has a fill over an `UnsafeMutableBufferPointer` (the inner loop, which keeps the
// generator state in a local variable) and a convenience that allocates a packed array of the
// requested dimensions. Uniform fills of 64 doubles or more run eight generators at once instead
// (`fillByLanes`). Parameters follow Mathematica:
//
//   RandomReal[{a, b}]                 uniform in [a, b)              `uniformReals`
//   RandomInteger[{lo, hi}]            uniform in lo..hi, unbiased    `uniformIntegers`
//   RandomComplex[{zmin, zmax}]        uniform in the rectangle       `uniformComplexes`
//   NormalDistribution[mu, sigma]      ziggurat                       `normals`
//   ExponentialDistribution[lambda]    ziggurat, mean 1/lambda        `exponentials`
//   PoissonDistribution[mu]            multiplication for mu < 10,
//                                      PTRS (Hoermann 1993) above     `poissons`
//
// Invalid parameters (sigma < 0, lambda <= 0, a non-finite bound, mu out of range) throw
// `invalidArgument`, which the builtins layer turns into the distribution's own message.

#if canImport(Glibc)
import Glibc
#endif
import CRandom
import TesseraStorage

extension RandomEngine {
    // MARK: Uniform

    /// Uniform reals in [lower, upper).
    public mutating func fillUniformReals(_ out: UnsafeMutableBufferPointer<Double>, lower: Double, upper: Double) {
        let width = upper - lower
        if out.count >= Self.laneFillMinimum {
            fillByLanes(out, lower: Array(repeating: lower, count: 8), width: Array(repeating: width, count: 8),
                        upper: Array(repeating: upper, count: 8))
            return
        }
        var g = generator
        defer { generator = g }
        for i in out.indices {
            let x = lower + width * unit(&g)
            // Rounding can land exactly on `upper` when the interval is wide; keep the interval half open.
            out[i] = x < upper ? x : lower
        }
    }

    public mutating func uniformReals(lower: Double = 0, upper: Double = 1,
                                      dimensions: [Int]) throws(NumericsError) -> PackedArray {
        guard lower.isFinite, upper.isFinite, (upper - lower).isFinite, lower <= upper else {
            throw .invalidArgument("uniform bounds must be finite with lower <= upper")
        }
        let result = try allocate(.real, dimensions)
        fillUniformReals(result.reals, lower: lower, upper: upper)
        return result
    }

    /// Uniform integers in lower...upper, each value equally likely (Lemire's method, no modulo bias).
    public mutating func fillUniformIntegers(_ out: UnsafeMutableBufferPointer<Int>, lower: Int, upper: Int) {
        var g = generator
        defer { generator = g }
        let span = UInt64(bitPattern: Int64(upper &- lower)) &+ 1
        for i in out.indices { out[i] = boundedInteger(&g, lower: lower, span: span) }
    }

    public mutating func uniformIntegers(lower: Int, upper: Int, dimensions: [Int]) throws(NumericsError) -> PackedArray {
        guard lower <= upper else { throw .invalidArgument("uniform integer bounds need lower <= upper") }
        let result = try allocate(.integer, dimensions)
        fillUniformIntegers(result.integers, lower: lower, upper: upper)
        return result
    }

    /// Uniform complex numbers in the rectangle with corners `lower` and `upper` (real and imaginary
    /// parts independent and uniform), as RandomComplex[{zmin, zmax}].
    public mutating func fillUniformComplexes(_ out: UnsafeMutableBufferPointer<ComplexDouble>,
                                              lower: ComplexDouble, upper: ComplexDouble) {
        let width = upper.re - lower.re, height = upper.im - lower.im
        if out.count * 2 >= Self.laneFillMinimum {
            // Real and imaginary parts alternate in memory: lanes 0, 2, 4, 6 make real parts.
            let doubles = UnsafeMutableRawBufferPointer(out).bindMemory(to: Double.self)
            fillByLanes(doubles, lower: (0..<8).map { $0 % 2 == 0 ? lower.re : lower.im },
                        width: (0..<8).map { $0 % 2 == 0 ? width : height },
                        upper: (0..<8).map { $0 % 2 == 0 ? upper.re : upper.im })
            return
        }
        var g = generator
        defer { generator = g }
        for i in out.indices {
            let re = lower.re + width * unit(&g)
            let im = lower.im + height * unit(&g)
            out[i] = ComplexDouble(re, im)
        }
    }

    public mutating func uniformComplexes(lower: ComplexDouble, upper: ComplexDouble,
                                          dimensions: [Int]) throws(NumericsError) -> PackedArray {
        guard lower.isFinite, upper.isFinite else { throw .invalidArgument("uniform bounds must be finite") }
        let result = try allocate(.complex, dimensions)
        fillUniformComplexes(result.complexes, lower: lower, upper: upper)
        return result
    }

    // MARK: Lanes

    /// Fills from this many doubles up run eight generators side by side (`crandom_fill_uniform`):
    /// 0.3-0.4 ns a double against 1.4 ns for one generator. Below it, seeding the lanes costs more
    /// than it saves.
    static let laneFillMinimum = 64

    /// out[i] = lower[i % 8] + width[i % 8] * u from eight xoshiro256** lanes, each seeded by
    /// SplitMix64 from one word of this generator (the expansion used for `SeedRandom`), so the
    /// values follow from the seed and this generator moves on by eight words.
    /// `lower`, `width` and `upper` have one entry per lane.
    mutating func fillByLanes(_ out: UnsafeMutableBufferPointer<Double>, lower: [Double], width: [Double], upper: [Double]) {
        var state = [UInt64](repeating: 0, count: 32)
        for lane in 0..<8 {
            var splitMix = SplitMix64(state: generator.next())
            for word in 0..<4 { state[word * 8 + lane] = splitMix.next() }
            if (0..<4).allSatisfy({ state[$0 * 8 + lane] == 0 }) { state[lane] = 1 }
        }
        crandom_fill_uniform(&state, out.baseAddress, out.count, lower, width, upper)
    }

    // MARK: Normal

    /// One standard normal deviate.
    public mutating func standardNormal() -> Double {
        TesseraNumerics.standardNormal(&generator, ZigguratTables.shared)
    }

    /// Normal deviates with the given mean and standard deviation.
    public mutating func fillNormals(_ out: UnsafeMutableBufferPointer<Double>, mean: Double = 0,
                                     standardDeviation: Double = 1) {
        guard let base = out.baseAddress else { return }
        var g = generator
        defer { generator = g }
        let tables = ZigguratTables.shared
        if mean == 0 && standardDeviation == 1 {
            for i in 0..<out.count { base[i] = TesseraNumerics.standardNormal(&g, tables) }
        } else {
            for i in 0..<out.count { base[i] = mean + standardDeviation * TesseraNumerics.standardNormal(&g, tables) }
        }
    }

    public mutating func normals(mean: Double = 0, standardDeviation: Double = 1,
                                 dimensions: [Int]) throws(NumericsError) -> PackedArray {
        guard mean.isFinite, standardDeviation.isFinite, standardDeviation >= 0 else {
            throw .invalidArgument("NormalDistribution needs a finite mean and sigma >= 0")
        }
        let result = try allocate(.real, dimensions)
        fillNormals(result.reals, mean: mean, standardDeviation: standardDeviation)
        return result
    }

    // MARK: Exponential

    /// Exponential deviates with rate `rate` (mean 1/rate), as ExponentialDistribution[rate].
    public mutating func fillExponentials(_ out: UnsafeMutableBufferPointer<Double>, rate: Double = 1) {
        guard let base = out.baseAddress else { return }
        var g = generator
        defer { generator = g }
        let tables = ZigguratTables.shared
        let scale = 1 / rate
        for i in 0..<out.count { base[i] = scale * standardExponential(&g, tables) }
    }

    public mutating func exponentials(rate: Double = 1, dimensions: [Int]) throws(NumericsError) -> PackedArray {
        guard rate.isFinite, rate > 0 else { throw .invalidArgument("ExponentialDistribution needs a rate > 0") }
        let result = try allocate(.real, dimensions)
        fillExponentials(result.reals, rate: rate)
        return result
    }

    // MARK: Poisson

    /// Poisson deviates with mean `mean` (0 <= mean <= 1e18).
    public mutating func fillPoissons(_ out: UnsafeMutableBufferPointer<Int>, mean: Double) {
        var g = generator
        defer { generator = g }
        if mean == 0 {
            out.update(repeating: 0)
        } else if mean < 10 {
            let limit = exp(-mean)
            for i in out.indices { out[i] = poissonByMultiplication(&g, limit: limit) }
        } else {
            let constants = PoissonPTRS(mean: mean)
            for i in out.indices { out[i] = constants.sample(&g) }
        }
    }

    public mutating func poissons(mean: Double, dimensions: [Int]) throws(NumericsError) -> PackedArray {
        guard mean.isFinite, mean >= 0, mean <= 1e18 else {
            throw .invalidArgument("PoissonDistribution needs 0 <= mu <= 10^18")
        }
        let result = try allocate(.integer, dimensions)
        fillPoissons(result.integers, mean: mean)
        return result
    }
}

/// Knuth's method: count uniforms until their product drops below e^-mean. O(mean) uniforms.
@inline(__always)
func poissonByMultiplication(_ g: inout Xoshiro256StarStar, limit: Double) -> Int {
    var count = 0
    var product = unit(&g)
    while product > limit {
        count += 1
        product *= unit(&g)
    }
    return count
}

/// W. Hoermann, "The transformed rejection method for generating Poisson random variables",
/// Insurance: Mathematics and Economics 12 (1993): PTRS, for mean >= 10. About 1.1 pairs of
/// uniforms a deviate whatever the mean. Constants as in the paper (and numpy).
struct PoissonPTRS {
    let mean: Double
    let logMean: Double
    let b: Double
    let a: Double
    let logInverseAlpha: Double
    let vr: Double

    init(mean: Double) {
        self.mean = mean
        logMean = log(mean)
        let slam = mean.squareRoot()
        b = 0.931 + 2.53 * slam
        a = -0.059 + 0.02483 * b
        logInverseAlpha = log(1.1239 + 1.1328 / (b - 3.4))
        vr = 0.9277 - 3.6224 / (b - 2)
    }

    @inline(__always)
    func sample(_ g: inout Xoshiro256StarStar) -> Int {
        while true {
            let u = unit(&g) - 0.5
            let v = unit(&g)
            let us = 0.5 - abs(u)
            let kReal = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr { return Int(kReal) }
            if kReal < 0 || (us < 0.013 && v > us) { continue }
            if log(v) + logInverseAlpha - log(a / (us * us) + b) <= -mean + kReal * logMean - logGamma(kReal + 1) {
                return Int(kReal)
            }
        }
    }
}

/// log Gamma(x) for x >= 1 by Stirling's series (as numpy's `random_loggam`); thread-safe, unlike
/// glibc's `lgamma`, which writes the global `signgam`.
func logGamma(_ x: Double) -> Double {
    let coefficients: (Double, Double, Double, Double, Double, Double, Double, Double, Double, Double) =
        (8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04, -5.952380952380952e-04,
         8.417508417508418e-04, -1.917526917526918e-03, 6.410256410256410e-03, -2.955065359477124e-02,
         1.796443723688307e-01, -1.39243221690590e+00)
    if x == 1 || x == 2 { return 0 }
    let shift = x < 7 ? Int(7 - x) : 0
    var x0 = x + Double(shift)
    let x2 = (1 / x0) * (1 / x0)
    var series = coefficients.9
    series = series * x2 + coefficients.8
    series = series * x2 + coefficients.7
    series = series * x2 + coefficients.6
    series = series * x2 + coefficients.5
    series = series * x2 + coefficients.4
    series = series * x2 + coefficients.3
    series = series * x2 + coefficients.2
    series = series * x2 + coefficients.1
    series = series * x2 + coefficients.0
    var result = series / x0 + 0.5 * 1.8378770664093453 + (x0 - 0.5) * log(x0) - x0
    for _ in 0..<shift {
        result -= log(x0 - 1)
        x0 -= 1
    }
    return result
}
