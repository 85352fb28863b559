// The vocabulary of WXF: one byte opens every token, and one byte names the element type of an array.
//
// The byte values are fixed by Wolfram's format ("WXFFormatDescription"); they are spelled out here once
// so that the writer and the reader cannot disagree. Most token bytes are printable ASCII letters, which
// makes a hex dump readable: `66 02 73 01 66` is `f 2 s "f"`.

import TesseraStorage

/// The first byte of each WXF token.
public enum WXFToken: UInt8, Sendable, CaseIterable {
    /// `f`: varint argument count, the head, then the arguments.
    case function = 0x66
    /// `s`: varint length and the UTF-8 name; `System`` names go bare, others with their context.
    case symbol = 0x73
    /// `S`: varint length and UTF-8 text.
    case string = 0x53
    /// `B`: varint length and raw bytes (a `ByteArray`).
    case binaryString = 0x42
    /// `C`: a machine integer in one byte.
    case integer8 = 0x43
    /// `j`: a machine integer in two bytes, little-endian.
    case integer16 = 0x6A
    /// `i`: four bytes.
    case integer32 = 0x69
    /// `L`: eight bytes.
    case integer64 = 0x4C
    /// `r`: an IEEE 754 double, little-endian.
    case real64 = 0x72
    /// `I`: varint length and ASCII decimal digits, `-` first when negative.
    case bigInteger = 0x49
    /// `R`: varint length and the InputForm text of an arbitrary-precision real (`1.5`20.`).
    case bigReal = 0x52
    /// `Á`: element type, varint rank, the dimensions, then the raw row-major elements.
    case packedArray = 0xC1
    /// `Â`: a NumericArray, laid out like a packed array but allowing unsigned element types.
    case numericArray = 0xC2
    /// `A`: varint rule count, then that many rule tokens.
    case association = 0x41
    /// `-`: key and value of a `Rule`, valid only directly inside an association.
    case rule = 0x2D
    /// `:`: key and value of a `RuleDelayed`, valid only directly inside an association.
    case ruleDelayed = 0x3A
}

/// The element types of packed and numeric arrays (the byte after `Á` or `Â`).
public enum WXFElementType: UInt8, Sendable, CaseIterable {
    case integer8 = 0x00
    case integer16 = 0x01
    case integer32 = 0x02
    case integer64 = 0x03
    case unsignedInteger8 = 0x10
    case unsignedInteger16 = 0x11
    case unsignedInteger32 = 0x12
    case unsignedInteger64 = 0x13
    case real32 = 0x22
    case real64 = 0x23
    case complexReal32 = 0x33
    case complexReal64 = 0x34

    /// Bytes of one element (a complex element is two reals, re then im).
    public var byteWidth: Int {
        switch self {
        case .integer8, .unsignedInteger8: return 1
        case .integer16, .unsignedInteger16: return 2
        case .integer32, .unsignedInteger32, .real32: return 4
        case .integer64, .unsignedInteger64, .real64, .complexReal32: return 8
        case .complexReal64: return 16
        }
    }

    /// The type's name in Wolfram Language, as the second argument of `NumericArray[data, type]`.
    public var name: String {
        switch self {
        case .integer8: return "Integer8"
        case .integer16: return "Integer16"
        case .integer32: return "Integer32"
        case .integer64: return "Integer64"
        case .unsignedInteger8: return "UnsignedInteger8"
        case .unsignedInteger16: return "UnsignedInteger16"
        case .unsignedInteger32: return "UnsignedInteger32"
        case .unsignedInteger64: return "UnsignedInteger64"
        case .real32: return "Real32"
        case .real64: return "Real64"
        case .complexReal32: return "ComplexReal32"
        case .complexReal64: return "ComplexReal64"
        }
    }

    /// The type with this Wolfram Language name (`"Real32"`), if any.
    public init?(name: String) {
        guard let found = WXFElementType.allCases.first(where: { $0.name == name }) else { return nil }
        self = found
    }

    /// Packed arrays have no unsigned element types; numeric arrays have all of them.
    public var isPackable: Bool {
        switch self {
        case .unsignedInteger8, .unsignedInteger16, .unsignedInteger32, .unsignedInteger64: return false
        default: return true
        }
    }

    public var isInteger: Bool {
        switch self {
        case .integer8, .integer16, .integer32, .integer64,
             .unsignedInteger8, .unsignedInteger16, .unsignedInteger32, .unsignedInteger64: return true
        default: return false
        }
    }

    public var isComplex: Bool { self == .complexReal32 || self == .complexReal64 }

    /// The Tessera storage type that holds this element type without loss (integers widen to `Int`,
    /// Real32 to `Double`, ComplexReal32 to a pair of `Double`s). `UnsignedInteger64` values above
    /// `Int.max` do not fit; the reader handles them apart.
    public var packedType: PackedType {
        switch self {
        case .real32, .real64: return .real
        case .complexReal32, .complexReal64: return .complex
        default: return .integer
        }
    }

    /// The closed range of an integer type, as `Int` bounds (`UnsignedInteger64` is cut at `Int.max`).
    public var integerRange: ClosedRange<Int> {
        switch self {
        case .integer8: return Int(Int8.min)...Int(Int8.max)
        case .integer16: return Int(Int16.min)...Int(Int16.max)
        case .integer32: return Int(Int32.min)...Int(Int32.max)
        case .unsignedInteger8: return 0...Int(UInt8.max)
        case .unsignedInteger16: return 0...Int(UInt16.max)
        case .unsignedInteger32: return 0...Int(UInt32.max)
        case .unsignedInteger64: return 0...Int.max
        default: return Int.min...Int.max
        }
    }

    /// The smallest signed type whose range holds `minimum...maximum`: what Wolfram's `BinarySerialize`
    /// picks for a packed integer array.
    static func smallestSigned(minimum: Int, maximum: Int) -> WXFElementType {
        for type in [WXFElementType.integer8, .integer16, .integer32] {
            let range = type.integerRange
            if range.contains(minimum) && range.contains(maximum) { return type }
        }
        return .integer64
    }
}

/// The two headers. The header is never compressed; in `8C:` everything after it is one zlib stream.
public enum WXFHeader: Sendable {
    /// `8:`
    public static let plain: [UInt8] = [0x38, 0x3A]
    /// `8C:`
    public static let compressed: [UInt8] = [0x38, 0x43, 0x3A]
}

#if _endian(big)
#error("TesseraWire copies array elements as raw bytes and WXF is little-endian: big-endian hosts need byte swapping")
#endif
