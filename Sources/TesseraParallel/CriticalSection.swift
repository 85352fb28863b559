// CriticalSection[{locks...}, expr]: at most one kernel at a time evaluates a section with a given
// lock. The locks are variables of the master (symbols or `sym[index]`, without values there, as in
// Mathematica): a kernel acquires them all at once by writing its $KernelID into them in one
// test-and-set round trip (`Parallel`Developer`AcquireLocks`, evaluated on the master between other
// kernels' messages, so it is atomic), retries after a short sleep while another kernel holds one, and
// releases them (Unset) when expr is done, also when expr throws or aborts.

#if canImport(Glibc)
import Glibc
#endif
import TesseraBuiltins
import TesseraCore
import TesseraExpr

enum CriticalSectionBuiltins {
    static let acquireName = "Parallel`Developer`AcquireLocks"
    static let releaseName = "Parallel`Developer`ReleaseLocks"

    static let table: [BuiltinSpec] = [
        BuiltinSpec("CriticalSection", attributes: [.holdAll, .protected], criticalSection),
        BuiltinSpec(acquireName, attributes: [.holdFirst, .protected], acquireLocks),
        BuiltinSpec(releaseName, attributes: [.holdFirst, .protected], releaseLocks),
    ]

    static func criticalSection(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        let locks = c[0].isList(k.sys) ? c[0] : Expr(k.sys.List, c[0])
        let acquire = Expr(k.symbols.intern(fullName: acquireName), locks, .integer(k.kernelID))
        let release = Expr(k.symbols.intern(fullName: releaseName), locks)
        let onSubkernel = SharedClient.of(k).link != nil
        var pause: UInt32 = 20
        var held = try SharedRoundTrip.evaluateOnMaster(acquire, k).isSymbol(k.sys.True)
        // The master cannot wait for a lock: the kernel holding it waits for the master to answer.
        while !held && onSubkernel {
            usleep(pause)
            pause = min(pause * 2, 1000)
            held = try SharedRoundTrip.evaluateOnMaster(acquire, k).isSymbol(k.sys.True)
        }
        let result: Expr
        do {
            result = try k.evaluate(c[1])
        } catch {
            if held { _ = try? SharedRoundTrip.evaluateOnMaster(release, k) }
            throw error
        }
        if held { _ = try SharedRoundTrip.evaluateOnMaster(release, k) }
        return result
    }

    /// Master side: True after writing `id` into every lock when none has a value, else False.
    static func acquireLocks(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2, c[0].isList(k.sys) else { return nil }
        for lock in c[0].arguments where try k.evaluate(lock) != lock { return .symbol(k.sys.False) }
        for lock in c[0].arguments { _ = try k.evaluate(Expr(k.sys.Set, lock, c[1])) }
        return .symbol(k.sys.True)
    }

    static func releaseLocks(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1, c[0].isList(k.sys) else { return nil }
        for lock in c[0].arguments { _ = try k.evaluate(Expr(k.sys.Unset, lock)) }
        return .symbol(k.sys.Null)
    }
}
