// `$RecursionLimit`, `$IterationLimit` and the native stack.
//
// The evaluator reads the limits from two Kernel fields (a symbol lookup per evaluation would cost
// too much), so whatever changes the values of the two symbols (assignment, Block entering and
// leaving) calls `evaluationLimitChanged`. A value that is not Infinity or an integer of at least
// 20 leaves the limit as it was.
//
// The native stack: one recursion level takes a few hundred bytes to a few kilobytes of native stack
// (more in a debug build, more when builtins such as Map or Table stand between the levels), so no
// fixed `$RecursionLimit` is safe for every program. Instead of refusing large limits, the evaluator
// measures: every 64 levels it compares the stack pointer with where the outermost evaluation
// began, and ends the recursion with `$RecursionLimit::reclim2` when less than a margin is left.
// `$RecursionLimit = Infinity` is therefore bounded by the stack, never a crash.

import TesseraExpr

extension Kernel {
    /// The native stack the command line and the tests run kernels on (TesseraRunner's LargeStack).
    public static let largeStackBytes = 1 << 30

    /// Native stack kept free below the deepest evaluation for what builtins, matching and printing
    /// need on their own (printing a result nested as deeply as the recursion went, for one).
    static let nativeStackMargin = 64 << 20

    /// Takes a new value of `$RecursionLimit` or `$IterationLimit` (nil: the symbol has none) into
    /// the limits the evaluator checks.
    public func evaluationLimitChanged(_ symbol: Symbol) {
        guard symbol === sys.DollarRecursionLimit || symbol === sys.DollarIterationLimit else { return }
        let value = symbol.ownValue
        let limit: Int
        if let value, case .integer(let n) = value, n >= 20 {
            limit = n
        } else if let value, isInfinity(value) {
            limit = Int.max
        } else if value == nil {
            limit = symbol === sys.DollarRecursionLimit ? 1024 : 4096
        } else {
            return
        }
        if symbol === sys.DollarRecursionLimit { recursionLimit = limit } else { iterationLimit = limit }
    }

    /// `Infinity` as typed (a symbol) or as evaluated (`DirectedInfinity[1]`).
    private func isInfinity(_ value: Expr) -> Bool {
        if value.isSymbol(sys.Infinity) { return true }
        guard case .normal(let n) = value, n.head.isSymbol(sys.DirectedInfinity), n.arguments.count == 1,
              case .integer(1) = n.arguments[0] else { return false }
        return true
    }

    /// Notes where the outermost evaluation's stack begins (called at depth 1).
    @inline(__always)
    func noteNativeStackTop() {
        nativeStackTop = currentStackAddress()
    }

    /// True when less than `nativeStackMargin` of the kernel's stack is left.
    func nativeStackIsLow() -> Bool {
        let used = nativeStackTop &- currentStackAddress()
        return used > UInt(max(nativeStackBytes - Kernel.nativeStackMargin, 0))
    }
}

/// The address of a local of the caller's frame: the stack pointer, near enough.
@inline(never)
func currentStackAddress() -> UInt {
    var marker: UInt8 = 0
    return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
}
