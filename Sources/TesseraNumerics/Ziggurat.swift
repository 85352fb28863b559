// Ziggurat samplers for the standard normal and standard exponential distributions.
//
// Marsaglia and Tsang's ziggurat ("The Ziggurat Method for Generating Random Variables", J. Stat.
// Software 5(8), 2000) with 256 layers, in the 64-bit form numpy uses: one 64-bit word supplies the
// layer index (8 bits), the sign (1 bit, normal only) and a 52/53-bit abscissa, so that the value
// and the layer are independent (Doornik's correction of the original 32-bit scheme). About 99% of
// draws return after one word, one multiply and one compare; the rest test the wedge with `exp`, or
// sample the tail (normal: Marsaglia's exponential method beyond r; exponential: memorylessness).
//
// The tables are computed once, from the layer count, the tail start r and the layer area v
// (normal r = 3.6541528853610088, v = 0.00492867323399; exponential r = 7.69711747013104972,
// v = 0.0039496598225815571993), with the recurrence of Marsaglia and Tsang's `zigset`.

#if canImport(Glibc)
import Glibc
#endif

/// The precomputed strips of both ziggurats. Immutable after construction.
final class ZigguratTables: @unchecked Sendable {
    static let shared = ZigguratTables()

    static let normalR = 3.6541528853610088
    static let exponentialR = 7.69711747013104972

    /// Normal: accept |x| when the 52-bit abscissa is below `normalK[i]`; x = abscissa * `normalW[i]`.
    let normalK: UnsafeMutablePointer<UInt64>
    let normalW: UnsafeMutablePointer<Double>
    let normalF: UnsafeMutablePointer<Double>
    /// Exponential, with a 53-bit abscissa.
    let exponentialK: UnsafeMutablePointer<UInt64>
    let exponentialW: UnsafeMutablePointer<Double>
    let exponentialF: UnsafeMutablePointer<Double>

    private init() {
        normalK = .allocate(capacity: 256); normalW = .allocate(capacity: 256); normalF = .allocate(capacity: 256)
        exponentialK = .allocate(capacity: 256); exponentialW = .allocate(capacity: 256); exponentialF = .allocate(capacity: 256)

        // Normal, f(x) = exp(-x^2/2).
        let m1 = 0x1p52
        var dn = Self.normalR, tn = dn
        let vn = 0.00492867323399
        let q = vn / exp(-0.5 * dn * dn)
        normalK[0] = UInt64((dn / q) * m1)
        normalK[1] = 0
        normalW[0] = q / m1
        normalW[255] = dn / m1
        normalF[0] = 1
        normalF[255] = exp(-0.5 * dn * dn)
        for i in stride(from: 254, through: 1, by: -1) {
            dn = (-2 * log(vn / dn + exp(-0.5 * dn * dn))).squareRoot()
            normalK[i + 1] = UInt64((dn / tn) * m1)
            tn = dn
            normalF[i] = exp(-0.5 * dn * dn)
            normalW[i] = dn / m1
        }

        // Exponential, f(x) = exp(-x).
        let m2 = 0x1p53
        var de = Self.exponentialR, te = de
        let ve = 0.0039496598225815571993
        let qe = ve / exp(-de)
        exponentialK[0] = UInt64((de / qe) * m2)
        exponentialK[1] = 0
        exponentialW[0] = qe / m2
        exponentialW[255] = de / m2
        exponentialF[0] = 1
        exponentialF[255] = exp(-de)
        for i in stride(from: 254, through: 1, by: -1) {
            de = -log(ve / de + exp(-de))
            exponentialK[i + 1] = UInt64((de / te) * m2)
            te = de
            exponentialF[i] = exp(-de)
            exponentialW[i] = de / m2
        }
    }
}

/// A standard normal deviate.
@inline(__always)
func standardNormal(_ generator: inout Xoshiro256StarStar, _ tables: ZigguratTables) -> Double {
    while true {
        let bits = generator.next()
        let layer = Int(bits & 0xFF)
        let abscissa = (bits >> 10) & 0x000F_FFFF_FFFF_FFFF
        // The sign bit (bit 8) goes straight into the IEEE sign: a random branch would mispredict half the time.
        let sign = (bits & 0x100) << 55
        let x = Double(bitPattern: (Double(abscissa) * tables.normalW[layer]).bitPattern | sign)
        if abscissa < tables.normalK[layer] { return x }
        if let value = normalSlowPath(&generator, tables, layer: layer, x: x, negative: sign != 0) { return value }
    }
}

/// The 1% of normal draws outside the rectangles: the base layer's tail, or a wedge test.
@inline(never)
func normalSlowPath(_ generator: inout Xoshiro256StarStar, _ tables: ZigguratTables,
                    layer: Int, x: Double, negative: Bool) -> Double? {
    if layer == 0 {
        // Tail beyond r (Marsaglia 1964); 1 - U avoids log(0).
        let r = ZigguratTables.normalR
        while true {
            let xx = -log1p(-unit(&generator)) / r
            let yy = -log1p(-unit(&generator))
            if yy + yy > xx * xx { return negative ? -(r + xx) : r + xx }
        }
    }
    let f0 = tables.normalF[layer - 1], f1 = tables.normalF[layer]
    if (f0 - f1) * unit(&generator) + f1 < exp(-0.5 * x * x) { return x }
    return nil
}

/// A standard exponential deviate (mean 1).
@inline(__always)
func standardExponential(_ generator: inout Xoshiro256StarStar, _ tables: ZigguratTables) -> Double {
    while true {
        var bits = generator.next() >> 3
        let layer = Int(bits & 0xFF)
        bits >>= 8
        let x = Double(bits) * tables.exponentialW[layer]
        if bits < tables.exponentialK[layer] { return x }
        if layer == 0 {
            // The exponential is memoryless: the tail beyond r is r plus a fresh deviate.
            return ZigguratTables.exponentialR - log1p(-unit(&generator))
        }
        let f0 = tables.exponentialF[layer - 1], f1 = tables.exponentialF[layer]
        if (f0 - f1) * unit(&generator) + f1 < exp(-x) { return x }
    }
}

/// Uniform in [0, 1) with 53 bits.
@inline(__always)
func unit(_ generator: inout Xoshiro256StarStar) -> Double { Double(generator.next() >> 11) * 0x1p-53 }
