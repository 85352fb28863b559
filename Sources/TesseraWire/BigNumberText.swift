// The text payloads of the `I` (big integer) and `R` (big real) tokens.
//
// `I` carries decimal ASCII digits with a leading `-` when negative, nothing else (no `+`, no spaces).
// Parsing splits the digits in halves and joins them with one multiplication by a power of ten, so that
// BigInt's Karatsuba multiplication makes long numbers subquadratic; chunks of 19 digits (one machine
// word) are the leaves.
//
// `R` carries the InputForm text of an arbitrary-precision real:
//
//     real      = mantissa [ "`" [ number ] | "``" number ] [ "*^" exponent ]
//     mantissa  = [ "-" ] digits [ "." [ digits ] ] | [ "-" ] "." digits
//     number    = [ "-" ] digits [ "." [ digits ] ]      (the precision after ` or the accuracy after ``)
//     exponent  = [ "-" | "+" ] digits
//
// for example `1.5`20.`, `3.14159``35.`, `9.99`15.35*^999`, `10.`. Tessera has no arbitrary-precision
// reals yet, so the reader keeps the value as the nearest machine real (correctly rounded from all the
// digits) and drops the precision mark; a value beyond the machine range is an error, not infinity or
// zero. When Tessera gains big reals, this is where the precision goes into the value.

import BigInt

enum BigNumberText {
    // MARK: Big integers

    /// The decimal text of `value`, as the `I` token carries it.
    static func decimal(_ value: BigInt) -> String { value.description }

    /// Parses `-?[0-9]+` from `text`, or nil when the text is anything else.
    static func parseInteger(_ text: UnsafeRawBufferPointer) -> BigInt? {
        var start = 0
        let negative = text.first == UInt8(ascii: "-")
        if negative { start = 1 }
        guard start < text.count else { return nil }
        // Base 10^19 words, most significant first.
        let digitCount = text.count - start
        var words: [UInt64] = []
        words.reserveCapacity(digitCount / 19 + 1)
        var position = start
        var firstLength = digitCount % 19
        if firstLength == 0 { firstLength = 19 }
        var length = firstLength
        while position < text.count {
            var word: UInt64 = 0
            for index in position..<(position + length) {
                let digit = text[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                word = word &* 10 &+ UInt64(digit)
            }
            words.append(word)
            position += length
            length = 19
        }
        var powers: [Int: BigUInt] = [:]
        let magnitude = combine(words[...], powers: &powers)
        let value = BigInt(sign: .plus, magnitude: magnitude)
        return negative ? -value : value
    }

    private static let wordBase = BigUInt(10_000_000_000_000_000_000 as UInt64)

    /// The value of base-10^19 words (most significant first), halving recursively.
    private static func combine(_ words: ArraySlice<UInt64>, powers: inout [Int: BigUInt]) -> BigUInt {
        if words.count <= 32 {
            var value = BigUInt(0)
            for word in words {
                value.multiply(byWord: 10_000_000_000_000_000_000)
                value += BigUInt(word)
            }
            return value
        }
        let lowCount = words.count / 2
        let split = words.endIndex - lowCount
        let high = combine(words[words.startIndex..<split], powers: &powers)
        let low = combine(words[split...], powers: &powers)
        return high * power(words: lowCount, cache: &powers) + low
    }

    /// (10^19)^count, cached because the halving asks for the same few powers again and again.
    private static func power(words count: Int, cache: inout [Int: BigUInt]) -> BigUInt {
        if let known = cache[count] { return known }
        let value: BigUInt
        if count == 1 {
            value = wordBase
        } else {
            let half = power(words: count / 2, cache: &cache)
            value = count % 2 == 0 ? half * half : half * half * wordBase
        }
        cache[count] = value
        return value
    }

    // MARK: Big reals

    /// The machine real nearest to the InputForm real in `text`.
    static func parseReal(_ text: UnsafeRawBufferPointer) throws(RealTextError) -> Double {
        var scanner = TextScanner(text)
        // Mantissa.
        var mantissa = ""
        if scanner.take("-") { mantissa.append("-") }
        let integerDigits = scanner.digits()
        var fractionDigits = ""
        if scanner.take(".") { fractionDigits = scanner.digits() }
        guard !integerDigits.isEmpty || !fractionDigits.isEmpty else { throw .malformed }
        mantissa += (integerDigits.isEmpty ? "0" : integerDigits) + "." + (fractionDigits.isEmpty ? "0" : fractionDigits)
        // Precision or accuracy: checked for form, then dropped.
        if scanner.take("`") {
            if scanner.take("`") {
                guard scanner.number() else { throw .malformed }
            } else {
                _ = scanner.number()
            }
        }
        // Exponent.
        var exponent = 0
        if scanner.take("*") {
            guard scanner.take("^") else { throw .malformed }
            let negative = scanner.take("-")
            if !negative { _ = scanner.take("+") }
            let digits = scanner.digits()
            guard !digits.isEmpty else { throw .malformed }
            let significant = digits.drop { $0 == "0" }
            // Beyond nine digits the value is out of range anyway (unless the mantissa is zero).
            exponent = significant.count > 9 ? 1_000_000_000 : (Int(significant) ?? 0)
            if negative { exponent = -exponent }
        }
        guard scanner.isAtEnd else { throw .malformed }
        let isZero = !(integerDigits + fractionDigits).contains { $0 != "0" }
        if isZero { return 0 }
        guard abs(exponent) < 1_000_000_000, let value = Double(mantissa + "e" + String(exponent)),
              value.isFinite, value != 0 else { throw .outOfRange }
        return value
    }

    enum RealTextError: Error {
        case malformed
        case outOfRange
    }

    /// A cursor over ASCII text.
    private struct TextScanner {
        let text: UnsafeRawBufferPointer
        var position = 0

        init(_ text: UnsafeRawBufferPointer) { self.text = text }

        var isAtEnd: Bool { position == text.count }

        mutating func take(_ character: Unicode.Scalar) -> Bool {
            guard position < text.count, text[position] == UInt8(ascii: character) else { return false }
            position += 1
            return true
        }

        mutating func digits() -> String {
            let start = position
            while position < text.count, text[position] &- UInt8(ascii: "0") < 10 { position += 1 }
            return String(decoding: UnsafeRawBufferPointer(rebasing: text[start..<position]), as: UTF8.self)
        }

        /// `[-] digits [. [digits]]`: a precision or an accuracy. False when nothing matched.
        mutating func number() -> Bool {
            let start = position
            _ = take("-")
            let whole = digits()
            var fraction = ""
            if take(".") { fraction = digits() }
            if whole.isEmpty && fraction.isEmpty {
                position = start
                return false
            }
            return true
        }
    }
}
