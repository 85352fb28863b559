// Aborts: how a running evaluation is stopped from outside or by a limit, and what may delay it.
//
// Every kernel owns an interrupt word that anything may set at any time: a SIGINT handler (the CLI
// routes SIGINT to the word of the kernel it runs), another thread (`requestAbort()`, for a future
// AbortKernels), Abort[] inside an AbortProtect. The evaluator polls the word every 1024 steps, at the
// place where it looks at the clock, and long-running builtins (Pause, the string matcher) poll too.
// Polling is the only way an abort starts: nothing is ever thrown from a signal handler.
//
// What a poll may throw depends on the open scopes, innermost last:
//   AbortProtect   defers aborts until it ends (then it polls again);
//   CheckAbort     enables aborts inside its first argument again, even within an AbortProtect;
//   a constraint   (TimeConstrained, MemoryConstrained) whose limit has passed aborts its own body.
// A user abort is enabled unless the innermost AbortProtect is inside the innermost CheckAbort. A
// constraint's abort looks only at the scopes inside that constraint: an AbortProtect around a
// TimeConstrained cannot hold it, one inside can. An expired constraint stays expired, so an abort
// it could not throw yet is thrown by the first poll where it is enabled. `abortCause` tells the
// scope that catches `Interrupt.aborted` whose abort it is: CheckAbort absorbs user aborts and passes
// a constraint's on; a constraint catches only its own.

import CShim
import TesseraExpr
import TesseraStorage

/// What a user chose when asked about an interrupt (the REPL's "Interrupt>" menu).
public enum InterruptChoice: Equatable, Sendable {
    case abort
    case `continue`
    /// End the process with this status.
    case exit(Int32)
}

/// Why the abort that is unwinding was raised.
public enum AbortCause: Equatable, Sendable {
    /// Abort[], Ctrl-C, `requestAbort()`.
    case user
    /// The kernel's hard `deadline` (the runners' time-outs): nothing holds or absorbs it.
    case deadline
    /// The constraint with this identity went past its limit.
    case constraint(Int)
}

/// One kernel's interrupt word, in memory of its own so that a signal handler can hold its address.
/// The kernel that owns it must outlive any routing of a signal to it (the CLI's kernel lives as long
/// as the process).
final class InterruptWord {
    static let none: Int32 = 0
    /// Ask the interrupt handler what to do.
    static let interrupt: Int32 = 1
    static let abort: Int32 = 2

    let address: UnsafeMutablePointer<Int32>

    init() {
        address = .allocate(capacity: 1)
        address.initialize(to: InterruptWord.none)
    }

    deinit { address.deallocate() }

    var value: Int32 { shim_flag_load(address) }
    func set(_ value: Int32) { shim_flag_store(address, value) }
}

enum AbortScope {
    case protect
    case check
    case constraint(Constraint)
}

struct Constraint {
    let id: Int
    /// Monotonic seconds; infinity for none.
    let deadline: Double
    /// The value of `AllocationMeter.bytesRequested` past which the constraint aborts; Int.max for none.
    let byteLimit: Int

    var hasExpired: Bool {
        (byteLimit != .max && AllocationMeter.bytesRequested > byteLimit)
            || (deadline.isFinite && monotonicSeconds() > deadline)
    }
}

struct AbortState {
    let word = InterruptWord()
    var scopes: [AbortScope] = []
    var cause: AbortCause = .user
    var constraintsMade = 0
}

extension Kernel {
    // MARK: Requests from outside

    /// Asks the running evaluation to abort, as Abort[] would, at its next poll. Safe from any thread.
    /// (From a signal handler, store into `interruptWordAddress` in C instead: see CShim's
    /// `shim_route_sigint`.)
    public func requestAbort() { aborts.word.set(InterruptWord.abort) }

    /// Asks the running evaluation to stop and consult `interruptHandler` (what Ctrl-C does).
    public func requestInterrupt() { aborts.word.set(InterruptWord.interrupt) }

    /// Forgets an interrupt or abort that no evaluation has taken yet (a Ctrl-C at an idle prompt).
    public func clearInterrupts() { aborts.word.set(InterruptWord.none) }

    /// True while an abort or interrupt waits for a poll.
    public var interruptIsPending: Bool { aborts.word.value != InterruptWord.none }

    /// The word a SIGINT handler stores into (1: interrupt, 2: abort).
    public var interruptWordAddress: UnsafeMutablePointer<Int32> { aborts.word.address }

    /// Whose abort is unwinding (valid while `Interrupt.aborted` propagates).
    public var abortCause: AbortCause { aborts.cause }

    // MARK: Polling

