// Shared argument checks, so that every builtin words the same error the same way.
//
// Each check issues Mathematica's General message for the failure and returns false (or nil); the
// builtin then returns nil, which leaves the call unevaluated, as Mathematica does.

import TesseraCore
import TesseraExpr

extension Kernel {
    /// Checks that a call has between `min` and `max` arguments (max nil: no upper bound).
    public func checkCount(_ call: Call, _ min: Int, _ max: Int?) -> Bool {
        let n = call.count
        if n >= min && (max == nil || n <= max!) { return true }
        let name = Expr.symbol(call.head)
        let got = Expr.integer(n)
        switch (min, max) {
        case (let a, .some(let b)) where a == b:
            if a == 1 { message(sys.General, "argx", name, got) }
            else if n == 1 { message(sys.General, "argr", name, .integer(a)) }
            else { message(sys.General, "argrx", name, got, .integer(a)) }
        case (let a, .some(let b)) where b == a + 1:
            if n == 1 { message(sys.General, "argtu", name, .integer(a), .integer(b)) }
            else { message(sys.General, "argt", name, got, .integer(a), .integer(b)) }
        case (let a, .some(let b)):
            if n == 1 { message(sys.General, "argbu", name, .integer(a), .integer(b)) }
            else { message(sys.General, "argb", name, got, .integer(a), .integer(b)) }
        case (let a, nil):
            if n == 1 { message(sys.General, "argmu", name, .integer(a)) }
            else { message(sys.General, "argm", name, got, .integer(a)) }
        }
        return false
    }

    /// Issues `call.head::tag` (falling back to General's text).
    public func fail(_ call: Call, _ tag: String, _ arguments: Expr...) -> Expr? {
        messageWithArguments(call.head, tag, arguments)
        return nil
    }

    /// A machine integer argument, or nil.
    public func machineInteger(_ e: Expr) -> Int? {
        if case .integer(let i) = e { return i }
        return nil
    }

    /// `True`/`False` as an expression.
    @inline(__always)
    public func bool(_ value: Bool) -> Expr { .symbol(value ? sys.True : sys.False) }

    /// Splits trailing options (`name -> value` or lists of them) from positional arguments.
    public func splitOptions(_ arguments: [Expr]) -> (positional: [Expr], options: [Expr]) {
        var end = arguments.count
        while end > 0, isOption(arguments[end - 1]) { end -= 1 }
        return (Array(arguments[..<end]), Array(arguments[end...]).flatMap { $0.isList(sys) ? $0.arguments : [$0] })
    }

    /// `Infinity` as written or as it evaluates (`DirectedInfinity[1]`).
    public func isPositiveInfinity(_ e: Expr) -> Bool {
        e.isSymbol(sys.Infinity) || (e.hasHead(sys.DirectedInfinity) && e.arguments == [.integer(1)])
    }

    public func isOption(_ e: Expr) -> Bool {
        if e.hasHead(sys.Rule) || e.hasHead(sys.RuleDelayed) {
            return e.length == 2
        }
        if e.isList(sys), case .normal = e {
            let args = e.arguments
            return !args.isEmpty && args.allSatisfy { ($0.hasHead(sys.Rule) || $0.hasHead(sys.RuleDelayed)) && $0.length == 2 }
        }
        return false
    }

    /// The value of option `name` among `options`, else the symbol's default, else nil.
    public func optionValue(_ name: String, in options: [Expr], of head: Symbol) -> Expr? {
        for option in options {
            let parts = option.arguments
            guard parts.count == 2 else { continue }
            if case .symbol(let s) = parts[0], s.name == name { return parts[1] }
            if case .string(let s) = parts[0], s == name { return parts[1] }
        }
        for option in head.options {
            let parts = option.arguments
            if parts.count == 2, case .symbol(let s) = parts[0], s.name == name { return parts[1] }
        }
        return nil
    }
}
