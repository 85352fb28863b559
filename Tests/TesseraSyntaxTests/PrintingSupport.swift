// Test support for the printer: expressions written in FullForm text, read by a tiny reader that
// knows nothing of operators, so the printer's tests do not depend on the parser.
//
// `Rational[p, q]` and `Complex[re, im]` with numeric arguments become the number atoms; capitalised
// names are System` symbols, the others live in Global`. Reals are written with a point (`1.`, `2.5e-10`).

import BigInt
import TesseraExpr
import TesseraSyntax

/// The text of the expression written as `fullForm`, printed in `form`.
func printed(_ fullForm: String, _ form: TextForm) -> String {
    let table = SymbolTable()
    let e = FullFormReader(table: table).read(fullForm)
    return ExprPrinter(symbols: table).text(e, form: form)
}

struct FullFormReader {
    let table: SymbolTable

    func read(_ text: String) -> Expr {
        var cursor = Cursor(bytes: Array(text.utf8))
        let e = expression(&cursor)
        cursor.skipSpace()
        precondition(cursor.atEnd, "unread text after position \(cursor.index) in \(text)")
        return e
    }

    private struct Cursor {
        let bytes: [UInt8]
        var index = 0
        var atEnd: Bool { index >= bytes.count }
        var current: UInt8 { bytes[index] }

        mutating func skipSpace() {
            while !atEnd && current == UInt8(ascii: " ") { index += 1 }
        }

        mutating func take(_ c: Character) -> Bool {
            skipSpace()
            if !atEnd && current == c.asciiValue! {
                index += 1
                return true
            }
            return false
        }
    }

    private func expression(_ c: inout Cursor) -> Expr {
        var e = atom(&c)
        while c.take("[") {
            var args: [Expr] = []
            if !c.take("]") {
                repeat { args.append(expression(&c)) } while c.take(",")
                precondition(c.take("]"), "expected ]")
            }
            e = Expr(head: e, args)
            if let number = numberAtom(e) { e = number }
        }
        return e
    }

    /// `Rational[1, 2]` and `Complex[1, 2]` as the atoms the evaluator makes of them.
    private func numberAtom(_ e: Expr) -> Expr? {
        guard case .normal(let n) = e, case .symbol(let h) = n.head, n.arguments.count == 2 else { return nil }
        let (a, b) = (n.arguments[0], n.arguments[1])
        if h.name == "Rational", let p = bigInteger(a), let q = bigInteger(b) {
            return Expr.rational(p, over: q)
        }
        if h.name == "Complex", a.isNumber, b.isNumber { return .complex(a, b) }
        return nil
    }

    private func bigInteger(_ e: Expr) -> BigInt? {
        switch e {
        case .integer(let i): return BigInt(i)
        case .bigInteger(let b): return b
        default: return nil
        }
    }

    private func atom(_ c: inout Cursor) -> Expr {
        c.skipSpace()
        let start = c.index
        if c.current == UInt8(ascii: "\"") {
            c.index += 1
            var scalars = String.UnicodeScalarView()
            while c.current != UInt8(ascii: "\"") {
                if c.current == UInt8(ascii: "\\") {
                    c.index += 1
                    switch c.current {
                    case UInt8(ascii: "n"): scalars.append("\n")
                    case UInt8(ascii: "t"): scalars.append("\t")
                    default: scalars.append(Unicode.Scalar(c.current))
                    }
                    c.index += 1
                } else {
                    // Copy one UTF-8 sequence.
                    var end = c.index + 1
                    while end < c.bytes.count && c.bytes[end] & 0xC0 == 0x80 { end += 1 }
                    scalars.append(contentsOf: String(decoding: c.bytes[c.index..<end], as: UTF8.self).unicodeScalars)
                    c.index = end
                }
            }
            c.index += 1
            return .string(String(scalars))
        }
        let delimiters: Set<UInt8> = Set("[],".utf8)
        while !c.atEnd && !delimiters.contains(c.current) && c.current != UInt8(ascii: " ") { c.index += 1 }
        let word = String(decoding: c.bytes[start..<c.index], as: UTF8.self)
        if let i = Int(word) { return .integer(i) }
        if let b = BigInt(word), word.allSatisfy({ $0.isNumber || $0 == "-" }) { return .integer(b) }
        if let first = word.unicodeScalars.first, first == "-" || first.properties.numericType != nil,
           let d = Double(word) {
            return .real(d)
        }
        if !word.contains("`"), let first = word.first, first.isUppercase || first == "$" {
            return .symbol(table.intern(fullName: "System`" + word))
        }
        return .symbol(table.lookup(word))
    }
}
