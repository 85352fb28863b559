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
    /// The `define` messages `worker` needs before it evaluates `expr` (nil: only what other
    /// evaluations left to send). Records what it sends as sent.
    static func messages(for expr: Expr?, to worker: Worker, requestID: UInt64, _ k: Kernel) -> [LinkMessage] {
        let state = DistributionState.of(k)
        var out: [LinkMessage] = []
        let loaded = state.needsSent[worker.id] ?? 0
        for context in state.needs.dropFirst(loaded) {
            let load = Expr(k.sys.Hold, Expr(k.symbols.intern(fullName: "System`Needs"), .string(context)))
            out.append(LinkMessage(kind: .define, requestID: requestID, body: LinkCodec.encode(load, k)))
        }
        state.needsSent[worker.id] = state.needs.count
        for s in state.sharedVariables + state.sharedFunctions
        where worker.definitionVersions[s.fullName] != DistributionState.sharedStamp {
            let stub = SharedStubs.definitions(for: s, function: state.isSharedFunction(s), k)
            out.append(define(s, stub, requestID: requestID, k))
            worker.definitionVersions[s.fullName] = DistributionState.sharedStamp
        }
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
        let needed = DefinitionDependencies.closure(of: roots, force: force, selection: selection, state)
        out += messages(installing: needed, on: worker, requestID: requestID, k).messages
        return out
    }

    /// Define messages for those of `symbols` that `worker` lacks or has an older version of.
    static func messages(installing symbols: [Symbol], on worker: Worker, requestID: UInt64,
                         _ k: Kernel) -> (messages: [LinkMessage], sent: [Symbol]) {
        let state = DistributionState.of(k)
        var out: [LinkMessage] = []
        var sent: [Symbol] = []
        for s in symbols where isStale(s, on: worker) {
            out.append(define(s, SymbolDefinitions(of: s), requestID: requestID, k))
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

    /// One symbol's definitions as a `define` message, its bytes recorded in the ledger under its name.
    private static func define(_ s: Symbol, _ definitions: SymbolDefinitions, requestID: UInt64, _ k: Kernel) -> LinkMessage {
        let body = LinkCodec.encode(definitions.installer(for: s, k), k)
        ParallelState.of(k).ledger.recordDefinition(symbol: s.fullName, bytes: body.count + LinkFrameHeader.size)
        return LinkMessage(kind: .define, requestID: requestID, body: body)
    }
}
