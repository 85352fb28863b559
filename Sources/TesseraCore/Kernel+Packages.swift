// Loading source files: FindFile, Get and Needs as a kernel-level API.
//
// A name is found as Mathematica finds it: a context `A`B`` stands for the file `A/B.wl` (or `.m`, or
// the directory `A/B` with `Kernel/init.wl` or `init.wl`), searched in each directory of `$Path`; any
// other name is a file name, taken as it is when absolute and else searched along `$Path`. A file is
// read one expression at a time (see `ExpressionReader`), each evaluated before the next is parsed,
// with `$InputFileName` set to it. A syntax error stops the load after what came before it was
// evaluated, is reported with its line, and puts `$Context` and `$ContextPath` back as they were
// when the load began (a package cut off in its private part would otherwise leave the session in it).

import TesseraExpr
import TesseraSyntax

extension Kernel {
    /// The absolute path of the file `Get[name]` reads, or nil when there is none.
    public func findFile(_ name: String) -> String? {
        guard !name.isEmpty else { return nil }
        let candidates: [String]
        if name.hasSuffix("`") {
            let stem = name.dropLast().split(separator: "`", omittingEmptySubsequences: false).joined(separator: "/")
            candidates = [".wl", "/Kernel/init.wl", "/init.wl", ".m", "/Kernel/init.m", "/init.m"].map { stem + $0 }
        } else {
            candidates = [name]
        }
        let absolute = name.hasPrefix("/")
        for directory in absolute ? [""] : searchPath {
            for candidate in candidates {
                let path = directory.isEmpty ? candidate : directory + "/" + candidate
                switch FileKind.at(path) {
                case .file:
                    return absolutePath(path)
                case .directory where !name.hasSuffix("`"):
                    for initFile in ["/Kernel/init.wl", "/init.wl", "/Kernel/init.m", "/init.m"]
                    where FileKind.at(path + initFile) == .file {
                        return absolutePath(path + initFile)
                    }
                default:
                    continue
                }
            }
        }
        return nil
    }

    /// `Get[name]`: evaluates the file's expressions in order and returns the last value; `$Failed`
    /// (with `Get::noopen`, or the syntax message) when the file cannot be found or read in full.
    public func get(_ name: String) throws(Interrupt) -> Expr {
        let getSymbol = symbols.intern(fullName: "System`Get")
        // A context the kernel provides itself (listed in $Packages from the start, such as
        // Parallel`Debug`) has no file: getting it puts it on $ContextPath.
        if name.hasSuffix("`"), loadedPackages.contains(name), findFile(name) == nil {
            if !contextPath.contains(name) { contextPath.insert(name, at: 0) }
            return .symbol(sys.Null)
        }
        guard let path = findFile(name), let source = readTextFile(path) else {
            message(getSymbol, "noopen", .string(name))
            return .symbol(sys.DollarFailed)
        }
        let inputFileName = symbols.intern(fullName: "System`$InputFileName")
        let outerInput = inputFileName.ownValue
        inputFileName.setOwnValue(.string(path))
        defer { inputFileName.setOwnValue(outerInput) }
        let context = currentContext, path0 = contextPath
        var reader = ExpressionReader(parser: parser, source: source)
        var last: Expr = .symbol(sys.Null)
        while true {
            let input: Expr?
            do {
                input = try reader.next()
            } catch {
                reportSyntaxError(error, in: path, line: reader.line(ofOffset: error.offset))
                currentContext = context
                contextPath = path0
                return .symbol(sys.DollarFailed)
            }
            guard let input else { return last }
            last = try evaluate(input)
        }
    }

    /// `Needs[context]`: loads the package (from `file`, else the file of its name) unless it is among
    /// `$Packages` already, and puts the context on `$ContextPath`. `$Failed`, with `Needs::nocont`,
    /// when loading did not create the context.
    @discardableResult
    public func needs(_ context: String, file: String? = nil) throws(Interrupt) -> Expr {
        if !loadedPackages.contains(context) {
            _ = try get(file ?? context)
            guard loadedPackages.contains(context) || allContexts.contains(context) else {
                message(symbols.intern(fullName: "System`Needs"), "nocont", .string(context))
                return .symbol(sys.DollarFailed)
            }
        }
        if !contextPath.contains(context) { contextPath.insert(context, at: 0) }
        return .symbol(sys.Null)
    }
}
