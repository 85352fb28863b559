// Interning of symbols for one kernel, and the rules of context resolution.
//
// A name with a context mark (`Developer`PackedArrayQ`, `` `x ``) is resolved as written (relative
// to `$Context` when it starts with a backquote); a bare name is looked up in `$Context` and then along
// `$ContextPath`, and created in `$Context` when found nowhere.

public final class SymbolTable {
    private var byFullName: [String: Symbol] = [:]
    /// Bare-name cache for the current context and path, invalidated when either changes.
    private var resolved: [String: Symbol] = [:]

    public var currentContext: String = "Global`" { didSet { resolved = [:] } }
    public var contextPath: [String] = ["System`", "Global`"] { didSet { resolved = [:] } }

    public private(set) var system: SystemSymbols! = nil

    public init() {
        system = SystemSymbols { self.intern(fullName: $0) }
    }

    /// The symbol with this full name, created if needed.
    public func intern(fullName: String) -> Symbol {
        if let existing = byFullName[fullName] { return existing }
        let symbol = Symbol(fullName: fullName)
        byFullName[fullName] = symbol
        return symbol
    }

    /// The symbol with this full name, if it exists.
    public func existing(fullName: String) -> Symbol? { byFullName[fullName] }

    /// Resolves a name as it appears in source text.
    public func lookup(_ name: String) -> Symbol {
        if let cached = resolved[name] { return cached }
        let symbol: Symbol
        if name.contains("`") {
            if name.hasPrefix("`") {
                symbol = intern(fullName: currentContext + name.dropFirst())
            } else {
                symbol = intern(fullName: name)
            }
        } else if let found = byFullName[currentContext + name] {
            symbol = found
        } else if let found = contextPath.lazy.compactMap({ self.byFullName[$0 + name] }).first {
            symbol = found
        } else {
            symbol = intern(fullName: currentContext + name)
        }
        resolved[name] = symbol
        return symbol
    }

    /// Forgets a symbol entirely (`Remove`).
    public func remove(_ symbol: Symbol) {
        byFullName[symbol.fullName] = nil
        resolved = [:]
    }

    /// All symbols whose full name starts with `context` (for `Clear["Global`*"]`, `Names`).
    public func symbols(inContext context: String) -> [Symbol] {
        byFullName.values.filter { $0.context == context }.sorted { $0.name < $1.name }
    }

    public var allSymbols: [Symbol] { Array(byFullName.values) }

    /// The shortest name that resolves back to this symbol in the current context and path.
    public func displayName(_ symbol: Symbol) -> String {
        if symbol.context == currentContext || symbol.context == "System`" { return symbol.name }
        if contextPath.contains(symbol.context), lookup(symbol.name) === symbol { return symbol.name }
        return symbol.fullName
    }
}
