// Top-level evaluation: what happens to one input of a session.
//
// Each input resets the per-evaluation message state, is evaluated, and its result is stored as
// Out[n]. Control flow that escapes to the top level is reported the way Mathematica does: an
// uncaught Throw prints Throw::nocatch and returns Hold[Throw[...]], Abort[] gives $Aborted, and a
// top-level Return[x] stays Return[x].

import TesseraExpr
import TesseraSyntax

public enum TopLevelOutcome {
    case value(Expr)
    case quit(Int32)
}

extension Kernel {
    /// Evaluates one top-level input and records it in the Out history.
    public func evaluateTopLevel(_ input: Expr) -> TopLevelOutcome {
        resetMessageState()
        let result: Expr
        do {
            result = try evaluate(input)
        } catch {
            switch error {
            case .quit(let code):
                return .quit(code)
            case .aborted, .malformed:
                result = .symbol(symbols.intern(fullName: "System`$Aborted"))
            case .goto(let tag):
                result = Expr(sys.Hold, Expr(symbols.intern(fullName: "System`Goto"), tag))
            case .breakLoop:
                result = Expr(sys.Break)
            case .continueLoop:
                result = Expr(sys.Continue)
            case .thrown(let value, let tag):
                let thrown = tag.map { Expr(sys.Throw, value, $0) } ?? Expr(sys.Throw, value)
                message(sys.Throw, "nocatch", Expr(sys.HoldForm, thrown))
                result = Expr(sys.Hold, thrown)
            }
        }
        outputs[lineNumber] = result
        lineNumber += 1
        return .value(result)
    }

    /// Parses and evaluates source text; each top-level expression becomes one input, parsed only
    /// once the inputs before it have been evaluated (so that `BeginPackage` decides the context of
    /// the names after it). A syntax error is reported as a message, with its line when the text is
    /// the contents of `file`, and ends the run; what came before it has been evaluated.
    public func run(_ source: String, file: String? = nil, each: (Expr, Expr) -> Bool = { _, _ in true }) -> RunOutcome {
        var reader = ExpressionReader(parser: parser, source: source)
        var last: Expr = .symbol(sys.Null)
        while true {
            let input: Expr
            do {
                guard let next = try reader.next() else { return .finished(last) }
                input = next
            } catch {
                if let file {
                    reportSyntaxError(error, in: file, line: reader.line(ofOffset: error.offset))
                } else {
                    reportSyntaxError(error)
                }
                return .syntaxError
            }
            switch evaluateTopLevel(input) {
            case .quit(let code): return .quit(code)
            case .value(let value):
                last = value
                if !each(input, value) { return .finished(last) }
            }
        }
    }

    public func reportSyntaxError(_ error: SyntaxError) {
        write("\nSyntax::" + error.tag + ": " + error.text + "\n")
    }
}

public enum RunOutcome {
    case finished(Expr)
    case syntaxError
    case quit(Int32)
}
