// Writing expressions as WXF.
//
// `WXFWriter` appends tokens to a byte array. It walks the expression with an explicit work stack
// instead of recursion, so an expression nested a million levels deep is written like a flat one, and the
// same loop handles the forms that WXF spells specially:
//
// - `Association[k -> v, ...]` becomes `A` with one `-` or `:` token per rule (a `Rule` anywhere else is
//   an ordinary function `f 02 s"Rule" ...`);
// - `NumericArray[array, "Type"]` becomes `Â` with elements converted to the named type;
// - a packed array becomes `Á`, integers in the narrowest type that holds them (as `BinarySerialize`
//   does), reals as Real64 and complexes as ComplexReal64, the bytes copied in one block;
// - exact numbers that are atoms in Tessera travel as WXF writes them: `Rational[n, d]` and
//   `Complex[re, im]` functions, `I` digits beyond 64 bits;
// - `ByteArray` atoms become `B`.
//
// A machine integer takes the narrowest of `C`, `j`, `i`, `L`. Reals are always `r` (Tessera has no
// arbitrary-precision reals to write as `R`).

import BigInt
import TesseraExpr
import TesseraStorage

/// Appends WXF to a byte array. Use `writeHeader` once per message, then `write` one expression.
public struct WXFWriter {
    /// Everything written so far.
    public var bytes: [UInt8]
    /// Offered every packed array before it is written (see `WXFArraySubstitutionEncoder`).
    public var arraySubstitution: (any WXFArraySubstitutionEncoder)?
    let system: SystemSymbols
    /// Where runs of array data of `largeRunBytes` or more go instead of `bytes` (the pending `bytes`
    /// are passed to it first). Writing a file this way costs no copy of big arrays; a sink answers
    /// false when it could not take the bytes, which sets `sinkFailed`.
    public var largeRunSink: ((UnsafeRawBufferPointer) -> Bool)?
    public internal(set) var sinkFailed = false
    static let largeRunBytes = 1 << 20

    public init(symbols: SymbolTable, reservingCapacity capacity: Int = 256,
                arraySubstitution: (any WXFArraySubstitutionEncoder)? = nil) {
        self.system = symbols.system
        self.arraySubstitution = arraySubstitution
        self.bytes = []
        self.bytes.reserveCapacity(capacity)
    }

    /// Empties `bytes` but keeps its memory, so that a stream writing one message after another does
    /// not pay again for the pages of a fresh buffer (for large arrays that costs more than the copy).
    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// Passes the pending `bytes` to `sink` and empties them.
    public mutating func flush(to sink: (UnsafeRawBufferPointer) -> Bool) {
        guard !bytes.isEmpty else { return }
        if !bytes.withUnsafeBytes({ sink($0) }) { sinkFailed = true }
        bytes.removeAll(keepingCapacity: true)
    }

    /// Appends the `8:` header that opens an uncompressed message.
    public mutating func writeHeader() {
        bytes.append(contentsOf: WXFHeader.plain)
    }

    // MARK: Whole expressions

    /// One step of the walk: what remains to be written of an expression already opened.
    private enum Pending {
        /// Arguments `next...` of a function whose token and head are written.
        case arguments(Normal, next: Int)
        /// Rules `next...` of an association whose `A` token is written.
        case rules(Normal, next: Int)
        /// An expression still to write in full.
        case expression(Expr)
    }

    /// Appends `expression` (without a header).
    public mutating func write(_ expression: Expr) {
        var stack: [Pending] = []
        var current: Expr? = expression
        while true {
            if let next = current {
                current = open(next, stack: &stack)
                continue
            }
            guard let pending = stack.popLast() else { return }
            switch pending {
            case .arguments(let normal, let index):
                if index + 1 < normal.arguments.count { stack.append(.arguments(normal, next: index + 1)) }
                current = normal.arguments[index]
            case .rules(let association, let index):
                if index + 1 < association.arguments.count { stack.append(.rules(association, next: index + 1)) }
                let rule = association.arguments[index].asNormal!
                write(token: rule.head.isSymbol(system.RuleDelayed) ? .ruleDelayed : .rule)
                stack.append(.expression(rule.arguments[1]))
                current = rule.arguments[0]
            case .expression(let expression):
                current = expression
            }
        }
    }

