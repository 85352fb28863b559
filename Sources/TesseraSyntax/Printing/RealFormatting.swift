// Machine reals as text.
//
// InputForm (and the result text of `wolframscript`) shows the shortest decimal digits that read back as
// the same double (`0.1`, `0.30000000000000004`), which is exactly what Swift's `description` computes; we
// only re-layout those digits. A number is written positionally when its decimal exponent is in -5...5
// (`0.00001`, `999999.`) and with a `*^` exponent otherwise (`1.5*^-6`, `1.*^6`); an integral value
// keeps its point (`1.`). FullForm adds the machine-precision mark: `1.5``, `2.5`*^-10`.
//
// OutputForm rounds to 6 significant digits (`3.14159`, `15.`). The rounding is done by the C library's
// `%.5e`, which rounds the exact binary value, not its shortest decimal (rounding "1.234565" half-up
// would be wrong when the double lies just below it).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Layout of machine reals.
enum RealFormatting {
    /// Significant decimal digits of a finite non-zero magnitude, and the exponent `e` with
    /// value = 0.d1d2d3... × 10^e.
    struct Digits {
        var digits: [UInt8]
        var pointExponent: Int
    }

    /// Appends the InputForm text of `value` (with `precisionMark`, the FullForm text).
    ///
    /// Fast path: Swift's shortest form is already positional (`0.37`, `123456.0`) for most values; when
    /// Mathematica would also write it positionally, only the `.0` of an integral value changes.
    static func writeInputForm(_ value: Double, precisionMark: Bool = false, into out: inout String) {
        if value.isFinite && value != 0 {
            let text = value.magnitude.description
            if let exponent = positionalExponent(text), exponent >= -5 && exponent <= 5 {
                if value < 0 { out += "-" }
                out += text.hasSuffix(".0") ? text.dropLast() : text[...]
                if precisionMark { out += "`" }
                return
            }
        }
        out += inputText(value, precisionMark: precisionMark)
    }

    /// For Swift's positional text of a positive double ("123.45", "0.0012"), the decimal exponent of its
    /// first significant digit; nil for exponential text ("1e-05").
    private static func positionalExponent(_ text: String) -> Int? {
        var position = 0
        var point = -1
        var firstSignificant = -1
        for c in text.utf8 {
            if c == UInt8(ascii: "e") { return nil }
            if c == UInt8(ascii: ".") {
                point = position
            } else if firstSignificant < 0 && c != UInt8(ascii: "0") {
                firstSignificant = position
            }
            position += 1
        }
        guard point >= 0, firstSignificant >= 0 else { return nil }
        // "123.4": three digits before the point; "0.0012": the first digit sits three places after it.
        return firstSignificant < point ? point - firstSignificant - 1 : point - firstSignificant
    }

    /// The text of `value` in InputForm (or, with `precisionMark`, FullForm).
    static func inputText(_ value: Double, precisionMark: Bool = false) -> String {
        if let special = nonFinite(value) { return special }
        let mark = precisionMark ? "`" : ""
        if value == 0 { return "0." + mark }
        let sign = value < 0 ? "-" : ""
        let d = shortestDigits(value.magnitude)
        return sign + layout(d, mark: mark, exponentPrefix: "*^")
    }

    /// The text of `value` in OutputForm: 6 significant digits, `*10^` for exponents on one line.
    static func outputFormText(_ value: Double) -> String {
        if let special = nonFinite(value) { return special }
        if value == 0 { return "0." }
        let sign = value < 0 ? "-" : ""
        let d = roundedDigits(value.magnitude, significant: 6)
        return sign + layout(d, mark: "", exponentPrefix: "*10^")
    }

    /// NaN and infinities never arise from correct arithmetic (Mathematica has no such reals); print the
    /// symbols a reader would expect rather than Swift's "nan" and "inf".
    private static func nonFinite(_ value: Double) -> String? {
        if value.isNaN { return "Indeterminate" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return nil
    }

    /// Positional layout for exponents -5...5, scientific otherwise.
    static func layout(_ d: Digits, mark: String, exponentPrefix: String) -> String {
        let scientific = d.pointExponent - 1
        var text = ""
        if scientific < -5 || scientific > 5 {
            text.append(Character(Unicode.Scalar(d.digits[0])))
            text += "."
            text += String(decoding: d.digits.dropFirst(), as: UTF8.self)
            return text + mark + exponentPrefix + String(scientific)
        }
        let point = d.pointExponent
        if point <= 0 {
            text = "0." + String(repeating: "0", count: -point) + String(decoding: d.digits, as: UTF8.self)
        } else if d.digits.count <= point {
            text = String(decoding: d.digits, as: UTF8.self) + String(repeating: "0", count: point - d.digits.count) + "."
        } else {
            text = String(decoding: d.digits[..<point], as: UTF8.self) + "." + String(decoding: d.digits[point...], as: UTF8.self)
        }
        return text + mark
    }

    /// Shortest round-trip digits, read off Swift's `description` ("1.5e-06", "12345.678", "1e+16").
    static func shortestDigits(_ magnitude: Double) -> Digits {
        let text = magnitude.description.utf8
        var mantissa: [UInt8] = []
        var integerDigits = 0
        var seenPoint = false
        var exponent = 0
        var index = text.startIndex
        while index != text.endIndex {
            let c = text[index]
            if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                exponent = Int(String(decoding: text[text.index(after: index)...], as: UTF8.self)) ?? 0
                break
            }
            if c == UInt8(ascii: ".") {
                seenPoint = true
            } else {
                mantissa.append(c)
                if !seenPoint { integerDigits += 1 }
            }
            index = text.index(after: index)
        }
        return normalized(mantissa, pointExponent: integerDigits + exponent)
    }

    /// Digits of `magnitude` correctly rounded to `significant` digits.
    static func roundedDigits(_ magnitude: Double, significant: Int) -> Digits {
        var buffer = [CChar](repeating: 0, count: 64)
        let written = withVaList([magnitude]) { arguments in
            buffer.withUnsafeMutableBufferPointer { pointer in
                vsnprintf(pointer.baseAddress, pointer.count, "%.\(significant - 1)e", arguments)
            }
        }
        let text = buffer.prefix(Int(max(written, 0))).map { UInt8(bitPattern: $0) }
        guard let e = text.firstIndex(of: UInt8(ascii: "e")) else { return shortestDigits(magnitude) }
        let mantissa = text[..<e].filter { $0 != UInt8(ascii: ".") }
        let exponent = Int(String(decoding: text[(e + 1)...], as: UTF8.self)) ?? 0
        return normalized(Array(mantissa), pointExponent: exponent + 1)
    }

    /// Strips leading zeros (moving the point) and trailing zeros.
    private static func normalized(_ digits: [UInt8], pointExponent: Int) -> Digits {
        var start = 0
        var point = pointExponent
        while start < digits.count - 1 && digits[start] == UInt8(ascii: "0") {
            start += 1
            point -= 1
        }
        var end = digits.count
        while end > start + 1 && digits[end - 1] == UInt8(ascii: "0") { end -= 1 }
        return Digits(digits: Array(digits[start..<end]), pointExponent: point)
    }
}
