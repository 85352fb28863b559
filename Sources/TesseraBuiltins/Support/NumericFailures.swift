// Numeric kernels decline for two kinds of reasons: the input is not their case (a singular matrix,
// an integer overflow, a shape mismatch), and the builtin falls back or says so; or the result could
// not be stored, and the computation must end with General::nomem (see Kernel+Storage.swift in
// TesseraCore). These helpers keep the second kind from being swallowed with the first.

import TesseraCore
import TesseraNumerics
import TesseraStorage

extension Kernel {
    /// The result of a numeric kernel, or nil when it declined (the caller falls back); a storage
    /// failure aborts with General::nomem.
    @inline(__always)
    func numeric<T>(_ body: () throws(NumericsError) -> T) throws(Interrupt) -> T? {
        do {
            return try body()
        } catch {
            try abortIfStorage(error)
            return nil
        }
    }

    /// For a `catch` that handles a kernel's other errors itself: aborts when `error` is a storage
    /// failure, returns otherwise.
    func abortIfStorage(_ error: NumericsError) throws(Interrupt) {
        if case .storage(let failure) = error { throw abort(for: failure) }
    }
}
