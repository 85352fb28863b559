// Installing builtin families into a kernel, once per name.
//
// A family is a named table of rows plus an optional set-up step (session variables such as `$Version`
// that are values, not functions). The kernel installs families in the order given; a name may be
// defined by one row only. A second row for a name is a `BuiltinRegistrationError`, unless it is a
// wrapping row (`BuiltinSpec(wrapping:)`), which needs the name to be installed already. This keeps
// install order from silently deciding which of two rows wins, as Lua's registration lists do.

import TesseraExpr

/// One builtin family: its rows and what it sets up after all families are installed.
public struct BuiltinFamily: Sendable {
    /// For messages about the registration ("Normal is defined by Structure and by Associations").
    public let name: String
    public let rows: [BuiltinSpec]
    /// Runs once all families of the kernel are installed (values of session symbols and the like).
    public let setUp: (@Sendable (Kernel) -> Void)?

    public init(_ name: String, _ rows: [BuiltinSpec], setUp: (@Sendable (Kernel) -> Void)? = nil) {
        self.name = name
        self.rows = rows
        self.setUp = setUp
    }
}

public enum BuiltinRegistrationError: Error, Equatable, CustomStringConvertible {
    /// `name` has a row in `family` and another in `again`, neither declared as a wrapper.
    case definedTwice(name: String, family: String, again: String)
    /// A wrapping row in `family` names a builtin that no earlier family installed.
    case wrapsNothing(name: String, family: String)

    public var description: String {
        switch self {
        case .definedTwice(let name, let family, let again):
            return "\(name) is defined by \(family) and again by \(again)"
        case .wrapsNothing(let name, let family):
            return "\(family) wraps \(name), which no earlier family defines"
        }
    }
}

extension Kernel {
    /// Installs families in order, then runs their set-up steps in the same order.
    public func install(_ families: [BuiltinFamily]) throws(BuiltinRegistrationError) {
        for family in families { try install(family) }
        for family in families { family.setUp?(self) }
        invalidateCaches()
    }

    /// The full names of the builtins installed so far, each with the family that defined it.
    public var installedBuiltins: [String: String] { builtinOwners }

    private func install(_ family: BuiltinFamily) throws(BuiltinRegistrationError) {
        for spec in family.rows {
            let symbol = symbols.intern(fullName: spec.name.contains("`") ? spec.name : "System`" + spec.name)
            if let wrap = spec.wrapper {
                guard builtinOwners[symbol.fullName] != nil else {
                    throw .wrapsNothing(name: spec.name, family: family.name)
                }
                let installed = symbol.native as? NativeFunction
                let original: BuiltinImplementation = installed?.implementation ?? { @Sendable _, _ in nil }
                symbol.setNative(NativeFunction(implementation: wrap(original), curried: installed?.curried))
                continue
            }
            if let owner = builtinOwners[symbol.fullName] {
                throw .definedTwice(name: spec.name, family: owner, again: family.name)
            }
            builtinOwners[symbol.fullName] = family.name
            symbol.setAttributes(spec.attributes)
            for (tag, text) in spec.messages { symbol.setMessage(tag, text) }
            if spec.implementation != nil || spec.curried != nil {
                symbol.setNative(NativeFunction(spec))
            }
            if !spec.options.isEmpty {
                symbol.setOptions(spec.options.compactMap { name, source in
                    guard let value = try? parser.parse(source).first else { return nil }
                    // Option names are System symbols, like the builtins they belong to.
                    let option = symbols.intern(fullName: name.contains("`") ? name : "System`" + name)
                    return Expr(sys.Rule, .symbol(option), value)
                })
            }
        }
    }
}
