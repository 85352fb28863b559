// Numbers in the fields of text files, as Mathematica's tabular Import reads them.
//
// A field is a number when, blanks around it aside, it is `[+-]digits[.digits][exponent]` (or
// `.digits`, `digits.`), the exponent being `e`/`E` (C, Fortran, spreadsheets) or `*^` (Mathematica's
// own InputForm, so that Export's text reads back): "007" is 7, " 2 " is 2, "1e3" and "1.5" are reals.
// Without a point or exponent it is an Integer (beyond 64 bits a big one), else a machine Real. Anything
// else ("1,5", "0x10", "NaN", "1e") is not a number and stays a string.
//
// This runs once per field of files with millions of fields: it scans bytes in place, builds integers
// digit by digit, and hands reals to the C library's correctly rounded `strtod` from a stack copy.

#if canImport(Glibc)
import Glibc
#endif
import BigInt
import TesseraExpr

enum NumberText {
    /// The number a field stands for, or nil when the field is text.
    static func number(_ field: UnsafeRawBufferPointer) -> Expr? {
        var start = 0
        var end = field.count
        while start < end && (field[start] == 0x20 || field[start] == 0x09) { start += 1 }
        while end > start && (field[end - 1] == 0x20 || field[end - 1] == 0x09) { end -= 1 }
        guard start < end else { return nil }
        let text = UnsafeRawBufferPointer(rebasing: field[start..<end])
        guard let shape = shape(text) else { return nil }
        if shape == .integer {
            if let value = integer(text) { return .integer(value) }
            guard let big = BigInt(String(decoding: text, as: UTF8.self), radix: 10) else { return nil }
            return .integer(big)
        }
        let value = double(text)
        return value.isFinite ? .real(value) : nil  // an overflowing "1e999" stays text
    }

    enum Shape { case integer, real }

    /// Whether `text` (no blanks around it) has the grammar of a number, and which kind.
    static func shape(_ text: UnsafeRawBufferPointer) -> Shape? {
        var i = 0
        let n = text.count
        if i < n && (text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-")) { i += 1 }
        var digits = 0
        while i < n && isDigit(text[i]) { i += 1; digits += 1 }
        var shape = Shape.integer
        if i < n && text[i] == UInt8(ascii: ".") {
            shape = .real
            i += 1
            while i < n && isDigit(text[i]) { i += 1; digits += 1 }
        }
        guard digits > 0 else { return nil }
        if i < n {
            if text[i] == UInt8(ascii: "e") || text[i] == UInt8(ascii: "E") {
                i += 1
            } else if text[i] == UInt8(ascii: "*") && i + 1 < n && text[i + 1] == UInt8(ascii: "^") {
                i += 2
            } else {
                return nil
            }
            shape = .real
            if i < n && (text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-")) { i += 1 }
            var exponentDigits = 0
            while i < n && isDigit(text[i]) { i += 1; exponentDigits += 1 }
            guard exponentDigits > 0 else { return nil }
        }
        return i == n ? shape : nil
    }

    /// The value of `[+-]digits` when it fits in an Int; nil on overflow.
    static func integer(_ text: UnsafeRawBufferPointer) -> Int? {
        var i = 0
        var negative = false
        if i < text.count && (text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-")) {
            negative = text[i] == UInt8(ascii: "-")
            i += 1
        }
        var value = 0
        while i < text.count {
            let digit = Int(text[i] &- UInt8(ascii: "0"))
            // Accumulate negatively: Int.min has no positive counterpart.
            let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = shifted.subtractingReportingOverflow(digit)
            if o1 || o2 { return nil }
            value = next
            i += 1
        }
        if negative { return value }
        return value == .min ? nil : -value
    }

    /// The correctly rounded double of a number's text (`*^` read as `e`).
    static func double(_ text: UnsafeRawBufferPointer) -> Double {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: text.count + 1) { buffer in
            var j = 0
            var i = 0
            while i < text.count {
                if text[i] == UInt8(ascii: "*") {
                    buffer[j] = CChar(UInt8(ascii: "e"))
                    i += 2  // "*^"
                } else {
                    buffer[j] = CChar(bitPattern: text[i])
                    i += 1
                }
                j += 1
            }
            buffer[j] = 0
            return strtod(buffer.baseAddress!, nil)
        }
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
}
