// The compiled forms of the pure functions a kernel applies, and the one entry point that runs them.
//
// A loop (`NestWhileList[f, ...]`, `Map[f, ...]`, `Select[list, f]`) applies the same `Function`
// object again and again, so the cache is keyed by the identity of that `Normal` and holds it
// strongly, so that its address cannot be taken by another function while the entry lives. Only
// functions whose body compiles have entries, and such a body is small by construction (integers
// and symbols): a function that does not compile is marked on its `Normal` (`isNotCompilable`) and
// costs one load per call after that, with no entry keeping a large body alive (`a[[#]] &` with a big
// array). The cache is small: a loop has one or two functions, and a function that misses is
// compiled again, which costs about one ordinary call.
//
// Validity: an entry records the heads its code stands for with their versions. While the kernel's
// epoch is unchanged nothing can have changed; when it moved (an iterator variable moves it on every
// round) the versions are compared, and if a head changed, the function is compiled again, which
// checks again that every head has only its builtin meaning.

import TesseraExpr

struct PureFunctionCache {
    /// Entries kept; a new function beyond these replaces the oldest.
    static let capacity = 8

    /// A class, so that a lookup copies one reference rather than every field.
    final class Entry {
        let function: Normal
        /// nil while a head has definitions of its own (the structure compiles).
        var compiled: CompiledPureFunction?
        var dependencies: [Symbol]
        var versions: [UInt64]
        /// The epoch at which the versions were last found current.
        var checkedEpoch: UInt64

        init(function: Normal, compiled: CompiledPureFunction?, dependencies: [Symbol], epoch: UInt64) {
            self.function = function
            self.compiled = compiled
            self.dependencies = dependencies
            versions = dependencies.map(\.version)
            checkedEpoch = epoch
        }
    }

    private var entries: [Entry] = []
    private var next = 0

    /// The compiled form of `function`, compiled now if it is new or one of its heads changed.
    mutating func compiled(_ function: Normal, epoch: UInt64, sys: SystemSymbols) -> CompiledPureFunction? {
        for index in entries.indices {
            let entry = entries[index]
            guard entry.function === function else { continue }
            if entry.checkedEpoch == epoch { return entry.compiled }
            if !zip(entry.dependencies, entry.versions).allSatisfy({ $0.version == $1 }) {
                // A head changed: its meaning has to be checked again.
                guard let fresh = Self.make(function, epoch: epoch, sys: sys) else { return nil }
                entries[index] = fresh
                return fresh.compiled
            }
            entry.checkedEpoch = epoch
            return entry.compiled
        }
        guard let entry = Self.make(function, epoch: epoch, sys: sys) else { return nil }
        if entries.count < Self.capacity {
            entries.append(entry)
        } else {
            entries[next] = entry
            next = (next + 1) % Self.capacity
        }
        return entry.compiled
    }

    /// A new entry, or nil (and the function marked) when its structure does not compile.
    private static func make(_ function: Normal, epoch: UInt64, sys: SystemSymbols) -> Entry? {
        let (compiled, dependencies) = PureFunctionCompiler.compile(function, sys: sys)
        guard let compiled else {
            function.isNotCompilable = true
            return nil
        }
        let usable = dependencies.allSatisfy { hasBuiltinMeaning($0, sys: sys) }
        return Entry(function: function, compiled: usable ? compiled : nil, dependencies: dependencies, epoch: epoch)
    }

    /// True when evaluation of `symbol` is what the compiler assumed: no values of its own (Own, Down,
    /// Up, Sub) and the hold attributes of the builtin (`Unprotect[Mod]; Mod[7, 2] = 5` or
    /// `SetAttributes[Plus, HoldAll]` make it false). Attributes that do not change how machine
    /// integers evaluate (Protected, Listable, Orderless, ...) may differ.
    static func hasBuiltinMeaning(_ symbol: Symbol, sys: SystemSymbols) -> Bool {
        guard symbol.ownValue == nil, !symbol.hasDownValues, !symbol.hasUpValues, symbol.subValues.isEmpty
        else { return false }
        let holds = symbol.attributes.intersection([.holdAll, .holdAllComplete])
        switch symbol {
        case sys.True, sys.False, sys.Slot:
            return true
        case sys.Function:
            return holds == .holdAll
        case sys.If:
            return holds == .holdRest && symbol.native != nil
        case sys.And, sys.Or:
            return holds == .holdAll && symbol.native != nil
        default:
            return holds.isEmpty && symbol.native != nil
        }
    }
}

extension Kernel {
    /// `function` applied to `arguments` by its compiled form, or nil when this call needs the
    /// ordinary evaluation: the function does not compile, an argument it reads is not a machine
    /// integer, the call is near `$RecursionLimit` or `$IterationLimit`, or the code gave up.
    func applyCompiledFunction(_ function: Normal, _ arguments: [Expr]) -> Expr? {
        guard !function.isNotCompilable,
              let compiled = pureFunctions.compiled(function, epoch: epochCounter.value, sys: sys),
              arguments.count >= compiled.arity, depth + compiled.height + 1 < recursionLimit,
              compiled.size + 2 < iterationLimit else { return nil }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: max(compiled.arity, 1)) { buffer -> Expr? in
            for index in 0..<compiled.arity {
                guard case .integer(let value) = arguments[index] else { return nil }
                buffer[index] = value
            }
            let values = UnsafePointer(buffer.baseAddress!)
            switch compiled.code {
            case .integer(let code):
                return code(values).map { .integer($0) }
            case .truth(let code):
                return code(values).map { .symbol($0 ? sys.True : sys.False) }
            }
        }
    }
}
