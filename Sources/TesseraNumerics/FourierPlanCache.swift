// FFTW plans and their cache.
//
// Design. FFTW separates *planning* (choosing an algorithm for a size, sign and memory layout) from
// *executing* a plan. Planning with FFTW_ESTIMATE costs milliseconds for large sizes, so plans are
// cached per (kind, dimensions, sign, alignment, in-place, threads) and re-executed on new arrays
// with FFTW's new-array execute functions. That is allowed when the new arrays have the same
// `fftw_alignment_of` as the ones the plan was made with, which is why alignment is part of the key:
// packed buffers are 64-byte aligned, but a view (a row of a matrix) may start anywhere.
//
// Only FFTW_ESTIMATE is used: MEASURE overwrites the arrays and took minutes at n = 600000 on this
// machine (see NATIVE.md). ESTIMATE never touches the arrays, so plans are made on the caller's own
// input and output, and no scratch copy is needed.
//
// FFTW's planner is process-wide state and not thread-safe; executing a plan is. Every planner call
// (planning, `fftw_plan_with_nthreads`, destroying a plan) therefore goes through `FFTWPlanner`,
// one process-wide lock. It is the only process-wide object of the module: it guards FFTW's own
// global state, which exists whether we like it or not. The cache itself belongs to a
// `FourierEngine`, which the kernel owns.

import CFFTW
import Synchronization

/// The lock around FFTW's global planner.
final class FFTWPlanner: Sendable {
    static let shared = FFTWPlanner()

    private let mutex = Mutex<Void>(())

    private init() {
        // Must precede any other FFTW call that plans with threads; idempotent at the FFTW level.
        _ = fftw_init_threads()
    }

    /// Runs `body` while holding the planner lock. `body` must not release a `FourierPlan`.
    func locked<R: Sendable>(_ body: () -> R) -> R {
        mutex.withLock { _ in body() }
    }
}

/// What a plan computes; part of the cache key.
struct FourierPlanKey: Hashable, Sendable {
    enum Kind: UInt8, Sendable {
        /// Complex to complex, all dimensions.
        case complexToComplex
        /// Real to complex, all dimensions, output rows as long as the full last dimension (the
        /// half spectrum is written into the final buffer, then mirrored in place).
        case realToComplexFullRows
    }

    var kind: Kind
    var dimensions: [Int32]
    var sign: Int32
    var inputAlignment: Int32
    var outputAlignment: Int32
    var inPlace: Bool
    var threads: Int32
}

/// One FFTW plan. Immutable once made; executing it is thread-safe.
final class FourierPlan: @unchecked Sendable {
    let handle: OpaquePointer

    init(handle: OpaquePointer) { self.handle = handle }

    /// Complex to complex on new arrays (same alignment and in-place-ness as at planning).
    func execute(input: UnsafeMutableRawPointer, output: UnsafeMutableRawPointer) {
        fftw_execute_dft(handle, input.assumingMemoryBound(to: fftw_complex.self),
                         output.assumingMemoryBound(to: fftw_complex.self))
    }

    /// Real to complex on new arrays.
    func executeRealToComplex(input: UnsafeMutableRawPointer, output: UnsafeMutableRawPointer) {
        fftw_execute_dft_r2c(handle, input.assumingMemoryBound(to: Double.self),
                             output.assumingMemoryBound(to: fftw_complex.self))
    }

    deinit {
        let handle = self.handle
        FFTWPlanner.shared.locked { fftw_destroy_plan(handle) }
    }
}

/// A bounded cache of FFTW plans, least recently used out first.
final class FourierPlanCache: Sendable {
    private struct Entry {
        var plan: FourierPlan
        var lastUse: UInt64
    }

    private struct State {
        var entries: [FourierPlanKey: Entry] = [:]
        var clock: UInt64 = 0
    }

    private let state = Mutex(State())
    let capacity: Int

    init(capacity: Int) { self.capacity = max(1, capacity) }

    var count: Int { state.withLock { $0.entries.count } }

    /// Drops every plan (they are destroyed once no execution holds them any more).
    func removeAll() {
        let dropped = state.withLock { state -> [FourierPlan] in
            let plans = state.entries.values.map(\.plan)
            state.entries.removeAll()
            return plans
        }
        _ = dropped  // released here, outside the cache lock
    }

    /// The cached plan for `key`, or a new one made by `make` under the planner lock.
    /// `make` returns nil when FFTW cannot plan.
    func plan(for key: FourierPlanKey, make: () -> OpaquePointer?) throws(NumericsError) -> FourierPlan {
        if let plan = state.withLock({ state -> FourierPlan? in
            state.clock &+= 1
            guard var entry = state.entries[key] else { return nil }
            entry.lastUse = state.clock
            state.entries[key] = entry
            return entry.plan
        }) {
            return plan
        }
        // Plan outside the cache lock (two threads may plan the same key; one plan then wins).
        let handle = FFTWPlanner.shared.locked { () -> UInt in
            fftw_plan_with_nthreads(key.threads)
            return UInt(bitPattern: make())
        }
        guard let pointer = OpaquePointer(bitPattern: handle) else { throw .fourierPlanFailed }
        let plan = FourierPlan(handle: pointer)
        let evicted = state.withLock { state -> [FourierPlan] in
            state.clock &+= 1
            if state.entries[key] != nil { return [] }  // planned concurrently; both plans are valid
            var evicted: [FourierPlan] = []
            while state.entries.count >= capacity,
                  let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
                evicted.append(oldest.value.plan)
                state.entries[oldest.key] = nil
            }
            state.entries[key] = Entry(plan: plan, lastUse: state.clock)
            return evicted
        }
        _ = evicted  // destroyed here, outside both locks
        return plan
    }
}
