// Elementwise functions of one packed array: Minus, Abs, Sqrt, Exp, Log, Sin, Cos, Tan, Re, Im,
// Conjugate, Arg, Round, Floor, Ceiling.
//
// As with the binary kernels, a result is either exactly the packed array Mathematica would give or
// the kernel throws, so the caller can take its general path:
// - Minus and Abs of integers are integers (`integerOverflow` for -(-2^63)).
// - Sqrt and Log of a negative real are complex, Log[0.] is -Infinity, Exp can overflow: the real
//   kernels throw `notRepresentable` then. Complex input always gives complex output.
// - The transcendental functions of *integers* are exact symbols in Mathematica (Sqrt[2], Sin[1]);
//   here integers are treated as machine reals, i.e. these are N[f[x]]. The caller calls them for
//   integer arrays only when a numeric value is wanted.
// - Re, Im, Conjugate: Im of a real number is the exact integer 0, so Im of an integer or real array
//   is an integer array of zeros; Re and Conjugate of non-complex arrays are copies.
// - Arg of a non-negative real or integer is the exact 0, of a negative real Pi as a real; an array
//   with both kinds is not packable (`notRepresentable`), nor is Arg of a negative integer (exact Pi).
// - Round (to even, as Mathematica's Round), Floor and Ceiling of reals give integers; values outside
//   the 64-bit range throw `notRepresentable` (the caller makes big integers). Of complex numbers
//   they give Gaussian integers, which are not packable: `notRepresentable`.

#if canImport(Glibc)
import Glibc
#endif
import TesseraStorage

/// The elementwise functions of one argument.
public enum UnaryOperation: Sendable, CaseIterable {
    case negate, abs, sqrt, exp, log, sin, cos, tan
    case re, im, conjugate, arg
    case round, floor, ceiling
}

extension Elementwise {
    /// `f[array]` for a Listable numeric function f, elementwise.
    public static func unary(_ operation: UnaryOperation, _ array: PackedArray) throws(NumericsError) -> PackedArray {
        switch array.type {
        case .integer: return try integerUnary(operation, array)
        case .real: return try realUnary(operation, array)
        case .complex: return try complexUnary(operation, array)
        }
    }

    // MARK: Integers

    private static func integerUnary(_ operation: UnaryOperation, _ array: PackedArray) throws(NumericsError) -> PackedArray {
        let x = array.integers
        let n = array.count
        switch operation {
        case .negate, .abs:
            let result = try allocate(.integer, array.dimensions)
            let y = result.integers
            var flags = 0
            if operation == .negate {
                for i in 0..<n { flags |= x[i] == .min ? 1 : 0; y[i] = 0 &- x[i] }
            } else {
                for i in 0..<n { flags |= x[i] == .min ? 1 : 0; y[i] = x[i] < 0 ? 0 &- x[i] : x[i] }
            }
            if flags != 0 { throw .integerOverflow }
            return result
        case .re, .conjugate, .round, .floor, .ceiling:
            return try mutableCopy(array, as: .integer)
        case .im:
            return try allocate(.integer, array.dimensions)
        case .arg:
            // Arg[n] = 0 for n >= 0, Pi (exact) for n < 0.
            for v in x where v < 0 { throw .notRepresentable }
            return try allocate(.integer, array.dimensions)
        case .sqrt, .exp, .log, .sin, .cos, .tan:
            return try realUnary(operation, try Promotion.converted(array, to: .real))
        }
    }

    // MARK: Reals

