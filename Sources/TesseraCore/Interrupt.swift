// Non-local control flow of the language, carried by Swift's typed throws.
//
// `Break`, `Continue`, `Goto`, `Throw`, `Abort` and `Quit` unwind the native stack to the construct
// that handles them (a loop, a compound expression, `Catch`, the top level). `Return[x]` is not one of
// them: as in Mathematica it is an inert value that a compound expression passes up at once and that
// function bodies, loops and scoping constructs unwrap (see `Kernel.unwrapReturn`). Typed throws
// keep this as cheap as a return: no existential boxing on the hot path.

import TesseraExpr

public enum Interrupt: Error {
    /// `Goto[tag]`, caught by the CompoundExpression that holds `Label[tag]`.
    case goto(Expr)
    case breakLoop
    case continueLoop
    /// `Throw[value]` or `Throw[value, tag]`.
    case thrown(value: Expr, tag: Expr?)
    /// `Abort[]`, or an evaluation stopped by a limit; unwinds to the top level.
    case aborted
    /// A builtin found part of its input malformed while already iterating (a bad inner iterator);
    /// unwinds to that builtin, which leaves its call unevaluated.
    case malformed
    /// An evaluation that overran `$RecursionLimit` or `$IterationLimit` (reason "RecursionLimit" or
    /// "IterationLimit"), after its message; unwinds to the top level, whose input then evaluates to
    /// `TerminatedEvaluation[reason]`, as in Mathematica since 13.2 (earlier versions gave a partly
    /// evaluated result in Hold).
    case terminated(String)
    /// `Quit[n]` / `Exit[n]`.
    case quit(Int32)
}
