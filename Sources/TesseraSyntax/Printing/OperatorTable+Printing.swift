// What the printer reads from the parser's operator table beyond its rows.
//
// The table stores each operator's *parsing* strength. For a handful of rows that number was moved away
// from Mathematica's `Precedence[]` so that the parser binds the way Mathematica's parser really does
// (the table's file note lists them: `&&` above `||`, `===` below `==`, the compositions above `@`,
// `x++` above `++x`). InputForm, however, parenthesises by `Precedence[]`: it prints
// `(a && b) || c` although `a && b || c` would read back the same. These rows therefore carry their
// `Precedence[]` number here, as the table's own comments give it.
//
// TODO(parser): move these numbers into the table (a `printPrecedence` column), then delete this file.

extension OperatorEntry {
    /// Mathematica's `Precedence[]` of this operator: the number InputForm parenthesises by.
    var printingPrecedence: Int { PrintingPrecedence.documented[head] ?? precedence }
}

private enum PrintingPrecedence {
    /// `Precedence[]` for the rows whose parsing precedence differs from it.
    static let documented: [String: Int] = [
        "And": 215, "Nand": 215, "Xor": 215, "Xnor": 215,
        "SameQ": 290, "UnsameQ": 290,
        "RightComposition": 624, "Composition": 625,
        "Increment": 660, "Decrement": 660,
    ]
}
