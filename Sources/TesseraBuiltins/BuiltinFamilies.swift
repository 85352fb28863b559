// The one hand-written list of builtin families. Nothing is discovered at run time: a family is
// part of the kernel because it is named here.

import TesseraCore
import TesseraExpr

public enum BuiltinFamilies {
    public static let tables: [[BuiltinSpec]] = [
        ControlBuiltins.table,
        ScopingBuiltins.table,
        AssignmentBuiltins.table,
        PatternBuiltins.table,
        SymbolStateBuiltins.table,
        SessionBuiltins.table,
    ]

    /// A kernel with every builtin installed and the session variables set.
    public static func makeKernel(write: @escaping (String) -> Void = { _ in }) -> Kernel {
        let kernel = Kernel(builtins: tables, write: write)
        SessionBuiltins.setUp(kernel)
        return kernel
    }
}
