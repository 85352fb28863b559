// The operator table: every Wolfram Language operator the parser knows, one row each.
//
// The parser is a Pratt parser: it reads an operand, then keeps extending it with any operator whose
// precedence is at least the minimum its caller allows. Everything it needs to know about an operator
// is in a row here, and the output formatter reads the same rows (by head name) to decide where
// parentheses go, so parsing and printing can never disagree about binding strength.
//
// Precedences are Mathematica's `Precedence[]` numbers. Where the real parser binds differently from
// what `Precedence[]` reports (documented by Wolfram's CodeParser as "empirical observations"), the row
// uses an adjusted number between its neighbours and says so: `&&` above `||`, `===` below `==`, the
// compositions above `@`, `x++` above `++x`, and calls below `?`.
//
// Each row also gives `printPrecedence` (the number `Precedence[]` reports, by which InputForm places
// parentheses; it differs only in the adjusted rows) and `isPrinted` (false for input-only syntax such as
// `√x` and `m\[Transpose]`, which Mathematica prints as `Sqrt[x]` and `Transpose[m]`).
//
// Spellings are the text after the scanner has decoded it: a named character such as `\[Rule]` or
// `→` arrives as the same token text as `->`, so one row per meaning is enough; extra spellings go in
// `aliases`.

/// Where an operator stands relative to its operands.
public enum Fixity: Sendable, Equatable {
    /// `op x`
    case prefix
    /// `x op y`: one binary node per operator.
    case infix
    /// `x op`
    case postfix
    /// `x op y op z`: one flat node for the whole chain (`Plus[x, y, z]`).
    case nary
}

/// Which way a chain of equal-precedence infix operators nests.
public enum Grouping: Sendable, Equatable {
    /// `a op b op c` is `(a op b) op c`.
    case left
    /// `a op b op c` is `a op (b op c)`.
    case right
    /// Neither: the operator either builds one flat node or cannot be chained.
    case none
}

/// How a row's operands become an expression, for operators whose FullForm is not simply `head[operands]`.
public enum OperatorForm: Sendable, Equatable {
    /// `head[x]`, `head[x, y]` or, for n-ary rows, `head[x, y, z, ...]`.
    case plain
    /// `a - b`: `Plus[a, Times[-1, b]]`, joining the surrounding `+` chain.
    case subtract
    /// `a / b`: `Times[a, Power[b, -1]]`.
    case divide
    /// `-a`: `Times[-1, a]` (a number literal is negated in place instead).
    case negate
    /// `!!a` read as a prefix: `Not[Not[a]]`.
    case doubleNot
    /// `a == b < c`: one `Equal`/`Less`... node for a uniform chain, `Inequality[...]` for a mixed one.
    case comparison
    /// `x // f` and `f @ x`: the call `f[x]`.
    case application
    /// `a; b`: operands may be empty (read as `Null`).
    case compound
    /// `f /: lhs = rhs`: a ternary assignment.
    case tagAssignment
    /// `a ~f~ b`: the call `f[a, b]`.
    case tildeApplication
    /// `x:p` (Pattern) when `x` is a symbol, `p:d` (Optional) when `p` is a pattern.
    case colon
    /// `a ;; b ;; c`: operands may be omitted.
    case span
    /// `f'`: counted primes build `Derivative[n][f]`.
    case derivative
    /// `f::tag`: the right side is a name read as a string.
    case messageName
    /// `<<file`, `x >> file`: the file name is read as a string token.
    case fileName
}

/// One row of the table.
public struct OperatorEntry: Sendable, Equatable {
    /// The canonical spelling (what the formatter prints), e.g. `"->"`.
    public let token: String
    /// Name of the head symbol the operator builds, without context, e.g. `"Rule"`.
    public let head: String
    /// Mathematica's precedence number, adjusted where the parser binds differently (see the file note).
    public let precedence: Int
    /// Mathematica's `Precedence[]` number, which InputForm parenthesises by; it differs from
    /// `precedence` only in the adjusted rows (`a && b || c` prints as `(a && b) || c`).
    public let printPrecedence: Int
    public let fixity: Fixity
    public let grouping: Grouping
    public let form: OperatorForm
    /// Other spellings of the same operator (Unicode characters, decoded named characters).
    public let aliases: [String]
    /// False for operators that are read but never written: InputForm and OutputForm show
    /// `Sqrt[x]`, not `√x`, so the by-head lookups do not offer these rows.
    public let isPrinted: Bool

