// Syntax errors, worded as Mathematica words them.
//
// The kernel prints a syntax error as `Syntax::tag: text`; `tag` and `text` here are exactly those two
// parts, so a caller can print or wrap them without knowing which error it was. Each kind of error has
// one constructor below, so that every place in the scanner and parser that finds the same problem words
// it the same way.

/// A failure to read source text. `offset` is the UTF-8 byte offset in the source where the problem is.
public struct SyntaxError: Error, Equatable, Sendable {
    /// The message tag: `"sntxf"`, `"sntxb"`, `"sntxi"`, `"tsntxi"`, `"bktmcp"`, `"stresc"`, ...
    public let tag: String
    /// The message text printed after `Syntax::tag: `.
    public let text: String
    public let offset: Int

    public init(tag: String, text: String, offset: Int) {
        self.tag = tag
        self.text = text
        self.offset = offset
    }

    /// True for the errors that more input could cure (an open bracket, string or comment, or an
    /// expression that ends in an operator); a REPL keeps reading on these.
    public var isIncomplete: Bool {
        tag == "sntxi" || tag == "tsntxi" || tag == "bktmcp"
    }
}

extension SyntaxError {
    /// `"1+" cannot be followed by ")"`.
    static func cannotFollow(_ before: String, _ after: String, at offset: Int) -> SyntaxError {
        SyntaxError(tag: "sntxf", text: "\"\(before)\" cannot be followed by \"\(after)\".", offset: offset)
    }

    /// `Expression cannot begin with ")"`.
    static func cannotBegin(_ text: String, at offset: Int) -> SyntaxError {
        SyntaxError(tag: "sntxb", text: "Expression cannot begin with \"\(text)\".", offset: offset)
    }

    /// An expression that stops after an operator at the end of the input.
    static func incomplete(_ text: String, at offset: Int) -> SyntaxError {
        SyntaxError(tag: "tsntxi", text: "\"\(text)\" is incomplete; more input is needed.", offset: offset)
    }

    /// A string or comment still open at the end of the input.
    static func incompleteExpression(at offset: Int) -> SyntaxError {
        SyntaxError(tag: "sntxi", text: "Incomplete expression; more input is needed .", offset: offset)
    }

    /// A bracket still open at the end of the input.
    static func unclosed(_ text: String, closer: String, at offset: Int) -> SyntaxError {
        SyntaxError(tag: "bktmcp", text: "Expression \"\(text)\" has no closing \"\(closer)\".", offset: offset)
    }

    /// `"\q"`: a backslash escape that does not exist.
    static func unknownEscape(_ character: String, at offset: Int) -> SyntaxError {
        SyntaxError(tag: "stresc", text: "Unknown string escape \\\(character).", offset: offset)
    }

    /// `\[Foo]` with an unknown name.
    static func unknownLongName(_ name: String, at offset: Int) -> SyntaxError {
        SyntaxError(tag: "sntufn", text: "Unknown unicode longname \"\(name)\".", offset: offset)
    }

    /// `\:00G1`.
    static func badHexEscape(at offset: Int) -> SyntaxError {
        SyntaxError(tag: "snthex",
                    text: "4 hexadecimal digits are required after \\: to construct a 16-bit character.",
                    offset: offset)
    }

    /// `\|00G1xx`.
    static func badLongHexEscape(at offset: Int) -> SyntaxError {
        SyntaxError(tag: "snthex32",
                    text: "6 hexadecimal digits are required after \\| to construct a 32-bit character.",
                    offset: offset)
    }

    /// `\.G1`.
    static func badByteEscape(at offset: Int) -> SyntaxError {
        SyntaxError(tag: "sntoct2",
                    text: "2 hexadecimal digits are required after \\. to construct an 8-bit character.",
                    offset: offset)
    }

    /// `\08`.
    static func badOctalEscape(at offset: Int) -> SyntaxError {
        SyntaxError(tag: "sntoct1",
                    text: "3 octal digits are required after \\ to construct an 8-bit character.",
                    offset: offset)
    }

    /// Nesting deeper than the parser's recursion bound (Mathematica has no message for this; the
    /// bound keeps the native stack safe on any thread).
    static func tooDeep(limit: Int, at offset: Int) -> SyntaxError {
        SyntaxError(tag: "sntdep", text: "Expression is nested more than \(limit) levels deep.", offset: offset)
    }
}
