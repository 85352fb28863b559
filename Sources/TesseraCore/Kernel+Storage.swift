// Storage failures end the computation with a message, never silently.
//
// When a packed array cannot be allocated (no memory, a size beyond 64 bits or beyond the machine,
// no shared segment where one was required), Mathematica prints General::nomem and the computation
// gives $Aborted. Tessera does the same, and names the size and the cause in a second message
// (General::nomemsz), so that a user can tell a typo in a dimension (`{10^6, 10^6}`) from a machine
// that is merely full. Every builtin that allocates goes through `allocating` (or, for errors it
// has already caught, `abort(for:)`): a `try?` over storage would turn the failure into an
// unevaluated call without a word.

#if canImport(Glibc)
import Glibc
#endif
import BigInt
import TesseraExpr
import TesseraStorage

extension Kernel {
    /// Runs `body`, which allocates packed storage; a storage failure issues General::nomem (and
    /// General::nomemsz) and aborts the computation (`Interrupt.aborted`: $Aborted at the top level,
    /// caught by CheckAbort as any abort).
    @inline(__always)
    public func allocating<T>(_ body: () throws(PackedStorageError) -> T) throws(Interrupt) -> T {
        do {
            return try body()
        } catch {
            throw abort(for: error)
        }
    }

    /// A zero-filled packed array, or General::nomem and an abort.
    public func packedZeros(_ type: PackedType, _ dimensions: [Int]) throws(Interrupt) -> PackedArray {
        try allocating { () throws(PackedStorageError) in try PackedArray.zeros(type, dimensions) }
    }

    /// A packed array whose every element the caller writes, or General::nomem and an abort.
    public func packedUninitialized(_ type: PackedType, _ dimensions: [Int]) throws(Interrupt) -> PackedArray {
        try allocating { () throws(PackedStorageError) in try PackedArray.uninitialized(type, dimensions) }
    }

    /// Issues the messages for a storage failure; returns the interrupt to throw.
    public func abort(for error: PackedStorageError) -> Interrupt {
        let bytes: Expr, cause: String
        switch error {
        case .outOfMemory(let count):
            bytes = .integer(count)
            cause = count > PackedBuffer.allocationLimit
                ? "more than the \(PackedBuffer.allocationLimit) bytes of memory of this machine"
                : "no memory is left"
        case .sizeOverflow(let dimensions, let elementBytes):
            bytes = .integer(dimensions.reduce(BigInt(elementBytes)) { $0 * BigInt($1) })
            cause = "more than a machine integer can count"
        case .sharedMemoryFailed(let code, let count):
            bytes = .integer(count)
            cause = "no shared memory segment could be made (" + String(cString: strerror(code)) + ")"
        }
        message(sys.General, "nomem")
        message(sys.General, "nomemsz", bytes, .string(cause))
        return .aborted
    }
}
