// Equal, Unequal, Less, LessEqual, Greater, GreaterEqual between packed arrays and scalars, giving
// an integer mask (1 for True, 0 for False) of the threaded shape, as Boole[Thread[...]] would.
//
// Mathematica compares approximate numbers with a tolerance: two machine reals are Equal when they
// differ in at most their last seven binary digits, i.e. |x - y| <= 2^-45 max(|x|, |y|) here (52-bit
// significands, 7 bits of slack). The order comparisons use the same notion: x < y is True only when
// x is below y and not Equal to it. Integers against integers compare exactly; an integer against
// a real is compared as a real. Complex numbers have Equal/Unequal (both parts within tolerance of
// the larger magnitude) but no order: `unsupportedType`.

import TesseraStorage

/// The comparison operators.
public enum Comparison: Sendable, CaseIterable {
    case equal, unequal, less, lessEqual, greater, greaterEqual
}

extension Elementwise {
    /// Relative tolerance of machine-real Equal: 7 of the 52 significand bits.
    static let equalTolerance = 0x1p-45

    /// `Boole[lhs op rhs]` elementwise with Listable threading: an integer 0/1 array.
    public static func compare(_ comparison: Comparison, _ lhs: Operand,
                               _ rhs: Operand) throws(NumericsError) -> PackedArray {
        let layout = try BroadcastLayout(lhs.dimensions, rhs.dimensions)
        let result = try allocate(.integer, layout.resultDimensions)
        let out = result.integers.baseAddress!
        switch Promotion.commonType(lhs.type, rhs.type) {
        case .integer:
            try layout.forEachBlock(integerSource(lhs), integerSource(rhs)) { (x, y, offset, count) throws(NumericsError) in
                switch comparison {
                case .equal: apply(x, y, out + offset, count) { $0 == $1 ? 1 : 0 }
                case .unequal: apply(x, y, out + offset, count) { $0 != $1 ? 1 : 0 }
                case .less: apply(x, y, out + offset, count) { $0 < $1 ? 1 : 0 }
                case .lessEqual: apply(x, y, out + offset, count) { $0 <= $1 ? 1 : 0 }
                case .greater: apply(x, y, out + offset, count) { $0 > $1 ? 1 : 0 }
                case .greaterEqual: apply(x, y, out + offset, count) { $0 >= $1 ? 1 : 0 }
                }
            }
        case .real:
            try withRealSource(lhs) { (a) throws(NumericsError) in
                try withRealSource(rhs) { (b) throws(NumericsError) in
                    try layout.forEachBlock(a, b) { (x, y, offset, count) throws(NumericsError) in
                        switch comparison {
                        case .equal: apply(x, y, out + offset, count) { machineEqual($0, $1) ? 1 : 0 }
                        case .unequal: apply(x, y, out + offset, count) { machineEqual($0, $1) ? 0 : 1 }
                        case .less: apply(x, y, out + offset, count) { $0 < $1 && !machineEqual($0, $1) ? 1 : 0 }
                        case .lessEqual: apply(x, y, out + offset, count) { $0 < $1 || machineEqual($0, $1) ? 1 : 0 }
                        case .greater: apply(x, y, out + offset, count) { $0 > $1 && !machineEqual($0, $1) ? 1 : 0 }
                        case .greaterEqual: apply(x, y, out + offset, count) { $0 > $1 || machineEqual($0, $1) ? 1 : 0 }
                        }
                    }
                }
            }
        case .complex:
            guard comparison == .equal || comparison == .unequal else { throw .unsupportedType(.complex) }
            let equalValue = comparison == .equal ? 1 : 0
            try withComplexSource(lhs) { (a) throws(NumericsError) in
                try withComplexSource(rhs) { (b) throws(NumericsError) in
                    try layout.forEachBlock(a, b) { (x, y, offset, count) throws(NumericsError) in
                        apply(x, y, out + offset, count) { machineEqual($0, $1) ? equalValue : 1 - equalValue }
                    }
                }
            }
        }
        return result
    }
}

/// Mathematica's Equal for machine reals.
@inline(__always)
func machineEqual(_ x: Double, _ y: Double) -> Bool {
    x == y || Swift.abs(x - y) <= Elementwise.equalTolerance * Swift.max(Swift.abs(x), Swift.abs(y))
}

@inline(__always)
func machineEqual(_ x: ComplexDouble, _ y: ComplexDouble) -> Bool {
    if x == y { return true }
    let scale = Swift.max(x.magnitude, y.magnitude)
    return Swift.abs(x.re - y.re) <= Elementwise.equalTolerance * scale
        && Swift.abs(x.im - y.im) <= Elementwise.equalTolerance * scale
}
