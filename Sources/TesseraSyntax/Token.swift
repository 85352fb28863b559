// Tokens: what the scanner hands the parser.
//
// A token carries its decoded value (a number is already an `Expr`, a string has its escapes resolved,
// a named character in an identifier is already its letter) and the byte range it came from, which the
// parser needs only to quote source text in syntax messages.

import TesseraExpr

/// `x_h`, `__`, `x_.`: a pattern written with underscores, read as one token (as Mathematica does).
struct BlankToken: Equatable {
    /// The pattern name before the underscores (`x` in `x_h`), if any.
    var name: String?
    /// 1, 2 or 3 underscores: `Blank`, `BlankSequence`, `BlankNullSequence`.
    var underscores: Int
    /// The head after the underscores (`h` in `x_h`), if any.
    var head: String?
    /// `x_.`: an optional pattern with a default value.
    var isOptional: Bool
}

enum TokenKind: Equatable {
    /// An identifier as written, context marks included (`Developer`PackedArrayQ`).
    case symbol(String)
    case number(Expr)
    case string(String)
    indirect case blank(BlankToken)
    /// `#`, `#3`.
    case slot(Int)
    /// `#name`.
    case namedSlot(String)
    /// `##`, `##2`.
    case slotSequence(Int)
    /// `%` (nil), `%%` (-2), `%5` (5).
    case out(Int?)
    /// An operator or a bracket, by its spelling (a decoded character for `\[Rule]`).
    case op(String)
    /// A line break outside any bracket: it may end an expression.
    case newline
    case end
}

struct Token: Equatable {
    var kind: TokenKind
    /// Byte offsets of the token in the source.
    var start: Int
    var end: Int

    func isOperator(_ spelling: String) -> Bool {
        if case .op(let s) = kind { return s == spelling }
        return false
    }

    var operatorSpelling: String? {
        if case .op(let s) = kind { return s }
        return nil
    }

    var isNewline: Bool { kind == .newline }
    var isEnd: Bool { kind == .end }
}