    /// Throws `.aborted` if an abort is pending and enabled here, or a limit has passed; asks the
    /// interrupt handler first if an interrupt arrived. Called every 1024 evaluation steps and by
    /// builtins that run long without evaluating.
    public func pollInterrupts() throws(Interrupt) {
        if aborts.word.value == InterruptWord.interrupt {
            aborts.word.set(InterruptWord.none)
            switch interruptHandler?(self) ?? .abort {
            case .continue: break
            case .abort: aborts.word.set(InterruptWord.abort)
            case .exit(let status): throw .quit(status)
            }
        }
        if aborts.word.value == InterruptWord.abort, abortsEnabled(above: -1) {
            aborts.word.set(InterruptWord.none)
            aborts.cause = .user
            throw .aborted
        }
        if deadline.isFinite, monotonicSeconds() > deadline {
            aborts.cause = .deadline
            throw .aborted
        }
        for index in aborts.scopes.indices {
            guard case .constraint(let constraint) = aborts.scopes[index], constraint.hasExpired,
                  abortsEnabled(above: index) else { continue }
            aborts.cause = .constraint(constraint.id)
            throw .aborted
        }
    }

    /// One round of a builtin's own loop (Do, Table, Sum): counts as an evaluation step, so that a
    /// body that evaluates nothing (`Do[i, {i, 10^9}]`) still lets the kernel poll.
    public func countStep() throws(Interrupt) {
        stepsSinceClockCheck &+= 1
        if stepsSinceClockCheck & 1023 == 0 { try pollInterrupts() }
    }

    /// Whether the scopes above `index` let an abort through: the innermost AbortProtect or CheckAbort
    /// decides.
    private func abortsEnabled(above index: Int) -> Bool {
        var i = aborts.scopes.count - 1
        while i > index {
            switch aborts.scopes[i] {
            case .protect: return false
            case .check: return true
            case .constraint: break
            }
            i -= 1
        }
        return true
    }

    // MARK: Scopes

    /// Abort[]: unwinds at once where aborts are enabled; inside an AbortProtect it is remembered
    /// and evaluation goes on (the result of Abort[] is then $Aborted).
    public func raiseAbort() throws(Interrupt) -> Expr {
        if abortsEnabled(above: -1) {
            aborts.cause = .user
            throw .aborted
        }
        aborts.word.set(InterruptWord.abort)
        return .symbol(symbols.intern(fullName: "System`$Aborted"))
    }

    /// AbortProtect: evaluates `body` with aborts deferred, then lets a deferred abort through.
    public func withAbortsDeferred(_ body: () throws(Interrupt) -> Expr) throws(Interrupt) -> Expr {
        let mark = aborts.scopes.count
        aborts.scopes.append(.protect)
        let value: Expr
        do {
            value = try body()
        } catch {
            aborts.scopes.removeSubrange(mark...)
            throw error
        }
        aborts.scopes.removeSubrange(mark...)
        try pollInterrupts()
        return value
    }

    /// CheckAbort: evaluates `body` with aborts enabled; if it aborts (or an abort was already
    /// pending), evaluates `failure` with aborts deferred instead. A user abort ends there; the abort
    /// of a constraint or deadline goes on once `failure` has its value.
    public func checkingAborts(_ body: () throws(Interrupt) -> Expr,
                               failure: () throws(Interrupt) -> Expr) throws(Interrupt) -> Expr {
        let mark = aborts.scopes.count
        aborts.scopes.append(.check)
        do {
            try pollInterrupts()
            let value = try body()
            aborts.scopes.removeSubrange(mark...)
            return value
        } catch .aborted {
            aborts.scopes.removeSubrange(mark...)
        } catch {
            aborts.scopes.removeSubrange(mark...)
            throw error
        }
        // An expired constraint or deadline is still expired: the poll that ends the deferral passes
        // its abort on; a user abort was taken off the word when it was thrown.
        return try withAbortsDeferred(failure)
    }

    /// TimeConstrained / MemoryConstrained: evaluates `body` under a limit of `seconds` and of `bytes`
    /// requested (nil: none). Returns nil when the limit was exceeded (the caller evaluates its
    /// failure expression). A body that finishes having requested more than `bytes` counts as
    /// exceeded, as the request itself broke the constraint.
    public func constrained(seconds: Double?, bytes: Int?,
                            _ body: () throws(Interrupt) -> Expr) throws(Interrupt) -> Expr? {
        aborts.constraintsMade += 1
        let start = AllocationMeter.bytesRequested
        let constraint = Constraint(
            id: aborts.constraintsMade,
            deadline: seconds.map { monotonicSeconds() + $0 } ?? .infinity,
            byteLimit: bytes.map { start.addingReportingOverflow($0).overflow ? .max : start + $0 } ?? .max)
        let mark = aborts.scopes.count
        aborts.scopes.append(.constraint(constraint))
        let value: Expr
        do {
            value = try body()
        } catch .aborted where aborts.cause == .constraint(constraint.id) {
            aborts.scopes.removeSubrange(mark...)
            return nil
        } catch {
            aborts.scopes.removeSubrange(mark...)
            throw error
        }
        aborts.scopes.removeSubrange(mark...)
        if constraint.byteLimit != .max, AllocationMeter.bytesRequested > constraint.byteLimit { return nil }
        return value
    }
}
