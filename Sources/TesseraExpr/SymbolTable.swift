// Interning of symbols for one kernel, and the rules of context resolution.
//
// A name with a context mark (`Developer`PackedArrayQ`, `` `x ``) is resolved as written (relative
// to `$Context` when it starts with a backquote); a bare name is looked up in `$Context` and then along
// `$ContextPath`, and created in `$Context` when found nowhere.

public final class SymbolTable {
    private var byFullName: [String: Symbol] = [:]
    /// Module's local symbols (`x$12`), kept apart from `byFullName`: making one hashes no name, a
    /// lookup by name finds it on demand, and one that nothing else refers to any more is dropped
    /// (Mathematica removes Temporary symbols the same way), so a loop over a Module neither grows
    /// the table nor keeps the values of its locals alive.
    private var temporaries: [Symbol] = []
    /// Temporaries are swept when there are this many.
    private var sweepThreshold = 4096
    /// Advances at every sweep (which moves temporaries within the array).
    private var sweepCount = 0
    /// Bare-name cache for the current context and path, invalidated when either changes.
    private var resolved: [String: Symbol] = [:]

    public var currentContext: String = "Global`" { didSet { resolved = [:] } }
    public var contextPath: [String] = ["System`", "Global`"] { didSet { resolved = [:] } }

    public private(set) var system: SystemSymbols! = nil
    /// Shared with every symbol of the table: a change to any symbol advances it (see `EvaluationEpoch`).
    public let epoch = EvaluationEpoch()

    public init() {
        system = SystemSymbols { self.intern(fullName: $0) }
    }

    /// The symbol with this full name, created if needed.
    public func intern(fullName: String) -> Symbol {
        if let existing = byFullName[fullName] { return existing }
        if let temporary = adoptTemporary(fullName) { return temporary }
        let symbol = Symbol(fullName: fullName, epoch: epoch)
        byFullName[fullName] = symbol
        return symbol
    }

    /// The symbol with this full name, if it exists.
    public func existing(fullName: String) -> Symbol? { byFullName[fullName] ?? adoptTemporary(fullName) }

    // MARK: Temporaries

    /// Where the next temporary goes, and the sweep it belongs to: what `releaseTemporaries` needs.
    public struct TemporaryMark {
        let index: Int
        let sweep: Int
    }

    public var temporaryMark: TemporaryMark { TemporaryMark(index: temporaries.count, sweep: sweepCount) }

    /// A new local symbol `name` in `context` (the caller makes the name unique, as `x$12`).
    public func makeTemporary(name: String, context: String) -> Symbol {
        if temporaries.count >= sweepThreshold { sweepTemporaries() }
        let symbol = Symbol(name: name, context: context, epoch: epoch)
        temporaries.append(symbol)
        return symbol
    }

    /// After a scope: its temporaries that nothing refers to any more give up their values at once
    /// (a local may hold a large array), and those at the end of the list are dropped.
    public func releaseTemporaries(since mark: TemporaryMark) {
        guard mark.sweep == sweepCount else { return }
        var index = temporaries.count - 1
        while index >= mark.index {
            if isKnownUniquelyReferenced(&temporaries[index]) {
                if index == temporaries.count - 1 {
                    temporaries.removeLast()
                } else {
                    temporaries[index].clearValues()
                }
            }
            index -= 1
        }
    }

    private func sweepTemporaries() {
        var kept: [Symbol] = []
        for index in temporaries.indices where !isKnownUniquelyReferenced(&temporaries[index]) {
            kept.append(temporaries[index])
        }
        temporaries = kept
        sweepThreshold = Swift.max(4096, kept.count * 2)
        sweepCount += 1
    }

    /// A temporary found by its name becomes an ordinary symbol of the table.
    private func adoptTemporary(_ fullName: String) -> Symbol? {
        guard let last = fullName.utf8.last, last >= UInt8(ascii: "0"), last <= UInt8(ascii: "9"),
              fullName.contains("$"),
              let index = temporaries.firstIndex(where: { $0.fullName == fullName }) else { return nil }
        let symbol = temporaries.remove(at: index)
        sweepCount += 1
        byFullName[fullName] = symbol
        return symbol
    }

    /// Resolves a name as it appears in source text, creating the symbol in `$Context` when the name
    /// resolves to none.
    public func lookup(_ name: String) -> Symbol {
        if let cached = resolved[name] { return cached }
        let symbol = find(name) ?? intern(fullName: qualified(name))
        resolved[name] = symbol
        return symbol
    }

    /// The symbol a name resolves to, if it exists: `Clear["x"]` and `Context["x"]` must not create one.
    public func find(_ name: String) -> Symbol? {
        if name.contains("`") { return existing(fullName: qualified(name)) }
        if let found = byFullName[currentContext + name] { return found }
        return contextPath.lazy.compactMap({ self.byFullName[$0 + name] }).first
    }

    /// The full name a new symbol of this name gets: a context-relative name (`` `a ``) or a bare one
    /// goes into `$Context`, an absolute one (`A`a`) stays as it is.
    public func qualified(_ name: String) -> String {
        if name.hasPrefix("`") { return currentContext + name.dropFirst() }
        return name.contains("`") ? name : currentContext + name
    }

    /// Forgets a symbol entirely (`Remove`).
    public func remove(_ symbol: Symbol) {
        byFullName[symbol.fullName] = nil
        if let index = temporaries.firstIndex(where: { $0 === symbol }) {
            temporaries.remove(at: index)
            sweepCount += 1
        }
        resolved = [:]
    }

    /// All symbols whose full name starts with `context` (for `Clear["Global`*"]`, `Names`).
    public func symbols(inContext context: String) -> [Symbol] {
        allSymbols.filter { $0.context == context }.sorted { $0.name < $1.name }
    }

    public var allSymbols: [Symbol] { Array(byFullName.values) + temporaries }

    /// The shortest name that resolves back to this symbol in the current context and path.
    public func displayName(_ symbol: Symbol) -> String {
        if symbol.context == currentContext || symbol.context == "System`" { return symbol.name }
        if contextPath.contains(symbol.context), lookup(symbol.name) === symbol { return symbol.name }
        return symbol.fullName
    }
}
