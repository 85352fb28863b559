// The evaluation epoch of one kernel, shared by its symbol table and every symbol in it.
//
// A normal expression that evaluated to itself is stamped with the epoch; it stays valid only while
// nothing it could depend on has changed. Every change to a symbol's state goes through a method of
// `Symbol` that advances this counter, so the stamp is trustworthy without each caller remembering
// to invalidate. It is a class (not a field of `Kernel`) because `Symbol` lives below `Kernel` in the
// module graph and must reach the counter from its own setters.

/// A counter that only grows (wrapping after 2^64 changes, which no session reaches).
public final class EvaluationEpoch {
    /// Written only by `advance()`; internal storage so that the inlinable accessors below compile
    /// to one load or one add in other modules (the evaluator checks the epoch on every step, and an
    /// iterator variable advances it on every round).
    @usableFromInline var count: UInt64 = 1

    public init() {}

    @inlinable public var value: UInt64 { count }

    /// Marks every stamp taken so far as stale.
    @inlinable public func advance() { count &+= 1 }
}