    private static func realUnary(_ operation: UnaryOperation, _ array: PackedArray) throws(NumericsError) -> PackedArray {
        let x = array.reals.baseAddress!
        let n = array.count
        switch operation {
        case .re, .conjugate:
            return try mutableCopy(array, as: .real)
        case .im:
            return try allocate(.integer, array.dimensions)
        case .arg:
            var negative = 0
            for i in 0..<n where x[i] < 0 { negative += 1 }
            if negative == 0 { return try allocate(.integer, array.dimensions) }
            guard negative == n else { throw .notRepresentable }
            return try Promotion.filled(.real(Double.pi), dimensions: array.dimensions)
        case .round, .floor, .ceiling:
            let rule: FloatingPointRoundingRule = operation == .round ? .toNearestOrEven : operation == .floor ? .down : .up
            let result = try allocate(.integer, array.dimensions)
            let y = result.integers.baseAddress!
            var flags = 0
            for i in 0..<n {
                let r = x[i].rounded(rule)
                // 2^63 itself is out of range; the comparison also rejects NaN.
                if r >= -0x1p63 && r < 0x1p63 { y[i] = Int(r) } else { flags = 1 }
            }
            if flags != 0 { throw .notRepresentable }
            return result
        default:
            break
        }
        let result = try allocateUninitialized(.real, array.dimensions)
        let y = result.reals.baseAddress!
        var flags: UInt64 = 0
        switch operation {
        case .negate: for i in 0..<n { y[i] = -x[i] }
        case .abs: for i in 0..<n { y[i] = Swift.abs(x[i]) }
        case .sqrt:
            for i in 0..<n { flags |= x[i] < 0 ? 1 : 0; y[i] = x[i].squareRoot() }
        case .exp:
            for i in 0..<n { let r = Glibc.exp(x[i]); flags |= nonFiniteBit(r); y[i] = r }
        case .log:
            for i in 0..<n { flags |= x[i] <= 0 ? 1 : 0; y[i] = Glibc.log(x[i]) }
        case .sin: for i in 0..<n { y[i] = Glibc.sin(x[i]) }
        case .cos: for i in 0..<n { y[i] = Glibc.cos(x[i]) }
        case .tan: for i in 0..<n { let r = Glibc.tan(x[i]); flags |= nonFiniteBit(r); y[i] = r }
        default: throw .notRepresentable
        }
        if flags != 0 { throw .notRepresentable }
        return result
    }

    // MARK: Complex numbers

    private static func complexUnary(_ operation: UnaryOperation, _ array: PackedArray) throws(NumericsError) -> PackedArray {
        let z = array.complexes.baseAddress!
        let n = array.count
        switch operation {
        case .re, .im, .abs, .arg:
            let result = try allocateUninitialized(.real, array.dimensions)
            let y = result.reals.baseAddress!
            switch operation {
            case .re: for i in 0..<n { y[i] = z[i].re }
            case .im: for i in 0..<n { y[i] = z[i].im }
            case .abs: for i in 0..<n { y[i] = z[i].magnitude }
            default: for i in 0..<n { y[i] = z[i].argument }
            }
            return result
        case .round, .floor, .ceiling:
            throw .notRepresentable
        default:
            break
        }
        let result = try allocateUninitialized(.complex, array.dimensions)
        let w = result.complexes.baseAddress!
        var flags: UInt64 = 0
        @inline(__always) func store(_ i: Int, _ value: ComplexDouble) {
            flags |= nonFiniteBit(value.re) | nonFiniteBit(value.im)
            w[i] = value
        }
        switch operation {
        case .negate: for i in 0..<n { w[i] = -z[i] }
        case .conjugate: for i in 0..<n { w[i] = z[i].conjugate }
        case .sqrt: for i in 0..<n { store(i, ComplexDouble.sqrt(z[i])) }
        case .exp: for i in 0..<n { store(i, ComplexDouble.exp(z[i])) }
        case .log:
            for i in 0..<n {
                if z[i].re == 0 && z[i].im == 0 { flags = 1 }
                store(i, ComplexDouble.log(z[i]))
            }
        case .sin: for i in 0..<n { store(i, ComplexDouble.sin(z[i])) }
        case .cos: for i in 0..<n { store(i, ComplexDouble.cos(z[i])) }
        case .tan: for i in 0..<n { store(i, ComplexDouble.tan(z[i])) }
        default: throw .notRepresentable
        }
        if flags != 0 { throw .notRepresentable }
        return result
    }
}
