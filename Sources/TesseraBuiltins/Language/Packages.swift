// Packages: Get (<<), Needs, FindFile, DeclarePackage, Contexts, and the variables $Path, $Packages
// and $InputFileName. The work is done by the kernel (`Kernel+Packages.swift`), where the parallel
// layer reaches it too; these rows only check arguments.

import TesseraCore
import TesseraExpr

enum PackageBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Get", get),
        BuiltinSpec("Needs", messages: ["nocont": "Context `1` was not created when Needs was evaluated."], needs),
        BuiltinSpec("FindFile", findFile),
        BuiltinSpec("DeclarePackage", declarePackage),
        BuiltinSpec("Contexts", contexts),
        BuiltinSpec("$Path", attributes: []),
        BuiltinSpec("$Packages", attributes: [.protected]),
        BuiltinSpec("$InputFileName", attributes: []),
        BuiltinSpec(stubLoader, attributes: [.protected], loadDeclaredPackage),
    ]

    /// The function a symbol made by DeclarePackage evaluates to until its package is loaded.
    static let stubLoader = "Tessera`LoadDeclaredPackage"

    /// `$Path` starts with the working directory (a script's directory is put before it by the
    /// command line); `$Packages` with the contexts every session has.
    static func setUp(_ k: Kernel) {
        k.searchPath = ["."]
        k.loadedPackages = ["Global`", "System`"]
        k.symbols.intern(fullName: "System`$InputFileName").setOwnValue(.string(""))
    }

    static func get(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1, case .string(let name) = c[0] else { return nil }
        return try k.get(name)
    }

    static func needs(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1 || c.count == 2, case .string(let context) = c[0], context.hasSuffix("`") else { return nil }
        if c.count == 2 {
            guard case .string(let file) = c[1] else { return nil }
            return try k.needs(context, file: file)
        }
        return try k.needs(context)
    }

    static func findFile(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1, case .string(let name) = c[0] else { return nil }
        return k.findFile(name).map { .string($0) } ?? .symbol(k.sys.DollarFailed)
    }

    /// `DeclarePackage["P`", {"f", ...}]`: creates `P`f` with the Stub attribute, whose value loads the
    /// package the first time it is evaluated, and puts `P`` on `$ContextPath`.
    static func declarePackage(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2, case .string(let context) = c[0], context.hasSuffix("`") else { return nil }
        let names = c[1].isList(k.sys) ? c[1].arguments : [c[1]]
        guard names.allSatisfy({ $0.asString != nil }) else { return nil }
        let loader = k.symbols.intern(fullName: stubLoader)
        for case .string(let name) in names {
            let symbol = k.symbols.intern(fullName: context + name)
            guard symbol.ownValue == nil, !symbol.hasDownValues else { continue }
            symbol.setAttributes(symbol.attributes.union(.stub))
            symbol.setOwnValue(Expr(loader, .string(context), .string(name)), delayed: true)
        }
        if !k.contextPath.contains(context) { k.contextPath.insert(context, at: 0) }
        k.invalidateCaches()
        return .string(context)
    }

    /// The value of a declared symbol: drops every stub of the context, loads its package, and gives
    /// the symbol back to be evaluated again with the package's definitions.
    static func loadDeclaredPackage(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2, case .string(let context) = c[0], case .string(let name) = c[1] else { return nil }
        for symbol in k.symbols.symbols(inContext: context) where symbol.attributes.contains(.stub) {
            symbol.setAttributes(symbol.attributes.subtracting(.stub))
            symbol.setOwnValue(nil)
        }
        k.invalidateCaches()
        try k.needs(context)
        return .symbol(k.symbols.intern(fullName: context + name))
    }

    static func contexts(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count <= 1 else { return nil }
        var found = k.allContexts
        if c.count == 1 {
            guard case .string(let pattern) = c[0] else { return nil }
            let absolute = Array(k.absoluteContext(pattern))
            found = found.filter { SymbolStateBuiltins.globMatch(absolute, Array($0), acrossContexts: true) }
        }
        return Expr(k.sys.List, found.map { .string($0) })
    }
}
