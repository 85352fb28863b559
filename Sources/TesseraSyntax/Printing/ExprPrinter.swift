// The expression printer: one-line text forms of an `Expr`.
//
// Design. Printing is split in two steps so that no Swift recursion follows the depth of the
// expression (a 10^5-deep `f[f[...]]` must print on an 8 MB stack, and on the 512 KB stacks of
// worker threads):
//
// 1. *Layout* (the `layout...` functions in the other files of this directory) looks at one node only
//    and describes it as a short list of `Piece`s: literal text and child expressions, each child with
//    the precedence it needs in order to stand without parentheses (`required`). A layout also reports
//    the precedence of the text it produces, taken from the parser's `OperatorTable`, so that printing
//    and parsing agree on binding strength.
// 2. *The driver* (`write`) keeps an explicit stack of pieces. Popping a child runs its layout; when the
//    child's precedence is lower than what its parent required, the child's pieces are wrapped in
//    parentheses. Atoms are appended straight to one `String`, so the cost is linear in the output.
//
// Forms. `TextForm` names the four renderings the kernel needs; the rules were taken from what
// `wolframscript` prints (see `TextForm`). A form can change inside an expression: `FullForm[e]` printed
// as a result shows `e` in InputForm, and the wrappers are invisible in OutputForm (`ToString`).

import TesseraExpr

/// Which text rendering to produce.
public enum TextForm: Sendable {
    /// `InputForm`: text that reads back as the same expression. Strings are quoted and escaped,
    /// machine reals show the shortest digits that read back (`0.1`, `1.*^20`), products use `*`.
    /// This is `ToString[e, InputForm]`.
    case input
    /// The text `wolframscript -code` (and the REPL) prints for a result: InputForm's operators and
    /// numbers, but strings without quotes, `Span`, `StringExpression` and `MessageName` in functional
    /// form and `ByteArray[<n>]`. `FullForm[e]` and `InputForm[e]` wrappers print literally around `e`.
    case output
    /// `FullForm`: every normal expression as `head[args]`, reals with a precision mark (`1.5``).
    case full
    /// `OutputForm` on one line, as `Print` and `ToString[e]` show it: strings without quotes, machine
    /// reals to 6 significant digits (`3.14159`), products separated by a space (`2 x`), large and small
    /// reals as `1.5*10^20` (Mathematica draws the exponent as a superscript; one line cannot).
    /// Formatting wrappers (`FullForm`, `InputForm`, `HoldForm`, `OutputForm`) are invisible.
    case outputForm
}

/// Prints expressions as text. Holds a reference to the kernel's symbol table only to choose the
/// shortest name of each symbol (`symbols.displayName`), so it is as cheap to create as to keep.
public struct ExprPrinter {
    let symbols: SymbolTable
    let sys: SystemSymbols

    public init(symbols: SymbolTable) {
        self.symbols = symbols
        self.sys = symbols.system
    }

    /// The text of `e` in `form`.
    public func text(_ e: Expr, form: TextForm) -> String {
        var out = String()
        write(e, form: form, into: &out)
        return out
    }

    /// Appends the InputForm text of a machine real (`0.1`, `1.`, `1.*^-20`), as `write` would, without
    /// the expression machinery: for writers of millions of numbers (Export of a CSV file).
    public static func writeInputForm(_ value: Double, into out: inout String) {
        RealFormatting.writeInputForm(value, into: &out)
    }

    /// Appends the text of `e` in `form` to `out`.
    public func write(_ e: Expr, form: TextForm, into out: inout String) {
        var form = form
        var stack: [Piece] = [.expr(e, required: 0, isHead: false)]
        // One layout buffer for the whole run: its capacity is reused by every node.
        var layout = Layout()
        while let piece = stack.popLast() {
            switch piece {
            case .text(let s):
                out += s
            case .form(let f):
                form = f
            case .expr(let child, let required, let isHead):
                if writeAtom(child, form: form, isHead: isHead, required: required, into: &out) { continue }
                layout.reset()
                layoutNode(child, form: form, isHead: isHead, required: required, into: &layout)
                let parenthesise = layout.precedence < required
                if parenthesise { stack.append(.text(")")) }
                stack.append(contentsOf: layout.pieces.reversed())
                if parenthesise { stack.append(.text("(")) }
            }
        }
    }
}

// MARK: - Pieces and layouts

/// One item of the driver's work stack.
enum Piece {
    /// Literal text.
    case text(String)
    /// A subexpression, parenthesised when its precedence is below `required`. `isHead` marks the head
    /// of a call (a string head keeps its quotes even where strings print bare).
    case expr(Expr, required: Int, isHead: Bool)
    /// Switch the form for the pieces that follow (used around the contents of form wrappers).
    case form(TextForm)
}

/// What a layout function produces for one node.
struct Layout {
    /// Precedence of the whole text, as an operand of an enclosing operator.
    var precedence = Precedence.atom
    var pieces: [Piece] = []

    mutating func reset() {
        precedence = Precedence.atom
        pieces.removeAll(keepingCapacity: true)
    }

    mutating func text(_ s: String) { pieces.append(.text(s)) }

    mutating func child(_ e: Expr, _ required: Int, isHead: Bool = false) {
        pieces.append(.expr(e, required: required, isHead: isHead))
    }
}

/// Precedences the printer needs beyond the operator rows (those come from `OperatorTable`).
enum Precedence {
    /// Atoms, lists, associations: never parenthesised.
    static let atom = 1000
    /// A call `f[x]` or part `e[[i]]`: below `?` and `::`, so that `(f[x])?test` reads back.
    static let call = OperatorTable.callPrecedence
    /// A product or quotient printed with `*` or `/`.
    static let times = OperatorTable.implicitTimesPrecedence
    /// A leading minus: `-x`, `-2`, `-1.5`.
    static let minus = OperatorTable.prefix(forHead: "Minus")!.printingPrecedence
    /// A quotient with a single factor above the bar (`x/y`, `I/2`, `1/(2*x)`), written with `/`. One with
    /// several factors above it, `(2*x)/y`, stays a product (`times`): Mathematica prints `I/2*Pi` but
    /// `((2*I)/3)*Pi`.
    static let divide = OperatorTable.infix(forHead: "Divide")!.printingPrecedence
    /// A sum.
    static let plus = OperatorTable.infix(forHead: "Plus")!.printingPrecedence
    /// `x^y`.
    static let power = OperatorTable.infix(forHead: "Power")!.printingPrecedence
}
