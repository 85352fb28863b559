// Reading WXF into expressions.
//
// `WXFReader` is a cursor over bytes it does not own. It treats them as hostile: every size a token
// declares is checked against the bytes that are actually left before anything is allocated, so a header
// that claims 10^12 elements fails at once instead of asking for terabytes; lengths are capped varints;
// strings must be valid UTF-8; and nesting is followed with an explicit stack of open functions and
// associations, bounded by `WXFLimits.maxDepth`, never by recursion. Every failure is a `WXFError` and
// leaves `offset` where the expression started, so a stream reader that got `.truncated` can wait for
// more bytes and try again.
//
// What the reader builds is what Tessera's evaluator expects, so that writing it back gives the same
// bytes where WXF has one spelling:
// - `Complex[re, im]` and `Rational[n, d]` of numbers become the number atoms;
// - a `B` string becomes a `ByteArray` atom, an `Á` packed array an `Expr.packed`;
// - an `Â` numeric array becomes `NumericArray[packed, "Type"]` (see WXFReader+Arrays.swift);
// - `A` becomes `Association[rules...]` with `Rule` and `RuleDelayed` expressions;
// - a bare symbol name is a `System`` symbol when one exists, else it is resolved like a name in source
//   text (`SymbolTable.lookup`); a name with a context is taken as written.

import BigInt
import TesseraExpr
import TesseraStorage

/// Which header opened a message.
public enum WXFHeaderKind: Sendable, Equatable {
    /// `8:`: the expression follows as is.
    case plain
    /// `8C:`: a zlib stream follows, holding the expression.
    case compressed
}

/// Reads WXF tokens from a buffer that the caller keeps alive while the reader is used.
public struct WXFReader {
    public let buffer: UnsafeRawBufferPointer
    /// Position of the next byte to read.
    public internal(set) var offset: Int
    public var limits: WXFLimits
    /// Resolves the expressions a `WXFArraySubstitutionEncoder` wrote in place of arrays.
    public var arraySubstitution: (any WXFArraySubstitutionDecoder)?
    let symbols: SymbolTable
    let system: SystemSymbols
    /// Symbols by the names met so far (names repeat a lot: every `List`, every key symbol).
    private var symbolCache: [String: Symbol] = [:]
    /// Elements that `reserveCapacity` may still ask for: bounded by the input's size, so that lying
    /// counts at every level of a deep nest cannot add up to more memory than the input justifies.
    private var reservationBudget: Int

    public init(_ buffer: UnsafeRawBufferPointer, symbols: SymbolTable, limits: WXFLimits = WXFLimits(),
                arraySubstitution: (any WXFArraySubstitutionDecoder)? = nil) {
        self.buffer = buffer
        self.offset = 0
        self.limits = limits
        self.arraySubstitution = arraySubstitution
        self.symbols = symbols
        self.system = symbols.system
        self.reservationBudget = buffer.count
    }

    public var isAtEnd: Bool { offset == buffer.count }
    var remaining: Int { buffer.count - offset }

    // MARK: Messages

    /// Reads `8:` or `8C:`.
    public mutating func readHeader() throws(WXFError) -> WXFHeaderKind {
        for (header, kind) in [(WXFHeader.plain, WXFHeaderKind.plain), (WXFHeader.compressed, .compressed)] {
            let available = min(remaining, header.count)
            guard header.prefix(available).elementsEqual(buffer[offset..<(offset + available)]) else { continue }
            guard available == header.count else { throw .truncated(offset: offset + available) }
            offset += header.count
            return kind
        }
        throw .badHeader
    }

    /// Reads one complete expression. On failure `offset` stays where it was.
    public mutating func readExpression() throws(WXFError) -> Expr {
        let start = offset
        do {
            return try readTree()
        } catch {
            offset = start
            throw error
        }
    }

    // MARK: The walk

    /// A function or association whose parts are being read.
    private struct OpenExpression {
        enum Phase {
            /// A function: the head is read next (then `arguments`).
            case head
            case arguments
            /// An association: a rule token is read next, then `key`, then `value`.
            case ruleToken
            case key
            case value
        }
        var phase: Phase
        /// Arguments (or rules) the token declared.
        var count: Int
        var head: Expr = .integer(0)
        var elements: [Expr] = []
        var delayed = false
        var key: Expr = .integer(0)
    }

