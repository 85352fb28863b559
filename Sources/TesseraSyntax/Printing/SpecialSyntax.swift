// Heads with a notation of their own: patterns, slots and pure functions, parts, compound
// expressions, spans, message names, `%n` and skeletons.
//
// Each layout returns false (or nil) when the expression does not have the shape its notation needs,
// for instance `Pattern[f[x], _]` or `Slot[x]`; it then prints as a call, as Mathematica does.

import TesseraExpr

extension ExprPrinter {
    // MARK: Patterns

    /// `x_`, `x_Integer`, `x__`, `x___h`, or `x:p` for any other pattern. The shorthand forms are
    /// parenthesised as patterns too: `(x_)?IntegerQ`, `x + (y_)`.
    func layoutPattern(_ n: Normal, into l: inout Layout) -> Bool {
        guard n.arguments.count == 2, case .symbol(let name) = n.arguments[0],
              let row = OperatorTable.infix(forHead: "Pattern") else { return false }
        let pattern = n.arguments[1]
        l.precedence = row.printingPrecedence
        if let blank = pattern.asNormal.flatMap(blankText) {
            l.text(symbols.displayName(name) + blank)
            return true
        }
        l.child(n.arguments[0], Precedence.atom)
        l.text(":")
        l.child(pattern, row.printingPrecedence + 1)
        return true
    }

    /// `_`, `__h`, `___`: nil unless this is a blank with no argument or one symbol argument.
    func blankText(_ n: Normal) -> String? {
        guard case .symbol(let h) = n.head else { return nil }
        let underscores: String
        if h === sys.Blank {
            underscores = "_"
        } else if h === sys.BlankSequence {
            underscores = "__"
        } else if h === sys.BlankNullSequence {
            underscores = "___"
        } else {
            return nil
        }
        switch n.arguments.count {
        case 0: return underscores
        case 1: return n.arguments[0].asSymbol.map { underscores + symbols.displayName($0) }
        default: return nil
        }
    }

    /// `_.` and `x_.` for `Optional` of a plain blank, `p:d` with a default; any other one-argument
    /// `Optional` stays functional (`Optional[x_Integer]`) but is parenthesised by `:`'s precedence.
    func layoutOptional(_ n: Normal, into l: inout Layout) -> Bool {
        guard let row = OperatorTable.infix(forHead: "Optional") else { return false }
        let args = n.arguments
        switch args.count {
        case 1:
            if let blank = args[0].asNormal, blank.head.isSymbol(sys.Blank), blank.arguments.isEmpty {
                l.text("_.")
            } else if let pattern = args[0].asNormal, pattern.head.isSymbol(sys.Pattern), pattern.arguments.count == 2,
                      case .symbol(let name) = pattern.arguments[0], let blank = pattern.arguments[1].asNormal,
                      blank.head.isSymbol(sys.Blank), blank.arguments.isEmpty {
                l.text(symbols.displayName(name) + "_.")
            } else {
                layoutCall(n, into: &l)
            }
        case 2:
            l.child(args[0], row.printingPrecedence + 1)
            l.text(":")
            l.child(args[1], row.printingPrecedence + 1)
        default:
            return false
        }
        l.precedence = row.printingPrecedence
        return true
    }

    // MARK: Pure functions

    /// `#1`, `#name`, `##2`.
    func layoutSlot(_ h: Symbol, _ n: Normal, into l: inout Layout) -> Bool {
        guard n.arguments.count == 1 else { return false }
        let prefix = h === sys.Slot ? "#" : "##"
        switch n.arguments[0] {
        case .integer(let i) where i >= 0:
            l.text(prefix + String(i))
        case .string(let name) where h === sys.Slot:
            l.text(prefix + name)
        default:
            return false
        }
        return true
    }

    /// `body & ` (Mathematica writes a space on both sides of `&`); `Function[x, body]` stays functional.
    func layoutFunction(_ n: Normal, into l: inout Layout) -> Bool {
        guard n.arguments.count == 1, let row = OperatorTable.postfix(forHead: "Function") else { return false }
        l.child(n.arguments[0], row.printingPrecedence + 1)
        l.text(" & ")
        l.precedence = row.printingPrecedence
        return true
    }

    // MARK: Parts, sequences of statements, spans

    /// `e[[i]]`, `e[[i,j]]` (Mathematica writes no space after these commas), `e[[]]`.
    func layoutPart(_ n: Normal, into l: inout Layout) -> Bool {
        guard let target = n.arguments.first else { return false }
        l.child(target, Precedence.call)
        l.text("[[")
        appendSequence(Array(n.arguments.dropFirst()), separator: ",", into: &l)
        l.text("]]")
        l.precedence = Precedence.call
        return true
    }

    /// `a; b; c`; a final `Null` is left out, leaving `a; ` (with its space).
    func layoutCompound(_ n: Normal, into l: inout Layout) -> Bool {
        let args = n.arguments
        guard args.count >= 2, let row = OperatorTable.infix(forHead: "CompoundExpression") else { return false }
        let trailingNull = args[args.count - 1].isSymbol(sys.Null)
        let shown = trailingNull ? args.dropLast() : args[...]
        for (i, a) in shown.enumerated() {
            if i > 0 { l.text("; ") }
            l.child(a, row.printingPrecedence + 1)
        }
        if trailingNull { l.text("; ") }
        l.precedence = row.printingPrecedence
        return true
    }

    /// `a ;; b` and `a ;; b ;; c` (`Span[1, All]` is `1 ;; All`, as InputForm writes it).
    func layoutSpan(_ n: Normal, into l: inout Layout) -> Bool {
        guard n.arguments.count == 2 || n.arguments.count == 3,
              let row = OperatorTable.infix(forHead: "Span") else { return false }
        for (i, a) in n.arguments.enumerated() {
            if i > 0 { l.text(" ;; ") }
            l.child(a, row.printingPrecedence + 1)
        }
        l.precedence = row.printingPrecedence
        return true
    }

    /// `f::tag` and `f::tag::lang`, the tags being strings written without quotes.
    func layoutMessageName(_ n: Normal, into l: inout Layout) -> Bool {
        let args = n.arguments
        guard args.count == 2 || args.count == 3, args.dropFirst().allSatisfy({ $0.asString != nil }),
              let row = OperatorTable.infix(forHead: "MessageName") else { return false }
        l.child(args[0], row.printingPrecedence)
        for tag in args.dropFirst() {
            l.text("::" + (tag.asString ?? ""))
        }
        l.precedence = row.printingPrecedence
        return true
    }

    // MARK: Notations of the result text

    /// `%`, `%n` for `Out` and `<<n>>` for `Skeleton` (what a result shows for elided parts). InputForm
    /// keeps both functional. Nil when `h` is neither.
    func layoutNotation(_ h: Symbol, _ n: Normal, form: TextForm, into l: inout Layout) -> Bool? {
        guard form == .output || form == .outputForm else { return nil }
        let args = n.arguments
        if h === sys.Out {
            switch args.count {
            case 0:
                l.text("%")
            case 1:
                guard case .integer(let i) = args[0], i > 0 else { return false }
                l.text("%" + String(i))
            default:
                return false
            }
            return true
        }
        if h === sys.Skeleton || h.name == "StringSkeleton" {
            guard args.count == 1 else { return false }
            l.text("<<")
            l.child(args[0], 0)
            l.text(">>")
            return true
        }
        return nil
    }
}
