// Top-level evaluation: what happens to one input of a session.
//
// Each input resets the per-evaluation message state, is stored as In[n], is evaluated, and its
// result is stored as Out[n]. Control flow that escapes to the top level is reported the way
// Mathematica does: an uncaught Throw prints Throw::nocatch and returns Hold[Throw[...]], Abort[]
// gives $Aborted, and a top-level Return[x] stays Return[x]. $HistoryLength bounds what is kept.

import TesseraExpr
import TesseraSyntax

public enum TopLevelOutcome {
    case value(Expr)
    case quit(Int32)
}

extension Kernel {
    /// Evaluates one top-level input and records it in the Out history.
    public func evaluateTopLevel(_ input: Expr) -> TopLevelOutcome {
        checkOwnerThread()
        resetMessageState()
        inputs[lineNumber] = input
        let result: Expr
        do {
            result = try evaluate(input)
        } catch {
            switch error {
            case .quit(let code):
                return .quit(code)
            case .aborted, .malformed:
                result = .symbol(symbols.intern(fullName: "System`$Aborted"))
            case .terminated(let reason):
                result = Expr(symbols.intern(fullName: "System`TerminatedEvaluation"), .string(reason))
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
        trimHistory()
        lineNumber += 1
        return .value(result)
    }

    /// Drops In[n] and Out[n] of lines more than `$HistoryLength` back (Infinity, the default, keeps
    /// all), so that results nobody refers to any more are freed.
    private func trimHistory() {
        guard case .integer(let length) = symbols.intern(fullName: "System`$HistoryLength").ownValue,
              length >= 0 else { return }
        let newestDropped = lineNumber - length
        while historyFloor <= newestDropped {
            outputs[historyFloor] = nil
            inputs[historyFloor] = nil
            historyFloor += 1
        }
    }

    /// Parses and evaluates source text; each top-level expression becomes one input, parsed only
    /// once the inputs before it have been evaluated (so that `BeginPackage` decides the context of
    /// the names after it). A syntax error is reported as a message, with its line when the text is
    /// the contents of `file`, and ends the run; what came before it has been evaluated.
    public func run(_ source: String, file: String? = nil, each: (Expr, Expr) -> Bool = { _, _ in true }) -> RunOutcome {
        checkOwnerThread()
        var reader = ExpressionReader(parser: parser, source: source)
        var last: Expr = .symbol(sys.Null)
        while true {
            let input: Expr
            do {
                guard let next = try reader.next() else { return .finished(last) }
                input = next
            } catch {
                reportSyntaxError(error, in: file, line: file == nil ? 0 : reader.line(ofOffset: error.offset))
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

    /// A syntax error as a `Syntax::tag` message; in a file, with its place as `Get` words it:
    /// `Syntax::sntxf: ... (line 3 of "pkg.wl").`
    public func reportSyntaxError(_ error: SyntaxError, in file: String? = nil, line: Int = 0) {
        var text = error.text
        if let file {
            if text.hasSuffix(".") { text.removeLast() }
            text += " (line \(line) of \"\(file)\")."
        }
        let syntax = symbols.intern(fullName: "System`Syntax")
        output(.message(MessageValue(symbol: syntax.fullName, tag: error.tag, arguments: [], text: text), shownName: "Syntax"))
    }
}

public enum RunOutcome {
    case finished(Expr)
    case syntaxError
    case quit(Int32)
}
