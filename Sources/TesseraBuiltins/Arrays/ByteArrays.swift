// ByteArray, ByteArrayQ, BaseEncode and BaseDecode.
//
// A byte array is an atom (`Expr.byteArray`), as in Mathematica: `ByteArray[{1, 2, 3}]` and
// `ByteArray["AQID"]` (base64) both evaluate to it, and it evaluates to itself from then on. The printer
// shows it as `ByteArray["AQID"]` in InputForm and `ByteArray[<3>]` in OutputForm. Length, Part,
// Normal and the other list views of it live in ArrayAtoms.swift.

import TesseraCore
import TesseraExpr
import TesseraStorage

enum ByteArrayBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("ByteArray", messages: [
            "lend": "The argument at position 1 in `1` should be a vector of unsigned byte values or a Base64-encoded string.",
        ], byteArray),
        BuiltinSpec("ByteArrayQ", byteArrayQ),
        BuiltinSpec("BaseEncode", baseEncode),
        BuiltinSpec("BaseDecode", baseDecode),
    ]

    static func byteArray(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        switch c[0] {
        case .byteArray:
            return c[0]
        case .string(let text):
            guard let bytes = Base64Text.decode(text) else { return k.fail(c, "lend", c.expr) }
            return .byteArray(bytes)
        case .packed(let p):
            guard p.type == .integer, p.rank == 1 else { return k.fail(c, "lend", c.expr) }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(p.count)
            for v in p.integers {
                guard let b = UInt8(exactly: v) else { return k.fail(c, "lend", c.expr) }
                bytes.append(b)
            }
            return .byteArray(bytes)
        case .normal where c[0].isList(k.sys):
            let elements = c[0].arguments
            var bytes: [UInt8] = []
            bytes.reserveCapacity(elements.count)
            for e in elements {
                guard case .integer(let v) = e, let b = UInt8(exactly: v) else { return k.fail(c, "lend", c.expr) }
                bytes.append(b)
            }
            return .byteArray(bytes)
        default:
            return k.fail(c, "lend", c.expr)
        }
    }

    static func byteArrayQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        if case .byteArray = c[0] { return k.bool(true) }
        return k.bool(false)
    }
}

extension ByteArrayBuiltins {
    /// Only the default encoding, "Base64", so far.
    static func baseEncode(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2), case .byteArray(let bytes) = c[0] else { return nil }
        if c.count == 2 && c[1].asString != "Base64" { return nil }
        return .string(Base64Text.encode(bytes))
    }

    static func baseDecode(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2), case .string(let text) = c[0] else { return nil }
        if c.count == 2 && c[1].asString != "Base64" { return nil }
        guard let bytes = Base64Text.decode(text) else { return nil }
        return .byteArray(bytes)
    }
}

/// Standard base64 (RFC 4648). Decoding, as `ByteArray["..."]` takes it: padding optional, white space ignored,
/// the URL-safe letters `-` and `_` accepted for `+` and `/`.
enum Base64Text {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// With padding, as `BaseEncode` gives it.
    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let n = min(3, bytes.count - i)
            var v = UInt32(bytes[i]) << 16
            if n > 1 { v |= UInt32(bytes[i + 1]) << 8 }
            if n > 2 { v |= UInt32(bytes[i + 2]) }
            for j in 0..<4 {
                out.append(j <= n ? alphabet[Int(v >> UInt32(18 - 6 * j) & 63)] : UInt8(ascii: "="))
            }
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count / 4 * 3 + 3)
        var accumulator: UInt32 = 0
        var bits = 0
        var padding = 0
        for byte in text.utf8 {
            let value: UInt32
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(byte - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(byte - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(byte - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "+"), UInt8(ascii: "-"): value = 62
            case UInt8(ascii: "/"), UInt8(ascii: "_"): value = 63
            case UInt8(ascii: "="):
                padding += 1
                continue
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                continue
            default:
                return nil
            }
            // Nothing but padding and white space may follow padding.
            if padding > 0 { return nil }
            accumulator = accumulator << 6 | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
                accumulator &= (1 << UInt32(bits)) - 1
            }
        }
        // A lone sixth of a byte cannot come from any byte string; at most two `=` are allowed.
        if bits >= 6 || padding > 2 { return nil }
        return out
    }
}
