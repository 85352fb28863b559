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

/// Which rule list of a symbol a change goes to.
public enum RuleKind: Sendable {
    /// `f[x_] := ...`
    case down
    /// `g[f[x_]] ^:= ...`, `f /: g[f[x_]] := ...`
    case up
    /// `f[x_][y_] := ...`
    case sub
    /// `N[f] = ...`
    case n
}

/// A symbol: its names, its state (values, attributes, options, messages) and its builtin.
///
/// The state is readable by anyone and writable only through the methods below, each of which
/// bumps `version` and advances the kernel's `EvaluationEpoch`; reading never does. That is the
/// contract caches and subkernels rely on: equal versions mean equal state.
public final class Symbol {
    /// Full name including context, e.g. "System`Plus" or "Global`x".
    public let fullName: String
    /// Name without context, e.g. "Plus".
    public let name: String
    public let context: String

    public private(set) var attributes: Attributes = []
    /// `x = value`: the fast path of OwnValues.
    @inlinable public var ownValue: Expr? { storedOwnValue }
    @inlinable public var ownValueIsDelayed: Bool { storedOwnValueIsDelayed }
    public private(set) var downValues = DefinitionList()
    public private(set) var upValues = DefinitionList()
    /// Kept with the lists so that the evaluator's check for each argument is one load.
    public private(set) var hasDownValues = false
    public private(set) var hasUpValues = false
    public private(set) var subValues = DefinitionList()
    public private(set) var nValues = DefinitionList()
    /// `Default[f]`, `Default[f, i]`, ...
    public private(set) var defaultValues: [Definition] = []
    public private(set) var options: [Expr] = []
    /// `f::tag = "text"` overrides.
    public private(set) var messages: [String: String] = [:]
    /// The builtin implementation installed by the kernel (a core type this module does not know).
    public private(set) var native: AnyObject?
    /// Bumped on every change of the symbol's state, so that caches and distributed kernels notice.
    @inlinable public var version: UInt64 { storedVersion }

    // Storage behind `setOwnValue`, the one setter on the hot path (iterator variables, `x = x + 1`):
    // internal, so that only this module writes it, and usable from inlinable code, so that the
    // setter is inlined into the evaluator and the builtins instead of being a call.
    @usableFromInline var storedOwnValue: Expr?
    @usableFromInline var storedOwnValueIsDelayed = false
    @usableFromInline var storedVersion: UInt64 = 0
    /// The epoch of the kernel that owns this symbol, advanced with every change of `version`.
    @usableFromInline let epoch: EvaluationEpoch

    /// A symbol whose parts are known (Module's locals: no search for the context mark).
    public init(name: String, context: String, epoch: EvaluationEpoch) {
        self.name = name
        self.context = context
        self.epoch = epoch
        fullName = context + name
    }

