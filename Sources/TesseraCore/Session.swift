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

    /// Parses and evaluates source text; each top-level expression becomes one input.
    /// A syntax error is reported as a message and ends the parse.
    public func run(_ source: String, each: (Expr, Expr) -> Bool = { _, _ in true }) -> RunOutcome {
        let inputs: [Expr]
        do {
            inputs = try parser.parse(source)
        } catch {
            reportSyntaxError(error)
            return .syntaxError
        }
        var last: Expr = .symbol(sys.Null)
        for input in inputs {
            switch evaluateTopLevel(input) {
            case .quit(let code): return .quit(code)
            case .value(let value):
                last = value
                if !each(input, value) { return .finished(last) }
            }
        }
        return .finished(last)
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
