// Contexts as a kernel-level API: the current context, the context path, the search path for files
// and the list of loaded packages.
//
// Each of these is also a System` variable the user can read and assign (`$Context`, `$ContextPath`,
// `$Path`, `$Packages`). The variable's value is the one truth for `$Path` and `$Packages`; the two
// context settings are mirrored into the symbol table, which resolves names with them, and every
// change made here goes through `setVariable` so that the variable and the table never disagree.
// Builtins (Begin, BeginPackage, Needs) and the parallel layer (ParallelNeeds, DistributedContexts)
// use these properties rather than the variables, so that there is one door for each change.

import TesseraExpr

extension Kernel {
    /// `$Context`: where new symbols are created.
    public var currentContext: String {
        get { symbols.currentContext }
        set {
            symbols.currentContext = newValue
            setVariable(sys.DollarContext, .string(newValue))
        }
    }

    /// `$ContextPath`: the contexts searched, after `$Context`, for a name written without one.
    public var contextPath: [String] {
        get { symbols.contextPath }
        set {
            symbols.contextPath = newValue
            setVariable(sys.DollarContextPath, Expr(sys.List, newValue.map { .string($0) }))
        }
    }

    /// `$Path`: the directories `Get`, `Needs` and `FindFile` search, in order.
    public var searchPath: [String] {
        get { stringList(symbols.intern(fullName: "System`$Path")) }
        set { setVariable(symbols.intern(fullName: "System`$Path"), Expr(sys.List, newValue.map { .string($0) })) }
    }

    /// `$Packages`: the contexts of the packages loaded so far (BeginPackage adds to it; Needs reads it).
    public var loadedPackages: [String] {
        get { stringList(symbols.intern(fullName: "System`$Packages")) }
        set { setVariable(symbols.intern(fullName: "System`$Packages"), Expr(sys.List, newValue.map { .string($0) })) }
    }

    /// Every context that has a symbol, with the contexts that enclose it (`A`B`` implies `A``),
    /// and those of `$Context` and `$ContextPath`, in the order of their names.
    public var allContexts: [String] {
        var found = Set([currentContext] + contextPath)
        for symbol in symbols.allSymbols {
            var context = Substring(symbol.context)
            while !context.isEmpty, found.insert(String(context)).inserted {
                context = context.dropLast()
                guard let mark = context.lastIndex(of: "`") else { break }
                context = context[...mark]
            }
        }
        return found.sorted()
    }

    /// A context name as the user wrote it, made absolute: `` `Private` `` is `$Context<>"Private`"`.
    public func absoluteContext(_ name: String) -> String {
        name.hasPrefix("`") ? currentContext + name.dropFirst() : name
    }

    /// Assigns a System` variable the way `Set` does (bumping its version and the epoch), without the
    /// special handling `Set` gives `$Context` and `$ContextPath` (the callers above do that part).
    private func setVariable(_ symbol: Symbol, _ value: Expr) {
        symbol.setOwnValue(value)
    }

    private func stringList(_ symbol: Symbol) -> [String] {
        guard let value = symbol.ownValue, value.isList(sys) else { return [] }
        return value.arguments.compactMap { $0.asString }
    }
}
