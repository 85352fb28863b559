// Aborts and limits: Abort, CheckAbort, AbortProtect, TimeConstrained, MemoryConstrained, Pause.
//
// The mechanism (the interrupt word, polling, which scope may stop what) is the kernel's, in
// TesseraCore/Aborts.swift; these rows only check arguments and say what a stopped evaluation gives.

import TesseraCore
import TesseraExpr

#if canImport(Glibc)
import Glibc
#endif

enum AbortBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Abort", abort),
        BuiltinSpec("CheckAbort", attributes: [.holdAll, .protected], checkAbort),
        BuiltinSpec("AbortProtect", attributes: [.holdAll, .protected], abortProtect),
        BuiltinSpec("TimeConstrained", attributes: [.holdAll, .protected], messages: [
            "timc": "Number of seconds `1` is not a positive machine-sized number or Infinity.",
        ], timeConstrained),
        BuiltinSpec("MemoryConstrained", attributes: [.holdAll, .protected], messages: [
            "ipnfm": "Positive machine-sized integer or Infinity expected at position `2` of `1`.",
        ], memoryConstrained),
        BuiltinSpec("Pause", messages: [
            "numnm": "Non-negative machine-sized number expected at position `2` in `1`.",
        ], pause),
    ]

    static func abort(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 0 else { return nil }
        return try k.raiseAbort()
    }

    static func checkAbort(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        return try k.checkingAborts({ () throws(Interrupt) in try k.evaluate(c[0]) },
                                    failure: { () throws(Interrupt) in try k.evaluate(c[1]) })
    }

    static func abortProtect(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        return try k.withAbortsDeferred { () throws(Interrupt) in try k.evaluate(c[0]) }
    }

    /// TimeConstrained[expr, t] and [expr, t, failexpr]: t in seconds of wall-clock time (Tessera's
    /// kernel is one thread, so that is the time it spends), Infinity for no limit.
    static func timeConstrained(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 3) else { return nil }
        let limit = try k.evaluate(c[1])
        var seconds: Double? = nil
        if !k.isPositiveInfinity(limit) {
            guard let t = NumericValue.real(k, limit), t > 0, t.isFinite else { return k.fail(c, "timc", limit) }
            seconds = t
        }
        return try constrained(k, c, seconds: seconds, bytes: nil)
    }

    /// MemoryConstrained[expr, b] and [expr, b, failexpr]: b bytes of packed-array storage requested
    /// (see AllocationMeter), Infinity for no limit.
    static func memoryConstrained(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 3) else { return nil }
        let limit = try k.evaluate(c[1])
        var bytes: Int? = nil
        if !k.isPositiveInfinity(limit) {
            guard case .integer(let b) = limit, b > 0 else { return k.fail(c, "ipnfm", c.expr, .integer(2)) }
            bytes = b
        }
        return try constrained(k, c, seconds: nil, bytes: bytes)
    }

    /// Evaluates the body under the limit; failexpr (or $Aborted) if the limit stopped it.
    private static func constrained(_ k: Kernel, _ c: Call, seconds: Double?, bytes: Int?) throws(Interrupt) -> Expr? {
        if let value = try k.constrained(seconds: seconds, bytes: bytes, { () throws(Interrupt) in try k.evaluate(c[0]) }) {
            return value
        }
        return c.count == 3 ? try k.evaluate(c[2]) : .symbol(k.symbols.intern(fullName: "System`$Aborted"))
    }

    /// Pause[t]: sleeps in slices of at most 10 ms and polls between them, so that an abort, a
    /// TimeConstrained or Ctrl-C ends the wait early.
    static func pause(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        guard let t = NumericValue.real(k, c[0]), t >= 0, t.isFinite else {
            return k.fail(c, "numnm", c.expr, .integer(1))
        }
        let end = monotonicSeconds() + t
        while true {
            let remaining = end - monotonicSeconds()
            if remaining <= 0 { break }
            usleep(useconds_t(min(remaining, 0.01) * 1e6))
            try k.pollInterrupts()
        }
        return .symbol(k.sys.Null)
    }
}
