// Number and string literals.
//
// A number literal is exact unless it has a decimal point or a precision mark: `1*^3` is the integer
// 1000 and `1*^-3` the rational 1/1000, as in Mathematica. Precision marks (`1.5`20`, `1.5``20`) are
// read and, for now, give a machine real. Integers too large for `Int` become `BigInt`s.
//
// A string keeps Mathematica's escapes: `\n`, `\t`, `\"`, `\\`, named characters, `\:xxxx`; the box
// escapes `\(`...`\)` and friends stay in the string verbatim (they are linear box syntax, which the
// front end interprets), and the `\<`...`\>` markers of saved packages are dropped.

import BigInt
import TesseraExpr

extension Scanner {
    // MARK: Numbers

    /// number := digits [ "^^" based-digits ] [ "." digits ] [ "`" ["`"] [precision] ] [ "*^" [sign] digits ]
    mutating func scanNumber(start: Int) throws(SyntaxError) -> Token {
        var cursor = start
        while isDigit(at: cursor) { cursor += 1 }
        var base = 10
        if byte(at: cursor) == UInt8(ascii: "^"), byte(at: cursor + 1) == UInt8(ascii: "^") {
            let written = text(start..<cursor)
            guard let value = Int(written), (2...36).contains(value) else {
                throw SyntaxError.cannotFollow(text(expressionStart..<cursor), restOfLine(from: cursor), at: cursor)
            }
            base = value
            cursor += 2
        }
        let integerStart = base == 10 ? start : cursor
        while let byte = byte(at: cursor), let digit = Scanner.digitValue(byte), base > 10 || digit < 10 {
            cursor += 1
        }
        let integerEnd = cursor
        var fractionEnd = cursor
        var isReal = false
        // "1." is a real, but in "1.." the dots are the operator Repeated.
        if byte(at: cursor) == UInt8(ascii: "."), byte(at: cursor + 1) != UInt8(ascii: ".") {
            isReal = true
            cursor += 1
            while let byte = byte(at: cursor), let digit = Scanner.digitValue(byte), base > 10 || digit < 10 {
                cursor += 1
            }
            fractionEnd = cursor
        }
        if integerEnd == integerStart && fractionEnd <= integerEnd + 1 {
            // "16^^" or "16^^." with no digits.
            throw SyntaxError.cannotFollow(text(expressionStart..<integerStart), restOfLine(from: integerStart),
                                           at: integerStart)
        }
        if byte(at: cursor) == UInt8(ascii: "`") {
            isReal = true
            cursor += 1
            if byte(at: cursor) == UInt8(ascii: "`") { cursor += 1 }
            if byte(at: cursor) == UInt8(ascii: "-") || byte(at: cursor) == UInt8(ascii: "+"),
               isDigit(at: cursor + 1) || (byte(at: cursor + 1) == UInt8(ascii: ".") && isDigit(at: cursor + 2)) {
                cursor += 1
            }
            while isDigit(at: cursor) { cursor += 1 }
            if byte(at: cursor) == UInt8(ascii: "."), isDigit(at: cursor + 1) {
                cursor += 1
                while isDigit(at: cursor) { cursor += 1 }
            }
        }
        var exponent = 0
        if byte(at: cursor) == UInt8(ascii: "*"), byte(at: cursor + 1) == UInt8(ascii: "^") {
            var digitsAt = cursor + 2
            var negative = false
            if byte(at: digitsAt) == UInt8(ascii: "-") || byte(at: digitsAt) == UInt8(ascii: "+") {
                negative = byte(at: digitsAt) == UInt8(ascii: "-")
                digitsAt += 1
            }
            guard isDigit(at: digitsAt) else {
                throw SyntaxError.cannotFollow(text(expressionStart..<cursor), restOfLine(from: cursor), at: cursor)
            }
            var end = digitsAt
            while isDigit(at: end) { end += 1 }
            // Beyond this an exact value takes too long to build (and a real is 0 or infinite anyway).
            guard end - digitsAt <= 7, let magnitude = Int(text(digitsAt..<end)), isReal || magnitude <= 100_000
            else {
                throw SyntaxError.cannotFollow(text(expressionStart..<cursor), restOfLine(from: cursor), at: cursor)
            }
            exponent = negative ? -magnitude : magnitude
            cursor = end
        }
        try checkDigits(integerStart..<fractionEnd, base: base)
        position = cursor
        let value = numberValue(integer: integerStart..<integerEnd,
                                fraction: isReal && fractionEnd > integerEnd ? integerEnd + 1..<fractionEnd : nil,
                                base: base, exponent: exponent, isReal: isReal)
        return Token(kind: .number(value), start: start, end: cursor)
    }

    /// A digit too large for its base (`2^^102`) is an error at that digit.
    private func checkDigits(_ range: Range<Int>, base: Int) throws(SyntaxError) {
        for offset in range {
            guard let digit = Scanner.digitValue(bytes[offset]) else { continue }
            if digit >= base {
                throw SyntaxError.cannotFollow(text(expressionStart..<offset), restOfLine(from: offset), at: offset)
            }
        }
    }

