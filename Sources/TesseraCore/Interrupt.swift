// Non-local control flow of the language, carried by Swift's typed throws.
//
// `Return`, `Break`, `Continue`, `Throw`, `Abort` and the evaluation limits unwind the native stack
// to the construct that handles them (a function body, a loop, `Catch`, the top level). Typed throws
// keep this as cheap as a return: no existential boxing on the hot path.

import TesseraExpr

public enum Interrupt: Error {
    /// `Return[value]`, caught by the innermost function application or loop body that handles it.
    case returned(Expr)
    case breakLoop
    case continueLoop
    /// `Throw[value]` or `Throw[value, tag]`.
    case thrown(value: Expr, tag: Expr?)
    /// `Abort[]`, or an evaluation stopped by a limit; unwinds to the top level.
    case aborted
    /// `Quit[n]` / `Exit[n]`.
    case quit(Int32)
}
