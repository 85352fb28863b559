// Fast conversions between BigInt and Int.
//
// BigInt's own conversions are generic over BinaryInteger and are not specialised across the module
// boundary: `Int(exactly: big)` and `BigInt(int)` cost hundreds of nanoseconds (a negative value even
// allocates), which showed up in every rational operation of numeric code. These two go through the
// concrete words and the non-generic literal initialiser instead.

import BigInt

extension BigInt {
    /// The value as an `Int`, if it is in `-(2^63 - 1)...(2^63 - 1)` (Int.min is left to the slow path).
    @inline(__always)
    public var machineValue: Int? {
        // Two calls into BigInt (its collection of words costs one per `count`, `isEmpty`, index).
        let width = magnitude.bitWidth
        if width == 0 { return 0 }
        guard width <= 63 else { return nil }
        let w = magnitude.words[0]
        return sign == .minus ? -Int(w) : Int(w)
    }

    /// A machine integer as a BigInt (Int.min through BigInt's own conversion).
    @inline(__always)
    public init(machine value: Int) {
        if value == .min {
            self.init(value)
        } else {
            self.init(sign: value < 0 ? .minus : .plus, magnitude: BigUInt(integerLiteral: UInt64(value.magnitude)))
        }
    }
}
