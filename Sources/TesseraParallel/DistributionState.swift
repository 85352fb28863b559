// The master's record of what it distributes: symbols sent so far (every new kernel gets them),
// shared variables and functions, packages for ParallelNeeds, and the mention cache of
// DefinitionDependencies. Per-kernel facts (which version of a symbol a kernel has) live on the
// `Worker` (`definitionVersions`). Hung off the kernel like ParallelState: no global state.

import TesseraCore
import TesseraExpr

final class DistributionState {
    /// The option of the parallel function being evaluated (DistributedContexts.withOption).
    var selectionOverride: ContextSelection?
    /// Symbols whose definitions were distributed, automatically or by DistributeDefinitions, in order;
    /// Module-local symbols are never kept here.
    private(set) var distributed: [Symbol] = []
    private var distributedIDs = Set<ObjectIdentifier>()
    private(set) var sharedVariables: [Symbol] = []
    private(set) var sharedFunctions: [Symbol] = []
    /// Symbols shared once and no longer: a kernel with the sharing stub gets the master's definitions.
    private(set) var formerlyShared: [Symbol] = []
    /// Contexts of ParallelNeeds, in order; `needsSent[worker id]` counts how many a kernel has loaded.
    private(set) var needs: [String] = []
    var needsSent: [Int: Int] = [:]

    struct CachedMentions {
        let symbol: Symbol
        let version: UInt64
        let mentions: [Symbol]
    }
    var mentionCache: [String: CachedMentions] = [:]
    static let mentionCacheLimit = 4096

    /// The version recorded for a kernel that has a shared symbol's stub (no symbol reaches it).
    static let sharedStamp = UInt64.max

    init() {}

    static func of(_ k: Kernel) -> DistributionState { k.extensionState(DistributionState.self) { DistributionState() } }

    func noteDistributed(_ s: Symbol) {
        guard !s.attributes.contains(.temporary), distributedIDs.insert(ObjectIdentifier(s)).inserted else { return }
        distributed.append(s)
    }

    func isShared(_ s: Symbol) -> Bool {
        sharedVariables.contains { $0 === s } || sharedFunctions.contains { $0 === s }
    }

    func isSharedFunction(_ s: Symbol) -> Bool { sharedFunctions.contains { $0 === s } }

    /// Shares `s` as a variable or a function (a symbol is one or the other, the last one asked for).
    func share(_ s: Symbol, asFunction: Bool) {
        sharedVariables.removeAll { $0 === s }
        sharedFunctions.removeAll { $0 === s }
        formerlyShared.removeAll { $0 === s }
        if asFunction { sharedFunctions.append(s) } else { sharedVariables.append(s) }
    }

    /// Stops sharing `s`; false when it was not shared.
    func unshare(_ s: Symbol) -> Bool {
        guard isShared(s) else { return false }
        sharedVariables.removeAll { $0 === s }
        sharedFunctions.removeAll { $0 === s }
        formerlyShared.append(s)
        return true
    }

    func addNeeds(_ context: String) {
        if !needs.contains(context) { needs.append(context) }
    }
}
