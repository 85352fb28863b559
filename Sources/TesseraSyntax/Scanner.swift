// The scanner: source text to tokens.
//
// It works on the UTF-8 bytes of the source: ASCII (nearly all real code) is classified by a switch on
// the byte, and only a byte >= 0x80 or a backslash escape is decoded into a Unicode scalar. Named
// characters (`\[Alpha]`, `\:03b1`) are decoded wherever they appear, so `\[Alpha]x` and `αx` scan to the
// same identifier and `\[Rule]` to the same operator as `→`.
//
// Invariants: `position` only moves forward, one token at a time; a token never spans a line break
// except inside a string or comment; whitespace and comments between tokens are skipped, and a line
// break among them is reported once, as a `.newline` token, because a line break can end an expression.
// Numbers and strings are in `Scanner+Literals.swift`.

import TesseraExpr

struct Scanner {
    let bytes: [UInt8]
    var position = 0
    /// Where the expression being read began: messages quote the source from here.
    var expressionStart = 0

    init(_ source: String) {
        bytes = Array(source.utf8)
    }

    /// token := newline | end | identifier | blank | number | string | slot | out | operator
    mutating func next() throws(SyntaxError) -> Token {
        if let newline = try skipTrivia() {
            return Token(kind: .newline, start: newline, end: newline + 1)
        }
        let start = position
        guard start < bytes.count else { return Token(kind: .end, start: start, end: start) }
        let byte = bytes[start]
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "$"), UInt8(ascii: "`"):
            return try scanIdentifierOrBlank(start: start)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try scanNumber(start: start)
        case UInt8(ascii: ".") where isDigit(at: start + 1):
            return try scanNumber(start: start)
        case UInt8(ascii: "\""):
            return try scanString(start: start)
        case UInt8(ascii: "_"):
            return try scanBlank(name: nil, start: start)
        case UInt8(ascii: "#"):
            return scanSlot(start: start)
        case UInt8(ascii: "%"):
            return scanOut(start: start)
        case UInt8(ascii: "\\"), 0x80...:
            return try scanCharacterToken(start: start)
        default:
            return try scanOperator(start: start)
        }
    }

    // MARK: Whitespace and comments

    /// Skips spaces, comments and line continuations; returns the offset of the first line break among
    /// them, if there was one.
    private mutating func skipTrivia() throws(SyntaxError) -> Int? {
        var newline: Int?
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0B, 0x0C:
                position += 1
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                if newline == nil { newline = position }
                position += 1
            case UInt8(ascii: "(") where byte(at: position + 1) == UInt8(ascii: "*"):
                try skipComment()
            case UInt8(ascii: "\\") where byte(at: position + 1) == UInt8(ascii: "\n"):
                position += 2  // a backslash at the end of a line joins the lines
            case UInt8(ascii: "\\") where byte(at: position + 1) == UInt8(ascii: "\r"):
                position += byte(at: position + 2) == UInt8(ascii: "\n") ? 3 : 2
            case UInt8(ascii: "\\"), 0x80...:
                guard let (scalar, length) = try character(at: position) else { return newline }
                if NamedCharacters.isSpace(scalar) {
                    position += length
                } else if NamedCharacters.isNewline(scalar) {
                    if newline == nil { newline = position }
                    position += length
                } else {
                    return newline
                }
            default:
                return newline
            }
        }
        return newline
    }

    /// comment := "(*" { comment | any } "*)"
    private mutating func skipComment() throws(SyntaxError) {
        let start = position
        var depth = 0
        while position < bytes.count {
            let lead = bytes[position]
            if lead == UInt8(ascii: "("), byte(at: position + 1) == UInt8(ascii: "*") {
                depth += 1
                position += 2
            } else if lead == UInt8(ascii: "*"), byte(at: position + 1) == UInt8(ascii: ")") {
                depth -= 1
                position += 2
                if depth == 0 { return }
            } else {
                position += 1
            }
        }
        throw .incompleteExpression(at: start)
    }

    // MARK: Identifiers and blanks

    /// identifier [blank]
    private mutating func scanIdentifierOrBlank(start: Int) throws(SyntaxError) -> Token {
        let name = try scanIdentifier(allowContexts: true)
        guard !name.isEmpty else { throw unexpected(at: start) }  // a lone "`"
        if byte(at: position) == UInt8(ascii: "_") {
            return try scanBlank(name: name, start: start)
        }
        return Token(kind: .symbol(name), start: start, end: position)
    }

    /// identifier := letter { letter | digit | "`" letter }
    mutating func scanIdentifier(allowContexts: Bool) throws(SyntaxError) -> String {
        var utf8: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "$"):
                utf8.append(byte)
                position += 1
            case UInt8(ascii: "`") where allowContexts:
                // A context mark must be followed by a name: "a`" alone is not an identifier.
                guard try isIdentifierStart(at: position + 1) else { return String(decoding: utf8, as: UTF8.self) }
                utf8.append(byte)
                position += 1
            case UInt8(ascii: "\\"), 0x80...:
                guard let (scalar, length) = try character(at: position),
                      scalar.value < 0x80 ? isASCIILetterOrDigit(scalar) : NamedCharacters.isLetterlike(scalar)
                else { return String(decoding: utf8, as: UTF8.self) }
                utf8.append(contentsOf: String(scalar).utf8)
                position += length
            default:
                return String(decoding: utf8, as: UTF8.self)
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// True when a letter (or `$`, or a letter-like character) starts at `offset`.
    func isIdentifierStart(at offset: Int) throws(SyntaxError) -> Bool {
        guard let byte = byte(at: offset) else { return false }
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "$"):
            return true
        case UInt8(ascii: "\\"), 0x80...:
            guard let (scalar, _) = try character(at: offset) else { return false }
            return scalar.value < 0x80 ? isASCIILetterOrDigit(scalar) && !isDigitScalar(scalar)
                                       : NamedCharacters.isLetterlike(scalar)
        default:
            return false
        }
    }

    /// blank := "_" | "__" | "___" [ identifier | "." ]   (after an optional pattern name)
    private mutating func scanBlank(name: String?, start: Int) throws(SyntaxError) -> Token {
        var underscores = 0
        while underscores < 3, byte(at: position) == UInt8(ascii: "_") {
            underscores += 1
            position += 1
        }
        var blank = BlankToken(name: name, underscores: underscores, head: nil, isOptional: false)
        if underscores == 1, byte(at: position) == UInt8(ascii: "."),
           byte(at: position + 1) != UInt8(ascii: "."), !isDigit(at: position + 1) {
            // `x_.` is Optional; `x_..` is Repeated[x_] and `_.5` is a blank times 0.5.
            blank.isOptional = true
            position += 1
        } else if try isIdentifierStart(at: position) || byte(at: position) == UInt8(ascii: "`") {
            blank.head = try scanIdentifier(allowContexts: true)
        }
        return Token(kind: .blank(blank), start: start, end: position)
    }

    // MARK: Slots and Out

    /// slot := "#" [digits | name] | "##" [digits]
    private mutating func scanSlot(start: Int) -> Token {
        position += 1
        if byte(at: position) == UInt8(ascii: "#") {
            position += 1
            return Token(kind: .slotSequence(scanSmallInteger() ?? 1), start: start, end: position)
        }
        if let n = scanSmallInteger() {
            return Token(kind: .slot(n), start: start, end: position)
        }
        if (try? isIdentifierStart(at: position)) == true,
           let name = try? scanIdentifier(allowContexts: false) {
            return Token(kind: .namedSlot(name), start: start, end: position)
        }
        return Token(kind: .slot(1), start: start, end: position)
    }

    /// out := "%" digits | "%" { "%" }
    private mutating func scanOut(start: Int) -> Token {
        var count = 0
        while byte(at: position) == UInt8(ascii: "%") {
            count += 1
            position += 1
        }
        if count == 1, let n = scanSmallInteger() {
            return Token(kind: .out(n), start: start, end: position)
        }
        return Token(kind: .out(count == 1 ? nil : -count), start: start, end: position)
    }

    /// Digits as an `Int`, saturating (a slot or Out number that large is an error downstream anyway).
    private mutating func scanSmallInteger() -> Int? {
        guard isDigit(at: position) else { return nil }
        var value = 0
        while let byte = byte(at: position), isDigitByte(byte) {
            let (product, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = product.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            value = overflow1 || overflow2 ? Int.max : sum
            position += 1
        }
        return value
    }

    // MARK: Operators

    /// ASCII operator and bracket spellings by first byte, longest first, for longest-match scanning
    /// without building a string per candidate.
    private static let operatorCandidates: [[(bytes: [UInt8], spelling: String)]] = {
        var spellings = OperatorTable.spellings.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        spellings.formUnion(["[", "]", "(", ")", "{", "}", ",", "<|", "|>"])
        var table = [[(bytes: [UInt8], spelling: String)]](repeating: [], count: 128)
        for spelling in spellings.sorted(by: { $0.utf8.count > $1.utf8.count }) {
            let bytes = Array(spelling.utf8)
            table[Int(bytes[0])].append((bytes, spelling))
        }
        return table
    }()

    /// operator := the longest ASCII spelling in the operator table, or a bracket
    private mutating func scanOperator(start: Int) throws(SyntaxError) -> Token {
        let lead = bytes[start]
        guard lead < 0x80 else { throw unexpected(at: start) }
        candidates: for candidate in Scanner.operatorCandidates[Int(lead)] {
            let length = candidate.bytes.count
            guard start + length <= bytes.count else { continue }
            for i in 1..<length where bytes[start + i] != candidate.bytes[i] { continue candidates }
            // `x=.5` is `x = .5` and `a/.5` is `a / .5`: a dot before a digit belongs to the number.
            if length > 1, candidate.bytes[length - 1] == UInt8(ascii: "."), isDigit(at: start + length) {
                continue
            }
            position = start + length
            return Token(kind: .op(candidate.spelling), start: start, end: position)
        }
        throw unexpected(at: start)
    }

    /// A token that starts with a non-ASCII character or a backslash escape.
    private mutating func scanCharacterToken(start: Int) throws(SyntaxError) -> Token {
        guard let (scalar, length) = try character(at: start) else { throw unexpected(at: start) }
        if let symbol = NamedCharacters.specialSymbols[scalar] {
            // `π` alone is Pi, but `πr` is a symbol of its own.
            let end = start + length
            if !(try isIdentifierStart(at: end)) && !isDigit(at: end) {
                position = end
                return Token(kind: .symbol("System`" + symbol), start: start, end: end)
            }
        }
        if scalar.value < 0x80 ? isASCIILetterOrDigit(scalar) && !isDigitScalar(scalar)
                               : NamedCharacters.isLetterlike(scalar) {
            return try scanIdentifierOrBlank(start: start)
        }
        switch scalar.value {
        case 0xF113:
            position = start + length
            return Token(kind: .op("<|"), start: start, end: position)
        case 0xF114:
            position = start + length
            return Token(kind: .op("|>"), start: start, end: position)
        default:
            break
        }
        if OperatorTable.operatorScalars.contains(scalar.value) {
            position = start + length
            return Token(kind: .op(String(scalar)), start: start, end: position)
        }
        throw unexpected(at: start)
    }

    /// fileName := string | { file-name character }   (after `<<`, `>>` and `>>>`)
    mutating func scanFileName() throws(SyntaxError) -> Token? {
        while let byte = byte(at: position), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
            position += 1
        }
        let start = position
        if byte(at: start) == UInt8(ascii: "\"") {
            return try scanString(start: start)
        }
        while let byte = byte(at: position), Scanner.isFileNameByte(byte) {
            position += 1
        }
        guard position > start else { return nil }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        return Token(kind: .string(name), start: start, end: position)
    }

    private static func isFileNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
             UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
             UInt8(ascii: "\""), UInt8(ascii: "|"), UInt8(ascii: "<"), UInt8(ascii: ">"),
             UInt8(ascii: "&"):
            return false
        default:
            return true
        }
    }

    // MARK: Characters

    /// The character at `offset`: raw UTF-8, or a `\[Name]`, `\:xxxx`, `\|xxxxxx`, `\.xx` escape.
    /// Nil at the end, or for a backslash that does not start a character escape.
    func character(at offset: Int) throws(SyntaxError) -> (Unicode.Scalar, Int)? {
        guard let byte = byte(at: offset) else { return nil }
        if byte < 0x80 {
            guard byte == UInt8(ascii: "\\") else { return (Unicode.Scalar(byte), 1) }
            switch self.byte(at: offset + 1) {
            case UInt8(ascii: "["):
                var end = offset + 2
                while let b = self.byte(at: end), isASCIILetterOrDigitByte(b) { end += 1 }
                guard self.byte(at: end) == UInt8(ascii: "]"), end > offset + 2 else {
                    throw unexpected(at: offset)
                }
                let name = String(decoding: bytes[offset + 2..<end], as: UTF8.self)
                guard let scalar = NamedCharacters.scalar(named: name) else {
                    throw .unknownLongName(name, at: offset)
                }
                return (scalar, end + 1 - offset)
            case UInt8(ascii: ":"):
                guard let scalar = hexScalar(at: offset + 2, digits: 4) else { throw .badHexEscape(at: offset) }
                return (scalar, 6)
            case UInt8(ascii: "|"):
                guard let scalar = hexScalar(at: offset + 2, digits: 6) else {
                    throw .badLongHexEscape(at: offset)
                }
                return (scalar, 8)
            case UInt8(ascii: "."):
                guard let scalar = hexScalar(at: offset + 2, digits: 2) else { throw .badByteEscape(at: offset) }
                return (scalar, 4)
            case .some(UInt8(ascii: "0")...UInt8(ascii: "7")):
                // `\101` is "A" outside strings too.
                var value: UInt32 = 0
                for i in 1...3 {
                    guard let digit = self.byte(at: offset + i), (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(digit)
                    else { throw .badOctalEscape(at: offset) }
                    value = value * 8 + UInt32(digit - UInt8(ascii: "0"))
                }
                return (Unicode.Scalar(value) ?? "\u{FFFD}", 4)  // up to \777: always a scalar
            default:
                return nil
            }
        }
        return decodeUTF8(at: offset)
    }

    /// One scalar of UTF-8; a malformed sequence reads as U+FFFD, one byte long.
    private func decodeUTF8(at offset: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[offset]
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return ("\u{FFFD}", 1)
        }
        guard offset + length <= bytes.count else { return ("\u{FFFD}", 1) }
        for i in 1..<length {
            let continuation = bytes[offset + i]
            guard continuation & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(continuation & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return ("\u{FFFD}", 1) }
        return (scalar, length)
    }

    func hexScalar(at offset: Int, digits: Int) -> Unicode.Scalar? {
        guard offset + digits <= bytes.count else { return nil }
        var value: UInt32 = 0
        for i in 0..<digits {
            guard let digit = Scanner.digitValue(bytes[offset + i]), digit < 16 else { return nil }
            value = value * 16 + UInt32(digit)
        }
        return Unicode.Scalar(value)
    }

    // MARK: Helpers

    func byte(at offset: Int) -> UInt8? {
        offset < bytes.count ? bytes[offset] : nil
    }

    func isDigit(at offset: Int) -> Bool {
        guard let byte = byte(at: offset) else { return false }
        return isDigitByte(byte)
    }

    /// Value of a digit in bases up to 36 (`0-9`, `a-z`, `A-Z`).
    static func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(byte - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }

    /// Source text in a byte range, for messages.
    func text(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, bytes.count))
        let upper = max(lower, min(range.upperBound, bytes.count))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    /// The rest of the line from `offset`, without trailing spaces, for messages.
    func restOfLine(from offset: Int) -> String {
        var end = offset
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\r") { end += 1 }
        while end > offset, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") {
            end -= 1
        }
        return text(offset..<end)
    }

    /// The message for something that cannot come at `offset`: "cannot be followed by" when the
    /// expression has text before it, "cannot begin with" otherwise.
    func unexpected(at offset: Int) -> SyntaxError {
        let before = text(expressionStart..<offset)
        if before.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            return .cannotBegin(restOfLine(from: offset), at: offset)
        }
        return .cannotFollow(before, restOfLine(from: offset), at: offset)
    }

}

@inline(__always)
func isDigitByte(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
}

@inline(__always)
func isASCIILetterOrDigitByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
         UInt8(ascii: "0")...UInt8(ascii: "9"):
        return true
    default:
        return false
    }
}

/// ASCII letters, digits and `$` (the characters of a plain identifier).
func isASCIILetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x80 && (isASCIILetterOrDigitByte(UInt8(scalar.value)) || scalar == "$")
}

func isDigitScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x80 && isDigitByte(UInt8(scalar.value))
}