    init(_ token: String, _ head: String, _ precedence: Int, _ fixity: Fixity, _ grouping: Grouping,
         _ form: OperatorForm = .plain, aliases: [String] = [], printed printPrecedence: Int? = nil,
         isPrinted: Bool = true) {
        self.token = token
        self.head = head
        self.precedence = precedence
        self.printPrecedence = printPrecedence ?? precedence
        self.fixity = fixity
        self.grouping = grouping
        self.form = form
        self.aliases = aliases
        self.isPrinted = isPrinted
    }
}

public enum OperatorTable {
    /// Precedence of function application `f[x]` and `e[[i]]` (`Precedence[]` reports 1000, but `a?b[c]`
    /// is `PatternTest[a, b][c]`: a call binds less tightly than `?`).
    public static let callPrecedence = 670
    /// Precedence of implicit multiplication (`2 x`), the same as `*`.
    public static let implicitTimesPrecedence = 400

    /// Every operator, in increasing precedence. One row per meaning; spelling variants are aliases.
    public static let rows: [OperatorEntry] = [
        // token   head                   prec   fixity    grouping  form
        .init(";", "CompoundExpression", 10, .nary, .none, .compound),          // a; b; c  (a trailing ; gives Null)
        .init(">>", "Put", 30, .infix, .none, .fileName),                       // x >> file
        .init(">>>", "PutAppend", 30, .infix, .none, .fileName),                // x >>> file
        .init("=", "Set", 40, .infix, .right),                                  // x = v
        .init(":=", "SetDelayed", 40, .infix, .right),                          // f[x_] := body
        .init("^=", "UpSet", 40, .infix, .right),                               // g[f] ^= v
        .init("^:=", "UpSetDelayed", 40, .infix, .right),                       // g[f] ^:= v
        .init("=.", "Unset", 40, .postfix, .none),                              // x =.
        // f /: lhs = rhs (TagSetDelayed with :=, TagUnset with =.)
        .init("/:", "TagSet", 40, .infix, .right, .tagAssignment),
        .init("|->", "Function", 40, .infix, .right,                            // x |-> body, x \[Function] body
              aliases: ["\u{F4A1}", "\u{21A6}"]),
        .init("\u{2235}", "Because", 50, .infix, .none),                        // a ∵ b
        .init("\u{2234}", "Therefore", 50, .infix, .right),                     // a ∴ b
        .init("//", "Postfix", 70, .infix, .left, .application),                // x // f  -> f[x]
        .init("//=", "ApplyTo", 75, .infix, .right),                            // x //= f  -> x = f[x]
        .init("\u{2236}", "Colon", 80, .infix, .none),                          // a ∶ b  (\[Colon])
        .init("&", "Function", 90, .postfix, .none),                            // body &
        .init("+=", "AddTo", 100, .infix, .right),                              // x += d
        .init("-=", "SubtractFrom", 100, .infix, .right),                       // x -= d
        .init("*=", "TimesBy", 100, .infix, .right),                            // x *= d
        .init("/=", "DivideBy", 100, .infix, .right),                           // x /= d
        .init("/.", "ReplaceAll", 110, .infix, .left),                          // e /. rules
        .init("//.", "ReplaceRepeated", 110, .infix, .left),                    // e //. rules
        .init("->", "Rule", 120, .infix, .right,                                // a -> b, a → b, a \[Rule] b
              aliases: ["\u{F522}", "\u{2192}"]),
        .init(":>", "RuleDelayed", 120, .infix, .right,                         // a :> b, a \[RuleDelayed] b
              aliases: ["\u{F51F}", "\u{29F4}"]),
        .init("<->", "TwoWayRule", 125, .infix, .right,                         // a <-> b
              aliases: ["\u{F120}"]),
        .init("/;", "Condition", 130, .infix, .left),                           // patt /; test
        .init("~~", "StringExpression", 135, .nary, .none),                     // "a" ~~ x_ ~~ "b"
        .init(":", "Optional", 140, .infix, .none, .colon),                     // x_:d  (p:d with p a pattern)
        .init(":", "Pattern", 150, .infix, .none, .colon),                      // x:p  (x a symbol)
        .init("|", "Alternatives", 160, .nary, .none),                          // a | b | c
        .init("..", "Repeated", 170, .postfix, .none),                          // p..
        .init("...", "RepeatedNull", 170, .postfix, .none),                     // p...
        .init("\u{F523}", "Implies", 200, .infix, .right,                       // a \[Implies] b
              aliases: ["\u{21D2}", "\u{27F9}"]),
        .init("\u{29E6}", "Equivalent", 205, .nary, .none),                     // a ⧦ b
        .init("||", "Or", 215, .nary, .none, aliases: ["\u{2228}"]),            // a || b, a ∨ b
        .init("\u{22BD}", "Nor", 215, .nary, .none),                            // a ⊽ b
        // a ⊻ b  (Precedence[] says 215; binds between || and &&)
        .init("\u{22BB}", "Xor", 216, .nary, .none, printed: 215),
        .init("\u{F4A2}", "Xnor", 216, .nary, .none, printed: 215),             // a \[Xnor] b
        // a && b, a ∧ b  (Precedence[] says 215; binds tighter than ||)
        .init("&&", "And", 217, .nary, .none, aliases: ["\u{2227}"], printed: 215),
        .init("\u{22BC}", "Nand", 217, .nary, .none, printed: 215),             // a ⊼ b
        .init("!", "Not", 230, .prefix, .none, aliases: ["\u{00AC}"]),          // !a, ¬a
        .init("!!", "Not", 230, .prefix, .none, .doubleNot),                    // !!a -> Not[Not[a]]
        .init("\u{2208}", "Element", 250, .infix, .none),                       // x ∈ dom
        .init("\u{2209}", "NotElement", 250, .infix, .none),                    // x ∉ dom
        .init("\u{2282}", "Subset", 250, .infix, .none),                        // a ⊂ b
        .init("\u{2283}", "Superset", 250, .infix, .none),                      // a ⊃ b
        .init("\u{2286}", "SubsetEqual", 250, .infix, .none),                   // a ⊆ b
        .init("\u{2287}", "SupersetEqual", 250, .infix, .none),                 // a ⊇ b
        // a === b  (Precedence[] says 290; binds below ==)
        .init("===", "SameQ", 260, .nary, .none, printed: 290),
        .init("=!=", "UnsameQ", 260, .nary, .none, printed: 290),               // a =!= b
        .init("==", "Equal", 290, .nary, .none, .comparison,                    // a == b == c
              aliases: ["\u{F431}", "\u{F7D9}"]),
        .init("!=", "Unequal", 290, .nary, .none, .comparison,                  // a != b, a ≠ b
              aliases: ["\u{2260}"]),
        .init("<", "Less", 290, .nary, .none, .comparison),                     // a < b < c
        .init(">", "Greater", 290, .nary, .none, .comparison),                  // a > b
        .init("<=", "LessEqual", 290, .nary, .none, .comparison,                // a <= b, a ≤ b
              aliases: ["\u{2264}"]),
        .init(">=", "GreaterEqual", 290, .nary, .none, .comparison,             // a >= b, a ≥ b
              aliases: ["\u{2265}"]),
        .init("\u{F3D5}", "DirectedEdge", 295, .infix, .right),                 // a \[DirectedEdge] b
        .init("\u{F3D4}", "UndirectedEdge", 295, .infix, .right),               // a \[UndirectedEdge] b
        .init(";;", "Span", 305, .infix, .none, .span),                         // a ;; b ;; c, ;; alone is Span[1, All]
        .init("+", "Plus", 310, .nary, .none),                                  // a + b + c
        .init("-", "Subtract", 310, .nary, .none, .subtract,                    // a - b -> Plus[a, Times[-1, b]]
              aliases: ["\u{2212}"]),
        .init("\u{00B1}", "PlusMinus", 310, .infix, .left),                     // a ± b
        .init("\u{2213}", "MinusPlus", 310, .infix, .left),                     // a ∓ b
        .init("\u{2295}", "CirclePlus", 330, .nary, .none),                     // a ⊕ b
        .init("\u{2296}", "CircleMinus", 330, .infix, .left),                   // a ⊖ b  (not flat)
        .init("\u{2323}", "Cup", 340, .nary, .none),                            // a ⌣ b
        .init("\u{2322}", "Cap", 350, .nary, .none),                            // a ⌢ b
        .init("\u{22C6}", "Star", 390, .nary, .none),                           // a ⋆ b
        .init("*", "Times", 400, .nary, .none, aliases: ["\u{00D7}"]),          // a * b, a × b, a b
        .init("\u{00B7}", "CenterDot", 410, .nary, .none),                      // a · b
        .init("\u{2297}", "CircleTimes", 420, .nary, .none),                    // a ⊗ b
        // a \[TensorProduct] b  (Precedence[] says 495)
        .init("\u{F3DA}", "TensorProduct", 424, .nary, .none, printed: 495),
        .init("\u{22C1}", "Vee", 430, .nary, .none),                            // a ⋁ b
        .init("\u{22C0}", "Wedge", 440, .nary, .none),                          // a ⋀ b
        .init("\u{22C4}", "Diamond", 450, .nary, .none),                        // a ⋄ b
        .init("\u{2216}", "Backslash", 460, .nary, .none),                      // a ∖ b
        .init("/", "Divide", 470, .infix, .left, .divide,                       // a / b -> Times[a, Power[b, -1]]
              aliases: ["\u{00F7}"]),
        .init("-", "Minus", 480, .prefix, .none, .negate,                       // -a -> Times[-1, a]
              aliases: ["\u{2212}"]),
        .init("+", "Plus", 480, .prefix, .none),                                // +a -> Plus[a]
        .init("\u{00B1}", "PlusMinus", 480, .prefix, .none),                    // ±a
        .init("\u{2213}", "MinusPlus", 480, .prefix, .none),                    // ∓a
        .init(".", "Dot", 490, .nary, .none),                                   // a . b . c
        .init("\u{F4A0}", "Cross", 500, .nary, .none),                          // a \[Cross] b
        .init("**", "NonCommutativeMultiply", 510, .nary, .none),               // a ** b
        .init("\u{2299}", "CircleDot", 520, .nary, .none),                      // a ⊙ b
        .init("\u{2218}", "SmallCircle", 530, .nary, .none),                    // a ∘ b
        .init("\u{F520}", "Square", 540, .prefix, .none, isPrinted: false),     // \[Square] a
        .init("\u{2207}", "Del", 550, .prefix, .none, isPrinted: false),        // ∇ a
        // √x  (binds below ^: √x^2 is Sqrt[x^2])
        .init("\u{221A}", "Sqrt", 575, .prefix, .none, isPrinted: false),
        .init("\u{221B}", "CubeRoot", 575, .prefix, .none, isPrinted: false),   // ∛x
        .init("^", "Power", 590, .infix, .right),                               // a ^ b ^ c -> a ^ (b ^ c)
        .init("<>", "StringJoin", 600, .nary, .none),                           // "a" <> "b"
        .init("'", "Derivative", 605, .postfix, .none, .derivative, printed: 670),  // f' -> Derivative[1][f]
        .init("\u{F3C7}", "Transpose", 607, .postfix, .none, isPrinted: false),  // m \[Transpose]
        .init("\u{F3C8}", "Conjugate", 607, .postfix, .none, isPrinted: false),  // z \[Conjugate]
        .init("\u{F3C9}", "ConjugateTranspose", 607, .postfix, .none,           // m \[ConjugateTranspose]
              aliases: ["\u{F3CE}"], isPrinted: false),
        .init("!", "Factorial", 610, .postfix, .none),                          // n!
        .init("!!", "Factorial2", 610, .postfix, .none),                        // n!!
        .init("/@", "Map", 620, .infix, .right),                                // f /@ list
        .init("//@", "MapAll", 620, .infix, .right),                            // f //@ e
        .init("@@", "Apply", 620, .infix, .right),                              // f @@ e
        // f @@@ e  (Apply[f, e, {1}] before 13.1)
        .init("@@@", "MapApply", 620, .infix, .right),
        .init("~", "Infix", 630, .infix, .left, .tildeApplication),             // a ~f~ b -> f[a, b]
        .init("@", "Prefix", 640, .infix, .right, .application),                // f @ x -> f[x]
        .init("/*", "RightComposition", 641, .nary, .none, printed: 624),       // f /* g  (Precedence[] says 624)
        .init("@*", "Composition", 642, .nary, .none, printed: 625),            // f @* g  (Precedence[] says 625)
        .init("++", "PreIncrement", 660, .prefix, .none),                       // ++x
        .init("--", "PreDecrement", 660, .prefix, .none),                       // --x
        .init("++", "Increment", 665, .postfix, .none, printed: 660),           // x++  (binds tighter than ++x)
        .init("--", "Decrement", 665, .postfix, .none, printed: 660),           // x--
        .init("?", "PatternTest", 680, .infix, .none),                          // p ? test
        .init("<<", "Get", 720, .prefix, .none, .fileName),                     // <<file
        .init("::", "MessageName", 750, .infix, .left, .messageName),           // f::tag, f::tag::lang
    ]

