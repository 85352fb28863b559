// Atoms as text: integers, rationals, reals, strings, symbols, packed arrays and byte arrays.
//
// Atoms are appended straight to the output without going through the piece stack (`writeAtom`);
// that is what keeps a list of a million numbers, packed or not, linear and cheap. A packed array
// prints exactly as the list of numbers it stands for.

import TesseraExpr
import TesseraStorage

extension ExprPrinter {
    /// Writes `e` if it is an atom other than a complex number (parenthesised when its precedence is
    /// below `required`) and returns true; returns false for anything that needs a layout.
    func writeAtom(_ e: Expr, form: TextForm, isHead: Bool, required: Int, into out: inout String) -> Bool {
        let precedence: Int
        switch e {
        case .integer(let i): precedence = i < 0 ? Precedence.minus : Precedence.atom
        case .bigInteger(let b): precedence = b.sign == .minus ? Precedence.minus : Precedence.atom
        case .rational: precedence = form == .full ? Precedence.atom : Precedence.divide
        case .real(let d): precedence = d < 0 ? Precedence.minus : Precedence.atom
        case .string, .symbol, .packed, .byteArray: precedence = Precedence.atom
        case .complex, .normal: return false
        }
        let parenthesise = precedence < required
        if parenthesise { out += "(" }
        switch e {
        case .integer(let i):
            out += String(i)
        case .bigInteger(let b):
            out += String(b)
        case .rational(let n, let d):
            out += form == .full ? "Rational[\(n), \(d)]" : "\(n)/\(d)"
        case .real(let d):
            writeReal(d, form: form, into: &out)
        case .string(let s):
            // wolframscript's result text quotes a string only where it is a head: `"f"[x]`.
            let quoted = form == .input || form == .full || (isHead && form == .output)
            out += quoted ? StringFormatting.quoted(s) : s
        case .symbol(let s):
            out += symbols.displayName(s)
        case .packed(let p):
            writePacked(p, form: form, into: &out)
        case .byteArray(let bytes):
            switch form {
            case .input, .full: out += "ByteArray[\"" + Base64.encode(bytes) + "\"]"
            case .output, .outputForm: out += "ByteArray[<\(bytes.count)>]"
            }
        case .complex, .normal:
            break
        }
        if parenthesise { out += ")" }
        return true
    }

    func writeReal(_ d: Double, form: TextForm, into out: inout String) {
        switch form {
        case .input, .output: RealFormatting.writeInputForm(d, into: &out)
        case .full: RealFormatting.writeInputForm(d, precisionMark: true, into: &out)
        case .outputForm: out += RealFormatting.outputFormText(d)
        }
    }

    // MARK: Packed arrays

    /// `{1, 2, 3}` (or `List[1, 2, 3]` in FullForm), nested by the array's dimensions.
    func writePacked(_ p: PackedArray, form: TextForm, into out: inout String) {
        out.reserveCapacity(out.utf8.count + p.count * 4 + 2)
        var flat = 0
        writePacked(p, level: 0, flat: &flat, form: form, into: &out)
    }

    /// Recursion here follows the rank of the array (a handful of levels), not the element count.
    private func writePacked(_ p: PackedArray, level: Int, flat: inout Int, form: TextForm, into out: inout String) {
        out += form == .full ? "List[" : "{"
        let n = p.dimensions[level]
        let innermost = level + 1 == p.rank
        for i in 0..<n {
            if i > 0 { out += ", " }
            if !innermost {
                writePacked(p, level: level + 1, flat: &flat, form: form, into: &out)
                continue
            }
            switch p.type {
            case .integer: out += String(p.integers[flat])
            case .real: writeReal(p.reals[flat], form: form, into: &out)
            case .complex: writePackedComplex(p.complexes[flat], form: form, into: &out)
            }
            flat += 1
        }
        out += form == .full ? "]" : "}"
    }

    /// As the layout of `Complex[re, im]` with inexact parts: `re + im*I`, `re - |im|*I`.
    private func writePackedComplex(_ c: ComplexDouble, form: TextForm, into out: inout String) {
        if form == .full {
            out += "Complex["
            writeReal(c.re, form: form, into: &out)
            out += ", "
            writeReal(c.im, form: form, into: &out)
            out += "]"
            return
        }
        writeReal(c.re, form: form, into: &out)
        out += c.im < 0 ? " - " : " + "
        writeReal(c.im.magnitude, form: form, into: &out)
        out += form == .outputForm ? " I" : "*I"
    }
}

/// Quoting of strings for InputForm and FullForm.
enum StringFormatting {
    /// `"text"` with `"` and `\` escaped, and control characters written as escapes so that the text
    /// stays on one line. Other characters, including non-ASCII ones, are kept as they are (as
    /// Mathematica does with `$CharacterEncoding` UTF-8).
    static func quoted(_ s: String) -> String {
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0x7F }) {
            return "\"" + s + "\""
        }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{8}": out += "\\b"
            case "\u{C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: false)
                    out += "\\." + (hex.count < 2 ? "0" + hex : hex)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// Standard base64 with padding, as `ByteArray["..."]` shows its bytes.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        let pad = UInt8(ascii: "=")
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let second = i + 1 < bytes.count
            let third = i + 2 < bytes.count
            let v = UInt32(bytes[i]) << 16 | (second ? UInt32(bytes[i + 1]) << 8 : 0) | (third ? UInt32(bytes[i + 2]) : 0)
            out.append(alphabet[Int(v >> 18 & 63)])
            out.append(alphabet[Int(v >> 12 & 63)])
            out.append(second ? alphabet[Int(v >> 6 & 63)] : pad)
            out.append(third ? alphabet[Int(v & 63)] : pad)
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