    public init(fullName: String, epoch: EvaluationEpoch) {
        self.fullName = fullName
        self.epoch = epoch
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

    // MARK: The one door for changes

    /// Every mutation ends here.
    @inlinable
    func changed() {
        storedVersion &+= 1
        epoch.advance()
    }

    /// `x = value`, `x := value` (delayed), or no OwnValue at all (nil).
    /// (Iterator variables call this once per round: keep it free of anything but the stores.)
    @inlinable
    public func setOwnValue(_ value: Expr?, delayed: Bool = false) {
        storedOwnValue = value
        storedOwnValueIsDelayed = delayed
        changed()
    }

    /// Changes one rule list in place (no copy of a list the symbol alone holds).
    @discardableResult
    public func updateValues<T>(_ kind: RuleKind, _ change: (inout DefinitionList) -> T) -> T {
        defer { changed() }
        switch kind {
        case .down:
            defer { hasDownValues = !downValues.isEmpty }
            return change(&downValues)
        case .up:
            defer { hasUpValues = !upValues.isEmpty }
            return change(&upValues)
        case .sub: return change(&subValues)
        case .n: return change(&nValues)
        }
    }

    public func setDefaultValues(_ values: [Definition]) {
        defaultValues = values
        changed()
    }

    public func setAttributes(_ new: Attributes) {
        attributes = new
        changed()
    }

    public func setOptions(_ new: [Expr]) {
        options = new
        changed()
    }

    /// `f::tag = text`; nil removes the override.
    public func setMessage(_ tag: String, _ text: String?) {
        messages[tag] = text
        changed()
    }

    /// `Messages[f] = {...}`: replaces every message override at once (one new version, even when
    /// the list is the same).
    public func setMessages(_ new: [String: String]) {
        messages = new
        changed()
    }

    /// Installs (or with nil, removes) the builtin implementation.
    public func setNative(_ implementation: AnyObject?) {
        native = implementation
        changed()
    }

    /// Removes values (Own, Down, Up, Sub, N, Default) but keeps attributes, options, messages and
    /// the builtin: what `Clear` does.
    public func clearValues() {
        storedOwnValue = nil
        storedOwnValueIsDelayed = false
        downValues.removeAll()
        upValues.removeAll()
        subValues.removeAll()
        nValues.removeAll()
        defaultValues = []
        hasDownValues = false
        hasUpValues = false
        changed()
    }

    /// Everything `ClearAll` removes: values, attributes, options and messages (not the builtin).
    public func clearAll() { restoreState(SymbolState()) }

    // MARK: Saving and restoring (Block)

    /// The whole user-visible state as one value (everything but the builtin).
    public func saveState() -> SymbolState {
        SymbolState(ownValue: ownValue, ownValueIsDelayed: ownValueIsDelayed, downValues: downValues,
                    upValues: upValues, subValues: subValues, nValues: nValues, defaultValues: defaultValues,
                    attributes: attributes, options: options, messages: messages)
    }

    /// Puts back a saved state; the version still moves forward (a restored state is a new version,
    /// so that anything that cached the state inside a Block notices the change).
    public func restoreState(_ state: SymbolState) {
        storedOwnValue = state.ownValue
        storedOwnValueIsDelayed = state.ownValueIsDelayed
        downValues = state.downValues
        upValues = state.upValues
        subValues = state.subValues
        nValues = state.nValues
        defaultValues = state.defaultValues
        attributes = state.attributes
        options = state.options
        messages = state.messages
        hasDownValues = !downValues.isEmpty
        hasUpValues = !upValues.isEmpty
        changed()
    }
}

/// Everything a symbol holds apart from its names and builtin: what Block saves and restores.
/// The default value is the state of a fresh symbol.
public struct SymbolState {
    public var ownValue: Expr?
    public var ownValueIsDelayed = false
    public var downValues = DefinitionList()
    public var upValues = DefinitionList()
    public var subValues = DefinitionList()
    public var nValues = DefinitionList()
    public var defaultValues: [Definition] = []
    public var attributes: Attributes = []
    public var options: [Expr] = []
    public var messages: [String: String] = [:]

    public init(ownValue: Expr? = nil, ownValueIsDelayed: Bool = false, downValues: DefinitionList = DefinitionList(),
                upValues: DefinitionList = DefinitionList(), subValues: DefinitionList = DefinitionList(),
                nValues: DefinitionList = DefinitionList(), defaultValues: [Definition] = [],
                attributes: Attributes = [], options: [Expr] = [], messages: [String: String] = [:]) {
        self.ownValue = ownValue
        self.ownValueIsDelayed = ownValueIsDelayed
        self.downValues = downValues
        self.upValues = upValues
        self.subValues = subValues
        self.nValues = nValues
        self.defaultValues = defaultValues
        self.attributes = attributes
        self.options = options
        self.messages = messages
    }
}

extension Symbol: Hashable {
    public static func == (lhs: Symbol, rhs: Symbol) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
