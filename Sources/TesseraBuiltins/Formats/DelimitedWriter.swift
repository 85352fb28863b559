// Expressions as rows of fields: the writing half of "CSV", "TSV", "Table" and "List".
//
// A list of lists is a table, one row per line; a list of other things is one column (as Mathematica
// documents for `{v1, v2, ...}`), anything else one field. Lines are joined by LF with no final line
// break. A number is written in the C form Mathematica's tabular Export uses (`0.1`, `1.`, `1.5e-20`,
// `10000000000000000000000`), which every reader of CSV takes as a number and which NumberText reads
// back exactly; a string is written as it is, between quotes (inner quotes doubled) only when it would
// not read back otherwise: it holds the separator, a quote or a line break ("Table" also quotes blanks,
// as its reader splits on them). Other expressions are written as their InputForm, quoted likewise.
// Packed arrays are written from their buffers.

import TesseraCore
import TesseraExpr
import TesseraStorage
import TesseraSyntax

struct DelimitedWriter {
    let separator: UInt8
    /// "Table" (not TSV) re-reads fields split on blanks, so it also quotes blanks and empty strings.
    let splitsOnBlanks: Bool
    let k: Kernel

    /// `e` as a table: rows of fields separated by `separator`.
    func table(_ e: Expr) -> String {
        var out = ""
        if case .packed(let p) = e, p.rank <= 2 {
            let width = p.rank == 2 ? p.dimensions[1] : 1
            out.reserveCapacity(p.count * 8)
            for i in 0..<p.count {
                if i > 0 { out.unicodeScalars.append(i % width == 0 ? "\n" : UnicodeScalar(separator)) }
                writePackedElement(p, i, into: &out)
            }
            return out
        }
        guard e.isList(k.sys) else { writeField(e, into: &out); return out }
        for (r, row) in e.arguments.enumerated() {
            if r > 0 { out += "\n" }
            guard row.isList(k.sys) else { writeField(row, into: &out); continue }
            for (c, cell) in row.arguments.enumerated() {
                if c > 0 { out.unicodeScalars.append(UnicodeScalar(separator)) }
                writeField(cell, into: &out)
            }
        }
        return out
    }

    /// One field: a number in C form, a string (quoted when needed), or InputForm text.
    func writeField(_ e: Expr, into out: inout String) {
        switch e {
        case .integer(let i): out += String(i)
        case .bigInteger(let b): out += b.description
        case .real(let d): Self.writeCForm(d, into: &out)
        case .string(let s): writeQuotedIfNeeded(s, into: &out)
        default: writeQuotedIfNeeded(k.printer.text(e, form: .input), into: &out)
        }
    }

    private func writePackedElement(_ p: PackedArray, _ i: Int, into out: inout String) {
        switch p.type {
        case .integer: out += String(p.integers[i])
        case .real: Self.writeCForm(p.reals[i], into: &out)
        case .complex:
            let z = p.complexes[i]
            writeField(.complex(.real(z.re), .real(z.im)), into: &out)
        }
    }

    private func writeQuotedIfNeeded(_ s: String, into out: inout String) {
        let needsQuotes = s.utf8.contains { b in
            b == separator || b == UInt8(ascii: "\"") || b == 0x0A || b == 0x0D || (splitsOnBlanks && b == 0x20)
        } || (splitsOnBlanks && s.isEmpty)
        guard needsQuotes else { out += s; return }
        out += "\""
        for c in s.unicodeScalars {
            if c == "\"" { out += "\"" }
            out.unicodeScalars.append(c)
        }
        out += "\""
    }

    /// A machine real in C form: InputForm's shortest digits with an `e` exponent (`1.5e-20`).
    static func writeCForm(_ d: Double, into out: inout String) {
        var text = ""  // at most 24 bytes: a small string, stored inline
        ExprPrinter.writeInputForm(d, into: &text)
        guard let star = text.utf8.firstIndex(of: UInt8(ascii: "*")) else { out += text; return }
        out += text[..<star]
        out += "e"
        out += text[text.utf8.index(star, offsetBy: 2)...]
    }
}