    private mutating func readTree() throws(WXFError) -> Expr {
        var stack: [OpenExpression] = []
        let marker = arraySubstitution.map { symbols.intern(fullName: $0.markerHead) }
        reading: while true {
            if let top = stack.indices.last, stack[top].phase == .ruleToken {
                guard offset < buffer.count else { throw .truncated(offset: offset) }
                switch buffer[offset] {
                case WXFToken.rule.rawValue: stack[top].delayed = false
                case WXFToken.ruleDelayed.rawValue: stack[top].delayed = true
                default: throw .expectedRule(found: buffer[offset], offset: offset)
                }
                offset += 1
                stack[top].phase = .key
                continue reading
            }

            let tokenOffset = offset
            guard offset < buffer.count else { throw .truncated(offset: offset) }
            guard let token = WXFToken(rawValue: buffer[offset]) else {
                throw .unknownToken(buffer[offset], offset: offset)
            }
            offset += 1
            var value: Expr
            switch token {
            case .function:
                let count = try readLength()
                // Every expression takes at least two bytes: the head and each argument.
                guard count < remaining / 2 else { throw .truncated(offset: buffer.count) }
                guard stack.count < limits.maxDepth else { throw .tooDeep(limit: limits.maxDepth, offset: tokenOffset) }
                var open = OpenExpression(phase: .head, count: count)
                reserve(&open.elements, count)
                stack.append(open)
                continue reading
            case .association:
                let count = try readLength()
                guard count > 0 else {
                    value = Expr(system.Association, [])
                    break
                }
                // A rule takes at least five bytes: its token, a key and a value.
                guard count <= remaining / 5 else { throw .truncated(offset: buffer.count) }
                guard stack.count < limits.maxDepth else { throw .tooDeep(limit: limits.maxDepth, offset: tokenOffset) }
                var open = OpenExpression(phase: .ruleToken, count: count)
                reserve(&open.elements, count)
                stack.append(open)
                continue reading
            case .rule, .ruleDelayed:
                throw .ruleOutsideAssociation(offset: tokenOffset)
            default:
                value = try readAtom(token, at: tokenOffset, depth: stack.count)
            }

            // Hand the finished value to the innermost open expression, closing those it completes.
            while let top = stack.indices.last {
                switch stack[top].phase {
                case .head:
                    stack[top].head = value
                    stack[top].phase = .arguments
                case .arguments:
                    stack[top].elements.append(value)
                case .key:
                    stack[top].key = value
                    stack[top].phase = .value
                    continue reading
                case .value:
                    let rule = stack[top].delayed ? system.RuleDelayed : system.Rule
                    stack[top].elements.append(Expr(rule, [stack[top].key, value]))
                    stack[top].phase = .ruleToken
                case .ruleToken:
                    preconditionFailure("a rule token is read before any value")
                }
                if stack[top].elements.count < stack[top].count { continue reading }
                let done = stack.removeLast()
                if done.phase == .ruleToken {
                    value = Expr(system.Association, done.elements)
                } else {
                    value = try finishFunction(head: done.head, arguments: done.elements, marker: marker)
                }
            }
            return value
        }
    }

    /// Reserves room for `count` elements, within the input-sized budget.
    private mutating func reserve(_ elements: inout [Expr], _ count: Int) {
        let granted = min(count, reservationBudget)
        reservationBudget -= granted
        elements.reserveCapacity(granted)
    }

    /// The expression for a complete function: number atoms for `Complex` and `Rational` of numbers,
    /// the substitution decoder's result for its marker head, else the function itself.
    private func finishFunction(head: Expr, arguments: [Expr], marker: Symbol?) throws(WXFError) -> Expr {
        if case .symbol(let symbol) = head {
            if symbol === marker, let decoder = arraySubstitution {
                return try decoder.resolve(arguments)
            }
            if arguments.count == 2 {
                if symbol === system.ComplexHead, let number = Self.complex(arguments[0], arguments[1]) {
                    return number
                }
                if symbol === system.RationalHead, let number = Self.rational(arguments[0], arguments[1]) {
                    return number
                }
            }
        }
        return .normal(Normal(head, arguments))
    }

    /// `Complex[re, im]` as the atom Tessera uses: inexact parts make both parts machine reals (as
    /// Wolfram coerces `Complex[1.5, 2]`), and an exact zero imaginary part leaves the real part.
    static func complex(_ re: Expr, _ im: Expr) -> Expr? {
        func machineReal(_ part: Expr) -> Double? {
            switch part {
            case .integer(let value): return Double(value)
            case .bigInteger(let value): return Double(value)
            case .rational(let numerator, let denominator): return Double(numerator) / Double(denominator)
            case .real(let value): return value
            default: return nil
            }
        }
        guard let reValue = machineReal(re), let imValue = machineReal(im) else { return nil }
        if case .real = re { return .complex(.real(reValue), .real(imValue)) }
        if case .real = im { return .complex(.real(reValue), .real(imValue)) }
        if case .integer(0) = im { return re }
        return .complex(re, im)
    }

