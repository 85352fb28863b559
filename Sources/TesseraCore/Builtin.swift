// How builtins plug into the kernel.
//
// Every builtin family (Sources/TesseraBuiltins/<Topic>/*.swift) exposes one literal table of
// `BuiltinSpec` rows: name, attributes, messages, options and implementation. The kernel installs the
// rows once when it starts; the implementation is then found through the symbol itself
// (`Symbol.native`), so a call to a builtin costs no dictionary lookup.
//
// Registration is explicit (see BuiltinRegistration.swift): a name is installed once; a row that
// changes another row's behaviour says so, either as an adapter on its own row (`adapted(_:)`: sparse
// arrays seen as lists) or as a wrapping row (`BuiltinSpec(wrapping:)`) installed after the row it wraps.

import TesseraExpr

/// The implementation of a builtin: given the kernel and the call `f[args...]` after the arguments
/// were evaluated (as the attributes allow), it returns the result, or nil to leave the call unevaluated.
public typealias BuiltinImplementation = @Sendable (Kernel, Call) throws(Interrupt) -> Expr?

/// One call of a builtin: the whole expression and its arguments.
public struct Call {
    public let expr: Expr
    public let head: Symbol
    public let arguments: [Expr]

    public init(expr: Expr, head: Symbol, arguments: [Expr]) {
        self.expr = expr
        self.head = head
        self.arguments = arguments
    }

    public var count: Int { arguments.count }
    public subscript(_ index: Int) -> Expr { arguments[index] }
}

/// A shortcut of a builtin for calls with two arguments of the commonest kinds (`x + 1` on machine
/// numbers, `x = value`): called with the evaluated arguments before the evaluator builds any argument
/// array or the call's expression, when no rule of the head or of an argument could apply. nil means
/// "not my case", and then nothing may have happened: the call goes the full way (Orderless sorting,
/// the new expression, the implementation). It must give exactly what the implementation would.
public typealias DirectImplementation = @Sendable (Kernel, Expr, Expr) throws(Interrupt) -> Expr?

/// The same for calls with one argument (`Round[x]`, `-x`).
public typealias DirectUnaryImplementation = @Sendable (Kernel, Expr) throws(Interrupt) -> Expr?

/// The same for calls with three or more arguments (`Times[n, 1., 1/18]`), given the evaluated
/// arguments before any Flat flattening, Orderless sorting or new expression.
public typealias DirectListImplementation = @Sendable (Kernel, [Expr]) throws(Interrupt) -> Expr?

public struct BuiltinSpec: Sendable {
    public let name: String
    public let attributes: Attributes
    public let messages: [String: String]
    /// Default options as (name, value source text) pairs; parsed once when the kernel installs them.
    public let options: [(String, String)]
    public let implementation: BuiltinImplementation?
    /// The operator form `f[a...][x...]` (see `NativeFunction.curried`), if the builtin has one.
    public let curried: BuiltinImplementation?
    /// See `DirectImplementation`.
    public let direct: DirectImplementation?
    /// See `DirectListImplementation`.
    public let directList: DirectListImplementation?
    /// See `DirectUnaryImplementation`.
    public let directUnary: DirectUnaryImplementation?
    /// Set for a row that wraps the implementation already installed under its name (see
    /// `init(wrapping:_:)`); nil for a row that defines its name.
    public let wrapper: (@Sendable (@escaping BuiltinImplementation) -> BuiltinImplementation)?

    public init(_ name: String, attributes: Attributes = [.protected], messages: [String: String] = [:],
                options: [(String, String)] = [], curried: BuiltinImplementation? = nil,
                directUnary: DirectUnaryImplementation? = nil, direct: DirectImplementation? = nil,
                directList: DirectListImplementation? = nil, _ implementation: BuiltinImplementation? = nil) {
        self.name = name
        self.direct = direct
        self.directList = directList
        self.directUnary = directUnary
        self.attributes = attributes
        self.messages = messages
        self.options = options
        self.curried = curried
        self.implementation = implementation
        wrapper = nil
    }

    /// A row that wraps the builtin already installed as `name` (installed by an earlier family):
    /// `wrap` receives the installed implementation and returns the new one. Attributes, messages and
    /// options stay those of the wrapped row; its shortcuts are dropped, since they would bypass the wrapper.
    public init(wrapping name: String, _ wrap: @escaping @Sendable (@escaping BuiltinImplementation) -> BuiltinImplementation) {
        self.name = name
        attributes = []
        messages = [:]
        options = []
        curried = nil
        direct = nil
        directList = nil
        directUnary = nil
        implementation = nil
        wrapper = wrap
    }
}

/// A change of a builtin's implementation that a row declares for itself (`row.adapted(adapter)`), such
/// as "sparse arrays among the arguments are made normal first". The row keeps its name, attributes,
/// options and shortcuts; the adapter receives the row's name and its implementation.
public struct BuiltinAdapter: Sendable {
    public let wrap: @Sendable (_ name: String, _ original: @escaping BuiltinImplementation) -> BuiltinImplementation

    public init(_ wrap: @escaping @Sendable (_ name: String, _ original: @escaping BuiltinImplementation) -> BuiltinImplementation) {
        self.wrap = wrap
    }
}

extension BuiltinSpec {
    /// The same row with its implementation passed through `adapter` (a row without an implementation
    /// stays as it is).
    public func adapted(_ adapter: BuiltinAdapter) -> BuiltinSpec {
        guard let implementation else { return self }
        return replacingImplementation(adapter.wrap(name, implementation))
    }

    /// The same row with another implementation (a wrapper that prepares arguments for the
    /// original); the shortcuts, options and operator form stay.
    public func replacingImplementation(_ implementation: @escaping BuiltinImplementation) -> BuiltinSpec {
        BuiltinSpec(name, attributes: attributes, messages: messages, options: options, curried: curried,
                    directUnary: directUnary, direct: direct, directList: directList, implementation)
    }

    /// The same row with more messages (its own win where tags clash).
    public func addingMessages(_ more: [String: String]) -> BuiltinSpec {
        BuiltinSpec(name, attributes: attributes, messages: messages.merging(more) { own, _ in own },
                    options: options, curried: curried, directUnary: directUnary, direct: direct,
                    directList: directList, implementation)
    }
}

/// The box that `Symbol.native` holds.
public final class NativeFunction {
    public let implementation: BuiltinImplementation
    /// Called for `f[a...][x...]` when `f` has no SubValue for it: operator forms (`StringStartsQ["a"]["abc"]`)
    /// and the lookup `<|k -> v|>[k]`. It receives the whole call (`Call.expr`), `Call.head` = `f` and
    /// `Call.arguments` = the outer arguments `x...`, evaluated as `f[a...]` has no attributes; nil leaves
    /// the call unevaluated.
    public let curried: BuiltinImplementation?
    public let direct: DirectImplementation?
    public let directList: DirectListImplementation?
    public let directUnary: DirectUnaryImplementation?
    /// What a row installs (a row with only an operator form leaves plain calls unevaluated).
    init(implementation: @escaping BuiltinImplementation, curried: BuiltinImplementation?) {
        self.implementation = implementation
        self.curried = curried
        direct = nil
        directList = nil
        directUnary = nil
    }

    init(_ spec: BuiltinSpec) {
        implementation = spec.implementation ?? { _, _ in nil }
        curried = spec.curried
        direct = spec.direct
        directList = spec.directList
        directUnary = spec.directUnary
    }
}
