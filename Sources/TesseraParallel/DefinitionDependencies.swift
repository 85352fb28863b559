// What an expression needs on a subkernel: the symbols it mentions, and the symbols their definitions
// mention (OwnValues, DownValues, UpValues, SubValues, NValues, DefaultValues, Options), transitively,
// as far as the selection reaches (in cross_spectrum.wl the body needs `SelectbyWRange`; `DFT` needs
// `ht`).
//
// The mentions of a symbol's definitions are cached with the symbol's version, so that a parallel
// function submitting 401 evaluations walks each definition once, not 401 times. A walk never descends
// into a builtin or System` symbol, a shared symbol (it is evaluated on the master), or a Module-local
// (Temporary) symbol without values; packed arrays are atoms and cost nothing to walk.

import TesseraCore
import TesseraExpr

enum DefinitionDependencies {
    /// The distributable symbols `expr` mentions, in first-seen order.
    static func mentions(of expr: Expr) -> [Symbol] {
        var found: [Symbol] = []
        var seen = Set<ObjectIdentifier>()
        collect(expr, into: &found, seen: &seen)
        return found
    }

    /// The selected symbols reachable from `roots` through their definitions (roots included when
    /// selected, or `force`d), skipping shared symbols.
    static func closure(of roots: [Symbol], force: Set<ObjectIdentifier> = [], selection: ContextSelection,
                        _ state: DistributionState) -> [Symbol] {
        var result: [Symbol] = []
        var seen = Set<ObjectIdentifier>()
        var pending = roots
        while let s = pending.popLast() {
            guard seen.insert(ObjectIdentifier(s)).inserted else { continue }
            let forced = force.contains(ObjectIdentifier(s)) && ContextSelection.distributable(s)
            guard forced || selection.selects(s), !state.isShared(s) else { continue }
            if s.attributes.contains(.temporary) && !SymbolDefinitions.hasAny(s) { continue }
            result.append(s)
            pending.append(contentsOf: definitionMentions(of: s, state))
        }
        return result
    }

    /// The distributable symbols `s`'s definitions mention (cached per version; temporaries are not
    /// cached, so that the cache never keeps a Module's local, and its value, alive).
    static func definitionMentions(of s: Symbol, _ state: DistributionState) -> [Symbol] {
        let temporary = s.attributes.contains(.temporary)
        if !temporary, let cached = state.mentionCache[s.fullName], cached.symbol === s, cached.version == s.version {
            return cached.mentions
        }
        var found: [Symbol] = []
        var seen: Set<ObjectIdentifier> = [ObjectIdentifier(s)]
        if let value = s.ownValue { collect(value, into: &found, seen: &seen) }
        for list in [s.downValues.all, s.upValues.all, s.subValues.all, s.nValues.all, s.defaultValues] {
            for d in list {
                collect(d.lhs, into: &found, seen: &seen)
                collect(d.rhs, into: &found, seen: &seen)
            }
        }
        for option in s.options { collect(option, into: &found, seen: &seen) }
        if !temporary {
            if state.mentionCache.count >= DistributionState.mentionCacheLimit { state.mentionCache = [:] }
            state.mentionCache[s.fullName] = .init(symbol: s, version: s.version, mentions: found)
        }
        return found
    }

    /// Walks `e` without recursion (an expression can be deeper than the native stack allows).
    private static func collect(_ e: Expr, into found: inout [Symbol], seen: inout Set<ObjectIdentifier>) {
        var stack = [e]
        while let next = stack.popLast() {
            switch next {
            case .symbol(let s):
                if ContextSelection.distributable(s), seen.insert(ObjectIdentifier(s)).inserted { found.append(s) }
            case .normal(let n):
                stack.append(n.head)
                stack.append(contentsOf: n.arguments)
            case .complex(let re, let im):
                stack.append(re)
                stack.append(im)
            default:
                break
            }
        }
    }
}
