// The threading contract of a kernel.
//
// A `Kernel` and everything reachable from it (symbols, expressions, packed arrays and their buffers)
// belong to one thread. Release builds rely on this: they are compiled with `-assume-single-threaded`
// (non-atomic reference counts) and without dynamic exclusivity checks (see Package.swift), so two
// threads touching the same `Expr` would corrupt reference counts without any diagnostic; `Sendable`
// on `Expr`, `PackedArray` and `PackedBuffer` only says that they may be *moved* to another thread
// while nothing else holds them, not shared. Parallelism comes from processes (subkernels). A helper
// thread (an I/O pump, a signal watcher) may touch raw bytes only: never an `Expr`, a `Symbol` or
// the kernel.
//
// Debug builds check the contract at the kernel's entry points, as swift-nio's `NIOLoopBound` does:
// the first thread that evaluates in a kernel owns it; any other thread that enters traps. A kernel
// may be made on one thread and handed to another before its first evaluation (the command line
// makes it on the main thread and runs it on a thread with a large stack).

#if canImport(Glibc)
import Glibc
#endif

extension Kernel {
    /// Traps in debug builds when called on a thread other than the kernel's owner (binding the
    /// owner on first use); nothing in release builds.
    @inline(__always)
    func checkOwnerThread() {
        #if DEBUG
        let current = pthread_self()
        guard let owner = ownerThread else {
            ownerThread = current
            return
        }
        precondition(pthread_equal(owner, current) != 0,
                     "a Kernel belongs to the thread that first evaluated in it (see ThreadOwnership.swift)")
        #endif
    }
}
