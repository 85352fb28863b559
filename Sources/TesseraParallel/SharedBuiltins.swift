// SetSharedVariable, SetSharedFunction, UnsetShared, $SharedVariables and $SharedFunctions: the master
// side of shared state. Declaring a symbol shared only records it; the next evaluation submitted to a
// kernel sends the kernel the symbol's stub first (DefinitionDistribution), so kernels launched later
// get it the same way.

import TesseraBuiltins
import TesseraCore
import TesseraExpr

enum SharedBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("SetSharedVariable", attributes: [.holdAll, .protected], shareVariables),
        BuiltinSpec("SetSharedFunction", attributes: [.holdAll, .protected], shareFunctions),
        BuiltinSpec("UnsetShared", attributes: [.holdAll, .protected], unsetShared),
    ]

    static func setUp(_ k: Kernel) { publish(k) }

    static func shareVariables(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? { share(k, c, asFunction: false) }

    static func shareFunctions(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? { share(k, c, asFunction: true) }

    static func share(_ k: Kernel, _ c: Call, asFunction: Bool) -> Expr? {
        let state = DistributionState.of(k)
        for (i, argument) in c.arguments.enumerated() {
            guard case .symbol(let s) = argument, ContextSelection.distributable(s) else {
                k.message(c.head, "sym", argument, .integer(i + 1))
                continue
            }
            state.share(s, asFunction: asFunction)
        }
        publish(k)
        return .symbol(k.sys.Null)
    }

    /// `UnsetShared[s1, ...]`, `UnsetShared["patt"]`: the symbols it stopped sharing, in HoldForm. The
    /// master keeps its values; a kernel gets the master's definitions in place of the stub with its
    /// next evaluation.
    static func unsetShared(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let state = DistributionState.of(k)
        var stopped: [Symbol] = []
        for argument in c.arguments {
            switch argument {
            case .symbol(let s):
                if state.unshare(s) { stopped.append(s) }
            case .string(let pattern):
                for s in state.sharedVariables + state.sharedFunctions
                where matches(pattern, pattern.contains("`") ? s.fullName : s.name) && state.unshare(s) {
                    stopped.append(s)
                }
            default:
                k.message(c.head, "ssym", argument)
            }
        }
        publish(k)
        return Expr(k.sys.List, stopped.map { Expr(k.sys.HoldForm, .symbol($0)) })
    }

    /// A name pattern with `*` for any run of characters ("*" names every shared symbol).
    static func matches(_ pattern: String, _ name: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return pattern == name }
        guard name.hasPrefix(parts[0]) else { return false }
        var rest = name.dropFirst(parts[0].count)
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let found = rest.range(of: part) else { return false }
            rest = rest[found.upperBound...]
        }
        return rest.hasSuffix(parts.last!)
    }

    /// Sets `$SharedVariables` and `$SharedFunctions` (lists of symbols in Hold, as Mathematica's).
    static func publish(_ k: Kernel) {
        let state = DistributionState.of(k)
        for (name, symbols) in [("System`$SharedVariables", state.sharedVariables), ("System`$SharedFunctions", state.sharedFunctions)] {
            let variable = k.symbols.intern(fullName: name)
            variable.setOwnValue(Expr(k.sys.List, symbols.map { Expr(k.sys.Hold, .symbol($0)) }))
            variable.setAttributes([.protected])
        }
    }
}
