// DistributeDefinitions, ParallelNeeds, $DistributedContexts and $DistributedDefinitions: the explicit
// side of definition distribution (the automatic side is DefinitionDistribution, run on every submit).

import TesseraBuiltins
import TesseraCore
import TesseraExpr
import TesseraLink

enum DistributionBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("DistributeDefinitions", attributes: [.holdAll, .protected], distributeDefinitions),
        BuiltinSpec("ParallelNeeds", parallelNeeds),
        BuiltinSpec("DistributedContexts", attributes: [.protected]),
        BuiltinSpec("Parallel`Developer`DistributedDefinitions", distributedDefinitions),
        BuiltinSpec("Parallel`Developer`DefinitionBytes", definitionBytes),
    ]

    static func setUp(_ k: Kernel) {
        DistributedContexts.setUp(k)
        let list = k.symbols.intern(fullName: "System`$DistributedDefinitions")
        list.setOwnValue(Expr(k.symbols.intern(fullName: "Parallel`Developer`DistributedDefinitions"), []), delayed: true)
        list.setAttributes([.protected])
        let parallel = k.symbols.intern(fullName: "System`Parallel")
        parallel.setMessage("dctx", "Value of option DistributedContexts -> `1` should be None, All, Automatic, a context or a list of contexts.")
        parallel.setMessage("shared", "A shared variable could not reach the master kernel: `1`.")
    }

    /// `DistributeDefinitions[s1, s2, ...]`, `["ctx`"]`, `[expr]`: sends the definitions of the symbols
    /// (all symbols of the context, all symbols in expr) and of what they depend on to every idle
    /// kernel now, and registers them for kernels launched later. Returns the symbols whose definitions
    /// went out (those with nothing new are left out), in HoldForm.
    static func distributeDefinitions(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard let (c, option) = try DistributedContexts.split(k, c) else { return nil }
        var roots: [Symbol] = []
        for argument in c.arguments {
            switch argument {
            case .symbol(let s): roots.append(s)
            case .string(let name) where name.hasSuffix("`"):
                roots += k.symbols.symbols(inContext: k.absoluteContext(name)).filter(SymbolDefinitions.hasAny)
            case .string(let name):
                if let s = k.symbols.find(name) { roots.append(s) }
            default: roots += DefinitionDependencies.mentions(of: argument)
            }
        }
        let state = DistributionState.of(k)
        // Named symbols go whatever their context; what they depend on, also within their contexts.
        let selection = option ?? DistributedContexts.current(k).union(.contexts(Array(Set(roots.map(\.context)))))
        let symbols = DefinitionDependencies.closure(of: roots.reversed(), force: Set(roots.map(ObjectIdentifier.init)),
                                                     selection: selection, state)
        for s in symbols where SymbolDefinitions.hasAny(s) { state.noteDistributed(s) }
        let workers = ParallelState.of(k).liveWorkers
        var sent = Set<ObjectIdentifier>()
        for worker in workers where worker.isIdle {
            let (definitions, installed) = DefinitionDistribution.installing(symbols, on: worker, k)
            do {
                for definition in definitions {
                    try DefinitionDistribution.send(definition, to: worker, requestID: 0, k)
                }
            } catch {
                worker.bury()
            }
            sent.formUnion(installed.map(ObjectIdentifier.init))
        }
        let reported = symbols.filter { workers.isEmpty ? SymbolDefinitions.hasAny($0) : sent.contains(ObjectIdentifier($0)) }
        return Expr(k.sys.List, reported.map { Expr(k.sys.HoldForm, .symbol($0)) })
    }

    /// `ParallelNeeds["ctx`"]`: Needs on every running kernel now (its messages reach the master), and
    /// on every kernel launched later before its first evaluation.
    static func parallelNeeds(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        guard case .string(let context) = c[0] else {
            k.message(c.head, "string", .integer(1), c.expr)
            return nil
        }
        DistributionState.of(k).addNeeds(context)
        // Submitting anything sends the kernel the packages it has not loaded (DefinitionDistribution).
        let queue = EvaluationQueue.of(k)
        _ = try queue.results(of: ParallelState.of(k).liveWorkers.map { queue.add(.symbol(k.sys.Null), on: $0.id, k) }, k)
        return .symbol(k.sys.Null)
    }

    /// The value of `$DistributedDefinitions`: every symbol distributed so far, in HoldForm.
    static func distributedDefinitions(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        Expr(k.sys.List, DistributionState.of(k).distributed.map { Expr(k.sys.HoldForm, .symbol($0)) })
    }

    /// `Parallel`Developer`DefinitionBytes[]`: the bytes of definitions sent, by symbol, from the ledger.
    static func definitionBytes(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 0 else { return nil }
        let bytes = ParallelState.of(k).ledger.definitionBytesBySymbol
        return Expr(k.sys.List, bytes.keys.sorted().map { Expr(k.sys.Rule, .string($0), .integer(bytes[$0]!)) })
    }
}
