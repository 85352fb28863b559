// Reading a file one top-level expression at a time.
//
// Mathematica reads a package file the same way: each expression is parsed, then evaluated, before
// the next one is parsed. That order is what makes packages work, because parsing a name interns its
// symbol in the `$Context` of that moment: after `BeginPackage["P`"]` has been evaluated, `f` is read as
// `P`f`; had the whole file been parsed first, every name would have landed in `Global``.

import TesseraExpr

/// The top-level expressions of one source text, parsed on demand.
public struct ExpressionReader {
    private var session: ParseSession
    private let source: String

    public init(parser: Parser, source: String) {
        self.source = source
        session = ParseSession(parser: parser, source: source)
    }

    /// The next expression, or nil at the end of the text. After a syntax error the reader is spent.
    public mutating func next() throws(SyntaxError) -> Expr? {
        // Inside, errors travel untyped: a typed error is returned through a slot in every caller's
        // frame, which on this deeply recursive path costs more stack than the recursion itself.
        do {
            return try session.parseNextExpression()
        } catch let error as SyntaxError {
            throw error
        } catch {
            throw SyntaxError(tag: "sntxf", text: "\(error)", offset: 0)
        }
    }

    /// The 1-based line of a byte offset of the source (for `(line n of "file")`).
    public func line(ofOffset offset: Int) -> Int {
        var line = 1
        for byte in source.utf8.prefix(offset) where byte == UInt8(ascii: "\n") { line += 1 }
        return line
    }
}