    /// Writes the atom `expression`, or the opening of a compound one (pushing what remains of it onto
    /// `stack`). Returns an expression to write next, before anything on the stack.
    private mutating func open(_ expression: Expr, stack: inout [Pending]) -> Expr? {
        switch expression {
        case .integer(let value):
            writeInteger(value)
        case .bigInteger(let value):
            writeInteger(value)
        case .rational(let numerator, let denominator):
            writeFunction(argumentCount: 2)
            writeSymbol(name: "Rational")
            writeInteger(numerator)
            writeInteger(denominator)
        case .real(let value):
            writeReal(value)
        case .complex(let re, let im):
            writeFunction(argumentCount: 2)
            writeSymbol(name: "Complex")
            stack.append(.expression(im))
            return re
        case .string(let text):
            writeString(text)
        case .symbol(let symbol):
            writeSymbol(symbol)
        case .byteArray(let data):
            writeByteArray(data)
        case .packed(let array):
            if let hook = arraySubstitution, let substitute = hook.substitute(for: array) {
                if case .packed(let plain) = substitute {
                    writePackedArray(plain)
                    return nil
                }
                return substitute
            }
            writePackedArray(array)
        case .normal(let normal):
            if case .symbol(let head) = normal.head {
                if head === system.Association, isRuleList(normal.arguments) {
                    write(token: .association)
                    Varint.append(normal.arguments.count, to: &bytes)
                    if !normal.arguments.isEmpty { stack.append(.rules(normal, next: 0)) }
                    return nil
                }
                if head === system.NumericArray, writeNumericArray(normal.arguments) {
                    return nil
                }
            }
            writeFunction(argumentCount: normal.arguments.count)
            if !normal.arguments.isEmpty { stack.append(.arguments(normal, next: 0)) }
            return normal.head
        }
        return nil
    }

    /// True when every element is `Rule[k, v]` or `RuleDelayed[k, v]`, so the association has an `A` form.
    private func isRuleList(_ elements: [Expr]) -> Bool {
        elements.allSatisfy { element in
            guard case .normal(let rule) = element, rule.arguments.count == 2,
                  case .symbol(let head) = rule.head else { return false }
            return head === system.Rule || head === system.RuleDelayed
        }
    }

    // MARK: Single tokens

    @inline(__always)
    mutating func write(token: WXFToken) {
        bytes.append(token.rawValue)
    }

    /// `f` and the argument count; the head and the arguments must follow.
    public mutating func writeFunction(argumentCount: Int) {
        write(token: .function)
        Varint.append(argumentCount, to: &bytes)
    }

    /// A machine integer in the narrowest of `C`, `j`, `i`, `L`.
    public mutating func writeInteger(_ value: Int) {
        if let narrow = Int8(exactly: value) {
            write(token: .integer8)
            bytes.append(UInt8(bitPattern: narrow))
        } else if let narrow = Int16(exactly: value) {
            write(token: .integer16)
            appendLittleEndian(narrow)
        } else if let narrow = Int32(exactly: value) {
            write(token: .integer32)
            appendLittleEndian(narrow)
        } else {
            write(token: .integer64)
            appendLittleEndian(Int64(value))
        }
    }

    /// An integer of any size: a machine token when it fits 64 bits, else `I` and its decimal digits.
    public mutating func writeInteger(_ value: BigInt) {
        if let small = Int(exactly: value) {
            writeInteger(small)
            return
        }
        write(token: .bigInteger)
        appendText(BigNumberText.decimal(value))
    }

    /// `r`: the IEEE 754 bits, little-endian (NaN and infinities pass through unchanged).
    public mutating func writeReal(_ value: Double) {
        write(token: .real64)
        appendLittleEndian(value.bitPattern)
    }

    /// `S` and the UTF-8 text.
    public mutating func writeString(_ text: String) {
        write(token: .string)
        appendText(text)
    }

    /// `s` and the name as WXF spells it: bare for `System``, with the full context otherwise.
    public mutating func writeSymbol(_ symbol: Symbol) {
        writeSymbol(name: symbol.context == "System`" ? symbol.name : symbol.fullName)
    }

    /// `s` and `name` exactly as given.
    public mutating func writeSymbol(name: String) {
        write(token: .symbol)
        appendText(name)
    }

    /// `B` and the bytes.
    public mutating func writeByteArray(_ data: [UInt8]) {
        write(token: .binaryString)
        Varint.append(data.count, to: &bytes)
        bytes.append(contentsOf: data)
    }

    /// `A` and the rule count; `count` rule tokens must follow.
    public mutating func writeAssociation(count: Int) {
        write(token: .association)
        Varint.append(count, to: &bytes)
    }

    /// `-` or `:`; the key and the value must follow.
    public mutating func writeRule(delayed: Bool) {
        write(token: delayed ? .ruleDelayed : .rule)
    }

    // MARK: Bytes

    /// A varint length and the UTF-8 bytes of `text`.
    private mutating func appendText(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            Varint.append(utf8.count, to: &bytes)
            bytes.append(contentsOf: utf8)
        }
    }

    @inline(__always)
    mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
