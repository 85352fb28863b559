// Automatic distribution of definitions: what a subkernel must be sent before it evaluates an
// expression, computed when the master submits it (ParallelWait's `submit`), and sent as `define`
// messages right before the `evaluate`, in the same turn.
//
// A kernel is sent, in this order: the packages of ParallelNeeds it has not loaded; the stubs of the
// shared variables and functions it lacks; and every selected symbol the expression depends on, or
// that was distributed before, that it lacks or has an older version of (`Symbol.version` against
// `Worker.definitionVersions`). So a new kernel gets what the others have on its first request, and
// an unchanged definition (a 962 MB array) is sent to each kernel once. One message per symbol, so
// that the ledger records the bytes of each symbol's definitions.

import TesseraCore
import TesseraExpr
import TesseraLink

enum DefinitionDistribution {
    /// One `define` body: the held definitions, and the symbol they are of (nil for a Needs).
    struct Definition {
        let symbol: String?
        let body: Expr
    }

    /// Sends `worker` the definitions it needs before it evaluates `expr`, each as a `define`
    /// message through the link's one send path (so big packed arrays in them go as shared-memory
    /// handles), and records the bytes of each symbol's message in the ledger.
    static func send(for expr: Expr?, to worker: Worker, requestID: UInt64, _ k: Kernel) throws(LinkError) {
        for definition in definitions(for: expr, to: worker, k) {
            try send(definition, to: worker, requestID: requestID, k)
        }
    }

    /// Sends one `define` message and records its wire and shared bytes under its symbol.
    static func send(_ definition: Definition, to worker: Worker, requestID: UInt64, _ k: Kernel) throws(LinkError) {
        let state = ParallelState.of(k), ledger = state.ledger
        let before = ledger.totals(peer: worker.id, direction: .sent)
        let mark = state.timeline?.mark(worker)
        defer { if let mark { state.timeline?.definitionSent(definition.symbol, to: worker, requestID: requestID, since: mark) } }
        try LinkCodec.send(.define, requestID: requestID, definition.body, over: worker.link, k)
        if let symbol = definition.symbol {
            let after = ledger.totals(peer: worker.id, direction: .sent)
            ledger.recordDefinition(symbol: symbol, bytes: after.wireBytes - before.wireBytes,
                                    sharedBytes: after.sharedBytes - before.sharedBytes)
        }
    }

    /// Whether `worker` has every definition it needs to evaluate `expr`: nothing would be sent.
    static func isCurrent(for expr: Expr, on worker: Worker, _ k: Kernel) -> Bool {
        let state = DistributionState.of(k)
        guard state.needsSent[worker.id] ?? 0 == state.needs.count,
              (state.sharedVariables + state.sharedFunctions).allSatisfy({
                  worker.definitionVersions[$0.fullName] == DistributionState.sharedStamp })
        else { return false }
        return !symbolsNeeded(for: expr, by: worker, k).contains { isStale($0, on: worker) }
    }

    /// The definitions `worker` needs before it evaluates `expr` (nil: only what other evaluations
    /// left to send). Records them as sent.
    static func definitions(for expr: Expr?, to worker: Worker, _ k: Kernel) -> [Definition] {
        let state = DistributionState.of(k)
        var out: [Definition] = []
        let loaded = state.needsSent[worker.id] ?? 0
        for context in state.needs.dropFirst(loaded) {
            let load = Expr(k.sys.Hold, Expr(k.symbols.intern(fullName: "System`Needs"), .string(context)))
            out.append(Definition(symbol: nil, body: load))
        }
        state.needsSent[worker.id] = state.needs.count
        for s in state.sharedVariables + state.sharedFunctions
        where worker.definitionVersions[s.fullName] != DistributionState.sharedStamp {
            let stub = SharedStubs.definitions(for: s, function: state.isSharedFunction(s), k)
            out.append(Definition(symbol: s.fullName, body: stub.installer(for: s, k)))
            worker.definitionVersions[s.fullName] = DistributionState.sharedStamp
        }
        out += installing(symbolsNeeded(for: expr, by: worker, k), on: worker, k).definitions
        return out
    }

    /// The selected symbols whose definitions `worker` must have to evaluate `expr`: what it
    /// mentions, what was distributed before, formerly shared symbols the kernel has stubs of, and
    /// what those depend on.
    private static func symbolsNeeded(for expr: Expr?, by worker: Worker, _ k: Kernel) -> [Symbol] {
        let state = DistributionState.of(k)
        let selection = DistributedContexts.current(k)
        var roots: [Symbol] = []
        var force = Set<ObjectIdentifier>()
        for s in state.formerlyShared where worker.definitionVersions[s.fullName] == DistributionState.sharedStamp {
            roots.append(s)
            force.insert(ObjectIdentifier(s))
        }
        if selection != .none {
            for s in state.distributed {
                roots.append(s)
                force.insert(ObjectIdentifier(s))
            }
            if let expr { roots += DefinitionDependencies.mentions(of: expr).reversed() }
        }
        return DefinitionDependencies.closure(of: roots, force: force, selection: selection, state)
    }

    /// Definitions of those of `symbols` that `worker` lacks or has an older version of.
    static func installing(_ symbols: [Symbol], on worker: Worker, _ k: Kernel) -> (definitions: [Definition], sent: [Symbol]) {
        let state = DistributionState.of(k)
        var out: [Definition] = []
        var sent: [Symbol] = []
        for s in symbols where isStale(s, on: worker) {
            out.append(Definition(symbol: s.fullName, body: SymbolDefinitions(of: s).installer(for: s, k)))
            worker.definitionVersions[s.fullName] = s.version
            state.noteDistributed(s)
            sent.append(s)
        }
        return (out, sent)
    }

    /// Whether `worker` lacks the current definitions of `s`.
    static func isStale(_ s: Symbol, on worker: Worker) -> Bool {
        if let have = worker.definitionVersions[s.fullName] { return have != s.version }
        return SymbolDefinitions.hasAny(s)
    }
}
