// Rows of fields from text: the reading half of "CSV", "TSV", "Table", "List" and "Lines".
//
// CSV and TSV follow RFC 4180 with its usual leniencies: a field that starts with `"` runs to the next
// lone `"` and may hold separators, line breaks and doubled quotes `""` (one quote); text after the
// closing quote stays part of the field. Lines end in LF, CRLF or CR; a final line break adds no row;
// an empty line is an empty row `{}`; an empty field is `""`; rows may differ in length. "Table" splits
// on runs of blanks (spaces, tabs) instead, ignoring blanks at either end of a line.
//
// Every field that reads as a number (NumberText) becomes one, quoted or not; the rest are strings as
// written (blanks kept). A table whose rows are all the same length and all integers, or all reals,
// comes back as a packed array, so a big numeric file costs one buffer rather than an expression per
// number.
//
// The only malformed input is a quote that never closes: it is an error naming the line it opened on,
// since everything after it would otherwise be swallowed into one field.

import TesseraCore
import TesseraExpr
import TesseraStorage

/// How fields are separated on a line.
enum FieldSeparation: Equatable {
    case character(UInt8)
    case blanks
}

/// A quoted field that is still open at the end of the text.
struct UnterminatedQuoteError: Error, Equatable {
    let line: Int
}

struct DelimitedReader {
    private let bytes: UnsafeRawBufferPointer
    private let separation: FieldSeparation
    private var index = 0
    private var line = 1

    private init(_ bytes: UnsafeRawBufferPointer, _ separation: FieldSeparation) {
        self.bytes = bytes
        self.separation = separation
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { index = 3 }
    }

    /// The table of `bytes` as a list of rows.
    static func table(_ bytes: UnsafeRawBufferPointer, _ separation: FieldSeparation, _ k: Kernel)
        throws(UnterminatedQuoteError) -> Expr {
        var reader = DelimitedReader(bytes, separation)
        let rows = try reader.rows()
        if let packed = packed(rows) { return .packed(packed) }
        return Expr(k.sys.List, rows.map { Expr(k.sys.List, $0) })
    }

    /// The lines of `bytes`, without their line breaks (LF, CRLF or CR); a final break adds no line.
    static func lines(_ bytes: UnsafeRawBufferPointer) -> [UnsafeRawBufferPointer] {
        var result: [UnsafeRawBufferPointer] = []
        var start = 0
        var i = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3; i = 3 }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D {
                result.append(UnsafeRawBufferPointer(rebasing: bytes[start..<i]))
                if b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
                start = i + 1
            }
            i += 1
        }
        if start < bytes.count { result.append(UnsafeRawBufferPointer(rebasing: bytes[start...])) }
        return result
    }

    /// A field's value: its number, else its text.
    static func value(_ field: UnsafeRawBufferPointer) -> Expr {
        NumberText.number(field) ?? .string(String(decoding: field, as: UTF8.self))
    }

    // MARK: Rows

    // table := { row lineBreak } [ row ];  row := [ field { separator field } ]
    private mutating func rows() throws(UnterminatedQuoteError) -> [[Expr]] {
        var rows: [[Expr]] = []
        while index < bytes.count {
            var row: [Expr] = []
            if separation == .blanks { skipBlanks() }
            while !atLineEnd {
                row.append(try field())
                switch separation {
                case .character(let separator):
                    if index < bytes.count && bytes[index] == separator {
                        index += 1
                        if atLineEnd { row.append(.string("")) }  // "a,": a last, empty field
                    }
                case .blanks:
                    skipBlanks()
                }
            }
            skipLineBreak()
            rows.append(row)
        }
        return rows
    }

    // field := '"' { char | '""' } '"' { char } | { char }
    private mutating func field() throws(UnterminatedQuoteError) -> Expr {
        guard bytes[index] == UInt8(ascii: "\"") else {
            let start = index
            while index < bytes.count && !endsField(bytes[index]) { index += 1 }
            return Self.value(UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        }
        let openedOn = line
        index += 1
        var text: [UInt8] = []
        while true {
            guard index < bytes.count else { throw UnterminatedQuoteError(line: openedOn) }
            let b = bytes[index]
            index += 1
            if b == UInt8(ascii: "\"") {
                guard index < bytes.count && bytes[index] == UInt8(ascii: "\"") else { break }
                index += 1
            } else if b == 0x0A || (b == 0x0D && (index == bytes.count || bytes[index] != 0x0A)) {
                line += 1
            }
            text.append(b)
        }
        while index < bytes.count && !endsField(bytes[index]) {
            text.append(bytes[index])
            index += 1
        }
        return text.withUnsafeBytes { Self.value($0) }
    }

    private func endsField(_ b: UInt8) -> Bool {
        if b == 0x0A || b == 0x0D { return true }
        switch separation {
        case .character(let separator): return b == separator
        case .blanks: return b == 0x20 || b == 0x09
        }
    }

    private var atLineEnd: Bool {
        index >= bytes.count || bytes[index] == 0x0A || bytes[index] == 0x0D
    }

    private mutating func skipBlanks() {
        while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
    }

    private mutating func skipLineBreak() {
        guard index < bytes.count else { return }
        if bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
        index += 1
        line += 1
    }

    // MARK: Packing

    /// A rectangular table of only integers or only reals as one packed matrix; nil otherwise (mixed
    /// integers and reals stay as they are, as Mathematica gives them). Where no memory is left for the
    /// matrix, the rows are returned unpacked: they already exist, so nothing is lost.
    private static func packed(_ rows: [[Expr]]) -> PackedArray? {
        guard let width = rows.first?.count, width > 0, rows.allSatisfy({ $0.count == width }) else { return nil }
        let dimensions = [rows.count, width]
        switch rows[0][0] {
        case .integer:
            guard let array = try? PackedArray.uninitialized(.integer, dimensions),
                  fill(array.integers, rows, { if case .integer(let v) = $0 { v } else { nil } }) else { return nil }
            return array
        case .real:
            guard let array = try? PackedArray.uninitialized(.real, dimensions),
                  fill(array.reals, rows, { if case .real(let v) = $0 { v } else { nil } }) else { return nil }
            return array
        default:
            return nil
        }
    }

    /// Copies the rows' values into `out`, row after row; false at the first element of another kind.
    private static func fill<T>(_ out: UnsafeMutableBufferPointer<T>, _ rows: [[Expr]], _ value: (Expr) -> T?) -> Bool {
        var i = 0
        for row in rows {
            for e in row {
                guard let v = value(e) else { return false }
                out[i] = v
                i += 1
            }
        }
        return true
    }
}