    // MARK: Lookups

    private static func index(_ fixities: [Fixity]) -> [String: OperatorEntry] {
        var result: [String: OperatorEntry] = [:]
        for row in rows where fixities.contains(row.fixity) {
            // The first row for a spelling wins: ":" is Optional or Pattern, decided by the parser.
            if result[row.token] == nil { result[row.token] = row }
            for alias in row.aliases where result[alias] == nil { result[alias] = row }
        }
        return result
    }

    private static func headIndex(_ fixities: [Fixity]) -> [String: OperatorEntry] {
        var result: [String: OperatorEntry] = [:]
        for row in rows where fixities.contains(row.fixity) && row.form != .doubleNot && row.isPrinted {
            if result[row.head] == nil || row.form == .plain { result[row.head] = row }
        }
        return result
    }

    private static let infixByToken = index([.infix, .nary])
    private static let prefixByToken = index([.prefix])
    private static let postfixByToken = index([.postfix])
    private static let infixByHead = headIndex([.infix, .nary])
    private static let prefixByHead = headIndex([.prefix])
    private static let postfixByHead = headIndex([.postfix])
    /// Every spelling the scanner must recognise as one operator token.
    static let spellings: Set<String> = Set(rows.flatMap { [$0.token] + $0.aliases })
    /// The non-ASCII characters that are operators by themselves (`→`, `≤`, `\[Rule]`).
    static let operatorScalars: Set<UInt32> = Set(spellings.compactMap { spelling in
        let scalars = spelling.unicodeScalars
        guard scalars.count == 1, let scalar = scalars.first, scalar.value >= 0x80 else { return nil }
        return scalar.value
    })

