// Symbols and the definitions attached to them.
//
// A symbol is interned per kernel (`SymbolTable`), so identity comparison (`===`) is symbol equality and
// the evaluator finds a symbol's values and builtin implementation without any dictionary lookup. All
// mutable state of a symbol belongs to the kernel that owns its table; kernels never share symbols.

/// One stored rule of a symbol: `lhs = rhs` or `lhs := rhs`.
public struct Definition {
    public var lhs: Expr
    public var rhs: Expr
    public var isDelayed: Bool
    public init(lhs: Expr, rhs: Expr, isDelayed: Bool) {
        self.lhs = lhs
        self.rhs = rhs
        self.isDelayed = isDelayed
    }
}

/// An ordered list of rules plus a hash index for rules whose left side has no pattern at all
/// (`fib[10] = 55`): those are tried first and found in constant time, as memo tables need.
public struct DefinitionList {
    public private(set) var literal: [Expr: Definition] = [:]
    public private(set) var patterns: [Definition] = []

    public init() {}

    public var isEmpty: Bool { literal.isEmpty && patterns.isEmpty }
    public var count: Int { literal.count + patterns.count }

    /// All rules: literal ones first (as Mathematica lists them), then the pattern rules in order.
    public var all: [Definition] { Array(literal.values) + patterns }

    public mutating func setLiteral(_ definition: Definition) {
        literal[definition.lhs] = definition
    }

    public mutating func removeLiteral(_ lhs: Expr) -> Bool {
        literal.removeValue(forKey: lhs) != nil
    }

    /// Replaces the rule with an identical left side, or inserts at `index`.
    public mutating func setPattern(_ definition: Definition, at index: Int) {
        patterns.insert(definition, at: index)
    }

    public mutating func replacePattern(at index: Int, with definition: Definition) {
        patterns[index] = definition
    }

    public mutating func removePattern(at index: Int) {
        patterns.remove(at: index)
    }

    public mutating func removeAll() {
        literal = [:]
        patterns = []
    }
}

public final class Symbol {
    /// Full name including context, e.g. "System`Plus" or "Global`x".
    public let fullName: String
    /// Name without context, e.g. "Plus".
    public let name: String
    public let context: String

    public var attributes: Attributes = []
    /// `x = value`: the fast path of OwnValues.
    public var ownValue: Expr?
    public var ownValueIsDelayed = false
    public var downValues = DefinitionList() { didSet { hasDownValues = !downValues.isEmpty } }
    public var upValues = DefinitionList() { didSet { hasUpValues = !upValues.isEmpty } }
    /// Kept with the lists so that the evaluator's check for each argument is one load.
    public private(set) var hasDownValues = false
    public private(set) var hasUpValues = false
    public var subValues = DefinitionList()
    public var nValues = DefinitionList()
    /// `Default[f]`, `Default[f, i]`, ...
    public var defaultValues: [Definition] = []
    public var options: [Expr] = []
    /// `f::tag = "text"` overrides.
    public var messages: [String: String] = [:]
    /// The builtin implementation installed by the kernel (a core type this module does not know).
    public var native: AnyObject?
    /// Bumped on every change of a definition, so that caches and distributed kernels notice.
    public var version: UInt64 = 0

    /// A symbol whose parts are known (Module's locals: no search for the context mark).
    public init(name: String, context: String) {
        self.name = name
        self.context = context
        fullName = context + name
    }

    public init(fullName: String) {
        self.fullName = fullName
        if let tick = fullName.lastIndex(of: "`") {
            name = String(fullName[fullName.index(after: tick)...])
            context = String(fullName[...tick])
        } else {
            name = fullName
            context = "Global`"
        }
    }

    public var hasValues: Bool {
        ownValue != nil || !downValues.isEmpty || !upValues.isEmpty || !subValues.isEmpty
    }

    /// Removes values but keeps attributes, messages and the builtin.
    public func clearValues() {
        ownValue = nil
        ownValueIsDelayed = false
        downValues.removeAll()
        upValues.removeAll()
        subValues.removeAll()
        nValues.removeAll()
        defaultValues = []
        version &+= 1
    }
}

extension Symbol: Hashable {
    public static func == (lhs: Symbol, rhs: Symbol) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