    private func numberValue(integer: Range<Int>, fraction: Range<Int>?, base: Int, exponent: Int,
                             isReal: Bool) -> Expr {
        if isReal {
            if base == 10 {
                let integerDigits = integer.isEmpty ? "0" : text(integer)
                let fractionDigits = fraction.map { $0.isEmpty ? "0" : text($0) } ?? "0"
                return .real(Double("\(integerDigits).\(fractionDigits)e\(exponent)") ?? .nan)
            }
            var value = 0.0
            for offset in integer { value = value * Double(base) + Double(Scanner.digitValue(bytes[offset]) ?? 0) }
            var scale = 1.0
            for offset in fraction ?? 0..<0 {
                scale /= Double(base)
                value += Double(Scanner.digitValue(bytes[offset]) ?? 0) * scale
            }
            return .real(value * pow(Double(base), exponent))
        }
        let mantissa = integerValue(integer, base: base)
        if exponent == 0 { return .integer(mantissa) }
        let scale = BigInt(base).power(abs(exponent))
        if exponent > 0 { return .integer(mantissa * scale) }
        return Expr.rational(mantissa, over: scale) ?? .integer(0)
    }

    /// The digits in `range` as an integer: in machine words while they fit, then in word-size chunks
    /// (BigInt's own parser stops at base 35).
    private func integerValue(_ range: Range<Int>, base: Int) -> BigInt {
        var result = BigInt(0)
        var chunk = 0
        var chunkScale = 1
        for offset in range {
            if chunkScale > Int.max / base {
                result = result * BigInt(chunkScale) + BigInt(chunk)
                chunk = 0
                chunkScale = 1
            }
            chunk = chunk * base + (Scanner.digitValue(bytes[offset]) ?? 0)
            chunkScale *= base
        }
        if result.isZero { return BigInt(chunk) }
        return result * BigInt(chunkScale) + BigInt(chunk)
    }

    private func pow(_ base: Double, _ exponent: Int) -> Double {
        var result = 1.0
        var factor = exponent < 0 ? 1 / base : base
        var n = abs(exponent)
        while n > 0 {
            if n & 1 == 1 { result *= factor }
            factor *= factor
            n >>= 1
        }
        return result
    }

    // MARK: Strings

    /// string := '"' { character | escape } '"'
    mutating func scanString(start: Int) throws(SyntaxError) -> Token {
        var cursor = start + 1
        var utf8: [UInt8] = []
        while true {
            // Copy the plain run up to the next quote or backslash in one go.
            let runStart = cursor
            while cursor < bytes.count, bytes[cursor] != UInt8(ascii: "\""), bytes[cursor] != UInt8(ascii: "\\") {
                cursor += 1
            }
            utf8.append(contentsOf: bytes[runStart..<cursor])
            guard cursor < bytes.count else { throw SyntaxError.incompleteExpression(at: start) }
            if bytes[cursor] == UInt8(ascii: "\"") {
                position = cursor + 1
                return Token(kind: .string(String(decoding: utf8, as: UTF8.self)), start: start, end: position)
            }
            cursor = try scanEscape(at: cursor, stringStart: start, into: &utf8)
        }
    }

    /// Appends the meaning of the escape at `offset` (a backslash) and returns the offset after it.
    private func scanEscape(at offset: Int, stringStart: Int, into utf8: inout [UInt8]) throws(SyntaxError) -> Int {
        guard let next = byte(at: offset + 1) else { throw SyntaxError.incompleteExpression(at: stringStart) }
        switch next {
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): utf8.append(next)
        case UInt8(ascii: "\n"):
            break  // a backslash at the end of a line continues the string on the next
        case UInt8(ascii: "\r"):
            return byte(at: offset + 2) == UInt8(ascii: "\n") ? offset + 3 : offset + 2
        case UInt8(ascii: "<"), UInt8(ascii: ">"):
            break  // line-break markers of saved packages
        case UInt8(ascii: "!"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "@"),
             UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "+"),
             UInt8(ascii: "/"), UInt8(ascii: "`"), UInt8(ascii: " "), UInt8(ascii: "["):
            if next == UInt8(ascii: "[") {
                return try scanNamedCharacterInString(at: offset, into: &utf8)
            }
            utf8.append(UInt8(ascii: "\\"))
            utf8.append(next)
        case UInt8(ascii: ":"), UInt8(ascii: "|"), UInt8(ascii: "."):
            guard let (scalar, length) = try character(at: offset) else {
                throw SyntaxError.badHexEscape(at: offset)
            }
            utf8.append(contentsOf: String(scalar).utf8)
            return offset + length
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            var value = 0
            for i in 1...3 {
                guard let digit = byte(at: offset + i), (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(digit) else {
                    throw SyntaxError.badOctalEscape(at: offset)
                }
                value = value * 8 + Int(digit - UInt8(ascii: "0"))
            }
            utf8.append(contentsOf: String(Unicode.Scalar(UInt32(value)) ?? "\u{FFFD}").utf8)
            return offset + 4
        default:
            let scalar = (try? character(at: offset + 1))??.0 ?? Unicode.Scalar(next)
            throw SyntaxError.unknownEscape(String(scalar), at: offset)
        }
        return offset + 2
    }

    /// `\[Name]` in a string: the character, or the text itself when the name is unknown (Mathematica
    /// warns and keeps it).
    private func scanNamedCharacterInString(at offset: Int, into utf8: inout [UInt8]) throws(SyntaxError) -> Int {
        var end = offset + 2
        while let b = byte(at: end), isASCIILetterOrDigitByte(b) { end += 1 }
        let name = text(offset + 2..<end)
        if byte(at: end) == UInt8(ascii: "]"), let scalar = NamedCharacters.scalar(named: name) {
            utf8.append(contentsOf: String(scalar).utf8)
            return end + 1
        }
        let textEnd = byte(at: end) == UInt8(ascii: "]") ? end + 1 : end
        utf8.append(contentsOf: bytes[offset..<textEnd])
        return textEnd
    }
}