    /// Precedence of the operator spelled `token` (infix, else postfix, else prefix).
    static func precedence(ofToken token: String) -> Int {
        (infix(token: token) ?? postfix(token: token) ?? prefix(token: token))?.precedence ?? 0
    }

    static let spanPrecedence = precedence(ofToken: ";;")

    /// Precedence of the row that builds `head` (any fixity), e.g. 150 for "Pattern".
    static func precedence(ofHead head: String) -> Int {
        rows.first { $0.head == head }?.precedence ?? 0
    }

    /// The infix (or n-ary) operator with this spelling.
    public static func infix(token: String) -> OperatorEntry? { infixByToken[token] }
    /// The prefix operator with this spelling.
    public static func prefix(token: String) -> OperatorEntry? { prefixByToken[token] }
    /// The postfix operator with this spelling.
    public static func postfix(token: String) -> OperatorEntry? { postfixByToken[token] }

    /// The infix (or n-ary) operator that builds `head`, e.g. `"Plus"` -> `+`.
    /// For a head with several rows (`Apply` as `@@` and `@@@`), the plain one.
    public static func infix(forHead head: String) -> OperatorEntry? { infixByHead[head] }
    /// The prefix operator that builds `head`, e.g. `"Not"` -> `!`, `"Minus"` -> `-`.
    public static func prefix(forHead head: String) -> OperatorEntry? { prefixByHead[head] }
    /// The postfix operator that builds `head`, e.g. `"Function"` -> `&`, `"Factorial"` -> `!`.
    public static func postfix(forHead head: String) -> OperatorEntry? { postfixByHead[head] }
}
