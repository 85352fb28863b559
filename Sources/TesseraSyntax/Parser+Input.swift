// Support for interactive input: deciding whether what was typed so far is a whole input yet.

import TesseraExpr

extension Parser {
    /// True while the text cannot be complete as it stands: a bracket, string or comment is still open,
    /// or the text ends in an operator that needs an operand (`a +`, `f[x] :=`). A REPL keeps reading
    /// lines while this holds; any other syntax error is final and is reported at once.
    public static func needsMoreInput(_ source: String) -> Bool {
        do {
            // A throwaway table: this only asks whether the text parses, nothing may be interned for real.
            _ = try Parser(symbols: SymbolTable()).parse(source)
            return false
        } catch {
            return error.isIncomplete
        }
    }
}
