// What a shared symbol is on a subkernel: definitions that send every read, assignment and call to
// the master (`Parallel`Developer`SharedEvaluate`, see SharedRoundTrip.swift), where the one true value
// lives. For a shared variable x:
//
//     x := SharedEvaluate[x]                              (a read)
//     x /: (x = v_) := SharedEvaluate[x = v]              (v evaluated here, as Set does)
//     x /: (x := v_) := SharedEvaluate[x := v]            (v held, as SetDelayed does)
//     x /: op[x, v_] := SharedEvaluate[op[x, v]]          for AddTo, SubtractFrom, TimesBy, DivideBy, AppendTo, PrependTo
//     x /: op[x] := SharedEvaluate[op[x]]                 for Unset, Increment, Decrement, PreIncrement, PreDecrement
//
// UpValues catch the assignments because the evaluator tries the UpValues of held arguments before
// the builtin. For a shared function f: `f[args___] := SharedEvaluate[f[args]]`, its arguments
// evaluated here first, and definitions made here go to the master:
//
//     f /: (f[args___] = v_) := SharedDefine[f[args] = v]     (likewise :=)
//
// where SharedDefine evaluates the arguments that are not patterns here (a subkernel's iterator
// value must not be looked up on the master).

import TesseraCore
import TesseraExpr

enum SharedStubs {
    static let evaluateName = "Parallel`Developer`SharedEvaluate"
    static let defineName = "Parallel`Developer`SharedDefine"

    static func definitions(for s: Symbol, function: Bool, _ k: Kernel) -> SymbolDefinitions {
        let sys = k.sys
        let shared = k.symbols.intern(fullName: evaluateName)
        let target = Expr.symbol(s)
        var stub = SymbolDefinitions()
        let value = Expr.symbol(k.symbols.intern(fullName: "Parallel`Private`value"))
        let valuePattern = Expr(sys.Pattern, value, Expr(sys.Blank, []))
        if function {
            let args = Expr.symbol(k.symbols.intern(fullName: "Parallel`Private`args"))
            let lhs = Expr(head: target, [Expr(sys.Pattern, args, Expr(sys.BlankNullSequence, []))])
            stub.downValues = [Definition(lhs: lhs, rhs: Expr(shared, Expr(head: target, [args])), isDelayed: true)]
            let define = k.symbols.intern(fullName: defineName)
            stub.upValues = [sys.Set, sys.SetDelayed].map { op in
                Definition(lhs: Expr(op, lhs, valuePattern), rhs: Expr(define, Expr(op, Expr(head: target, [args]), value)),
                           isDelayed: true)
            }
            return stub
        }
        stub.ownValue = Definition(lhs: target, rhs: Expr(shared, target), isDelayed: true)
        let binary = [sys.Set, sys.SetDelayed, sys.AddTo, sys.SubtractFrom, sys.TimesBy, sys.DivideBy,
                      k.symbols.intern(fullName: "System`AppendTo"), k.symbols.intern(fullName: "System`PrependTo")]
        let unary = [sys.Unset, sys.Increment, sys.Decrement, sys.PreIncrement, sys.PreDecrement]
        stub.upValues = binary.map { op in
            Definition(lhs: Expr(op, target, valuePattern), rhs: Expr(shared, Expr(op, target, value)), isDelayed: true)
        } + unary.map { op in
            Definition(lhs: Expr(op, target), rhs: Expr(shared, Expr(op, target)), isDelayed: true)
        }
        return stub
    }
}