    /// `Rational[n, d]` of integers in lowest terms (nil for a zero denominator).
    static func rational(_ numerator: Expr, _ denominator: Expr) -> Expr? {
        func integer(_ part: Expr) -> BigInt? {
            switch part {
            case .integer(let value): return BigInt(value)
            case .bigInteger(let value): return value
            default: return nil
            }
        }
        guard let n = integer(numerator), let d = integer(denominator) else { return nil }
        return Expr.rational(n, over: d)
    }

    // MARK: Atoms

    /// A token without parts (or an array), `depth` levels inside open expressions.
    private mutating func readAtom(_ token: WXFToken, at tokenOffset: Int, depth: Int) throws(WXFError) -> Expr {
        switch token {
        case .integer8:
            return .integer(Int(try readFixed(Int8.self)))
        case .integer16:
            return .integer(Int(Int16(littleEndian: try readFixed(Int16.self))))
        case .integer32:
            return .integer(Int(Int32(littleEndian: try readFixed(Int32.self))))
        case .integer64:
            return .integer(Int(Int64(littleEndian: try readFixed(Int64.self))))
        case .real64:
            return .real(Double(bitPattern: UInt64(littleEndian: try readFixed(UInt64.self))))
        case .string:
            return .string(try readText())
        case .symbol:
            return .symbol(try readSymbol())
        case .binaryString:
            return .byteArray(Array(try readBytes()))
        case .bigInteger:
            let text = try readBytes()
            guard text.count <= limits.maxBigIntegerDigits + 1 else {
                throw .bigIntegerTooLong(digits: text.count, offset: tokenOffset)
            }
            guard let value = BigNumberText.parseInteger(text) else { throw .invalidBigInteger(offset: tokenOffset) }
            return .integer(value)
        case .bigReal:
            let text = try readBytes()
            do {
                return .real(try BigNumberText.parseReal(text))
            } catch {
                switch error {
                case .malformed: throw .invalidBigReal(offset: tokenOffset)
                case .outOfRange: throw .bigRealOutOfRange(String(decoding: text, as: UTF8.self), offset: tokenOffset)
                }
            }
        case .packedArray, .numericArray:
            return try readArray(token, at: tokenOffset, depth: depth)
        case .function, .association, .rule, .ruleDelayed:
            preconditionFailure("compound tokens are handled by the walk")
        }
    }

    /// A varint length or count.
    mutating func readLength() throws(WXFError) -> Int {
        try Varint.read(buffer, at: &offset)
    }

    /// A little-endian fixed-size value (the caller converts from little-endian).
    @inline(__always)
    private mutating func readFixed<T: FixedWidthInteger>(_ type: T.Type) throws(WXFError) -> T {
        let size = MemoryLayout<T>.size
        guard remaining >= size else { throw .truncated(offset: buffer.count) }
        let value = buffer.loadUnaligned(fromByteOffset: offset, as: T.self)
        offset += size
        return value
    }

    /// A varint length and that many bytes, as a view into the buffer.
    mutating func readBytes() throws(WXFError) -> UnsafeRawBufferPointer {
        let count = try readLength()
        guard count <= remaining else { throw .truncated(offset: buffer.count) }
        let bytes = UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + count)])
        offset += count
        return bytes
    }

    /// A varint length and that many bytes of UTF-8.
    private mutating func readText() throws(WXFError) -> String {
        let start = offset
        let bytes = try readBytes()
        guard let text = String(validating: bytes.assumingMemoryBound(to: UInt8.self), as: UTF8.self) else {
            throw .invalidUTF8(offset: start)
        }
        return text
    }

    /// A symbol name, checked and resolved.
    private mutating func readSymbol() throws(WXFError) -> Symbol {
        let start = offset
        let name = try readText()
        if let known = symbolCache[name] { return known }
        guard Self.isSymbolName(name) else { throw .invalidSymbolName(name, offset: start) }
        let symbol: Symbol
        if name.utf8.contains(UInt8(ascii: "`")) {
            symbol = symbols.lookup(name)
        } else {
            symbol = symbols.existing(fullName: "System`" + name) ?? symbols.lookup(name)
        }
        symbolCache[name] = symbol
        return symbol
    }

    /// Context segments separated by backquotes (a leading one makes the name relative), each made of
    /// letters, digits and `$`, not starting with a digit. Bytes beyond ASCII count as letters (WL
    /// allows Greek and other letters in names).
    static func isSymbolName(_ name: String) -> Bool {
        var segmentLength = 0
        var isFirst = true
        for byte in name.utf8 {
            if byte == UInt8(ascii: "`") {
                if segmentLength == 0 && !isFirst { return false }
                segmentLength = 0
            } else {
                let isDigit = byte &- UInt8(ascii: "0") < 10
                let isLetter = (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte == UInt8(ascii: "$") || byte >= 0x80
                if segmentLength == 0 && !isLetter { return false }
                if !isLetter && !isDigit { return false }
                segmentLength += 1
            }
            isFirst = false
        }
        return segmentLength > 0
    }
}
