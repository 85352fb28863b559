// The pseudo-random generator of a kernel.
//
// Generator: xoshiro256** 1.0 (D. Blackman and S. Vigna, "Scrambled linear pseudorandom number
// generators", ACM TOMS 47(4), 2021; https://prng.di.unimi.it). 256 bits of state, period
// 2^256 - 1, equidistributed in 4 dimensions, passes BigCrush and PractRand; about 1 ns a 64-bit
// word. `jump()` advances by 2^128 steps, which gives non-overlapping streams for subkernels.
//
// Seeding: the four state words come from SplitMix64 applied to the seed, the expansion Vigna
// recommends (it never yields the all-zero state). `SeedRandom[n]` maps to `RandomEngine(seed:)`;
// a seed larger than 64 bits is passed as its words. An unseeded engine takes its seed from the
// operating system (getrandom / urandom, through Swift's `SystemRandomNumberGenerator`).
//
// The engine is a value: the kernel holds one and passes it `inout`; there is no global generator.
// Bulk fills (`Distributions.swift`) copy the state into a local variable for the loop, so that it
// lives in registers, and store it back at the end. Uniform fills of 64 doubles or more run eight
// generators seeded from this one side by side instead (`fillByLanes`, CRandom's xoshiro_lanes.c).

/// xoshiro256** 1.0.
public struct Xoshiro256StarStar: RandomNumberGenerator, Equatable, Sendable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// The state from SplitMix64 over `seed`.
    public init(seed: UInt64) {
        var splitMix = SplitMix64(state: seed)
        s0 = splitMix.next(); s1 = splitMix.next(); s2 = splitMix.next(); s3 = splitMix.next()
    }

    /// The state from several seed words (a big integer seed, least significant word first).
    public init(seedWords: [UInt64]) {
        var splitMix = SplitMix64(state: 0x6A09_E667_F3BC_C909 ^ UInt64(seedWords.count))
        var words = (splitMix.next(), splitMix.next(), splitMix.next(), splitMix.next())
        for (index, word) in seedWords.enumerated() {
            // Each word perturbs the SplitMix stream; mixing keeps every word significant.
            var mixer = SplitMix64(state: word &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15 ^ words.0)
            words = (words.0 ^ mixer.next(), words.1 ^ mixer.next(), words.2 ^ mixer.next(), words.3 ^ mixer.next())
        }
        s0 = words.0; s1 = words.1; s2 = words.2; s3 = words.3
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = (s1 &* 5).rotatedLeft(7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3.rotatedLeft(45)
        return result
    }

    /// Advances the state by 2^128 calls of `next()` (the published jump polynomial).
    public mutating func jump() {
        let polynomial: [UInt64] = [0x180E_C6D3_3CFD_0ABA, 0xD5A6_1266_F0C9_392C,
                                    0xA958_2618_E03F_C9AA, 0x39AB_DC45_29B1_661C]
        var (t0, t1, t2, t3): (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        for word in polynomial {
            for bit in 0..<64 {
                if word & (1 << UInt64(bit)) != 0 {
                    t0 ^= s0; t1 ^= s1; t2 ^= s2; t3 ^= s3
                }
                _ = next()
            }
        }
        s0 = t0; s1 = t1; s2 = t2; s3 = t3
    }
}

extension UInt64 {
    @inlinable @inline(__always)
    func rotatedLeft(_ count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}

/// SplitMix64 (Steele, Lea, Flood 2014), used only to expand seeds.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The random state of a kernel: a seedable xoshiro256** with the distributions on top.
///
///     var random = RandomEngine(seed: 42)          // SeedRandom[42]
///     let x = try random.uniformReals(lower: 0, upper: 1, dimensions: [1000])
///     let z = try random.normals(mean: 0, standardDeviation: 1, dimensions: [10, 10])
public struct RandomEngine: RandomNumberGenerator, Sendable {
    @usableFromInline var generator: Xoshiro256StarStar

    /// A generator seeded from the operating system's entropy.
    public init() {
        var system = SystemRandomNumberGenerator()
        generator = Xoshiro256StarStar(seedWords: [system.next(), system.next(), system.next(), system.next()])
    }

    /// `SeedRandom[seed]`: the same seed gives the same sequence on every machine.
    public init(seed: Int) {
        generator = Xoshiro256StarStar(seed: UInt64(bitPattern: Int64(seed)))
    }

    /// A seed of any size, as 64-bit words (least significant first), e.g. from a big integer or a string.
    public init(seedWords: [UInt64]) {
        generator = Xoshiro256StarStar(seedWords: seedWords)
    }

    /// Reseeds in place (`SeedRandom[seed]` on an existing kernel).
    public mutating func seed(_ seed: Int) { self = RandomEngine(seed: seed) }

    /// A generator 2^128 steps ahead, for a subkernel; this engine also moves past that block so that
    /// successive calls hand out disjoint streams.
    public mutating func split() -> RandomEngine {
        generator.jump()
        var child = self
        child.generator = generator
        generator.jump()
        return child
    }

    @inlinable @inline(__always)
    public mutating func next() -> UInt64 { generator.next() }

    /// Uniform in [0, 1) with 53 random bits.
    @inlinable @inline(__always)
    public mutating func nextUnit() -> Double { Double(generator.next() >> 11) * 0x1p-53 }

    /// Uniform integer in lower...upper (any bounds, lower <= upper), without modulo bias.
    public mutating func uniformInteger(_ lower: Int, _ upper: Int) -> Int {
        boundedInteger(&generator, lower: lower, span: UInt64(bitPattern: Int64(upper &- lower)) &+ 1)
    }
}

/// lower + a uniform integer in [0, span) by Lemire's multiply-shift with rejection ("Fast random
/// integer generation in an interval", ACM TOMS 2019): unbiased, and almost never divides.
/// `span == 0` stands for 2^64 (the full range of Int).
@inline(__always)
func boundedInteger(_ generator: inout Xoshiro256StarStar, lower: Int, span: UInt64) -> Int {
    if span == 0 { return Int(bitPattern: UInt(generator.next())) }
    var product = generator.next().multipliedFullWidth(by: span)
    if product.low < span {
        let threshold = (0 &- span) % span
        while product.low < threshold {
            product = generator.next().multipliedFullWidth(by: span)
        }
    }
    return lower &+ Int(bitPattern: UInt(product.high))
}
