// Sums, products, powers and complex numbers in InputForm.
//
// These follow Mathematica's printing rules rather than the plain operator grammar, because the
// evaluator stores `a - b` as `Plus[a, Times[-1, b]]` and `a/b` as `Times[a, Power[b, -1]]`:
//
// - A sum prints its terms in order; a term with a negative coefficient is written as a subtraction
//   (`a - 2*b`, `x - Pi/8`, `3 - 4*I`), except the first one, which keeps its sign (`-x + y`).
// - A product collects factors with negative exponents and rational denominators into one
//   denominator: `a/b`, `(2*x)/y`, `1/(2*x)`, `x/Sqrt[5]`, `(3*I)/4`. A coefficient of -1 becomes a
//   sign, `-x`, `-(a*b)`, `-(a/b)`; a coefficient -1/n is kept whole, `-1/2*x` (Mathematica's own quirk).
// - `Power[x, 1/2]` is `Sqrt[x]`, `Power[x, -1/2]` is `1/Sqrt[x]`; any other power keeps its
//   exponent, even a negative one: `x^(-1)`, `E^(-5/2)`.
// - A complex number prints as the sum and product it stands for: `1 + 2*I`, `(2*I)/3`, `-I`,
//   `0. + 1.*I`; as a factor it is parenthesised like any product: `(2*I)*Sqrt[3]`.

import BigInt
import TesseraExpr

extension ExprPrinter {
    // MARK: Sums

    func layoutPlus(_ terms: [Expr], into l: inout Layout) {
        for (i, t) in terms.enumerated() {
            if i == 0 {
                l.child(t, Precedence.plus + 1)
            } else if let negative = negatedTerm(t) {
                l.text(" - ")
                l.child(negative, Precedence.plus + 1)
            } else {
                l.text(" + ")
                l.child(t, Precedence.plus + 1)
            }
        }
        l.precedence = Precedence.plus
    }

    /// For a term that prints with a leading minus, the term without it (`-2*x` gives `2*x`, `-x` gives
    /// `x`, `-3` gives `3`, `-Infinity` gives `Infinity`); nil for any other term.
    func negatedTerm(_ t: Expr) -> Expr? {
        if t.isNumber { return isNegativeNumber(t) ? negated(t) : nil }
        guard case .normal(let n) = t, case .symbol(let h) = n.head else { return nil }
        let args = n.arguments
        if h === sys.Times, args.count >= 2, isNegativeNumber(args[0]) {
            let coefficient = negated(args[0])
            var rest = Array(args.dropFirst())
            if !isExactOne(coefficient) { rest.insert(coefficient, at: 0) }
            return rest.count == 1 ? rest[0] : Expr(sys.Times, rest)
        }
        if h === sys.DirectedInfinity, args.count == 1, isExactMinusOne(args[0]) {
            return Expr(sys.DirectedInfinity, [.integer(1)])
        }
        return nil
    }

    // MARK: Products

    func layoutTimes(_ factors: [Expr], form: TextForm, into l: inout Layout) {
        let separator = form == .outputForm ? " " : "*"
        l.precedence = Precedence.times
        let first = factors[0]
        // -x, -(a*b), -(a/b): the sign applies to the product of the other factors.
        if isExactMinusOne(first) {
            l.text("-")
            l.child(product(factors.dropFirst()), Precedence.minus + 1)
            l.precedence = Precedence.minus
            return
        }
        // -1/2*x, -1/2*(a + b), -1/2*1/Sqrt[2]: Mathematica keeps a coefficient -1/n in front.
        if case .rational(let p, let q) = first, p == -1 {
            l.text("-1/" + String(q) + separator)
            l.child(product(factors.dropFirst()), Precedence.times)
            return
        }
        // Most products have no denominator: print them without sorting factors into two lists.
        guard factors.contains(where: { isRationalNumber($0) || denominatorFactor($0) != nil }) else {
            appendFactors(factors[...], separator, into: &l)
            return
        }
        var numerator: [Expr] = []
        var denominator: [Expr] = []
        for f in factors {
            if case .rational(let p, let q) = f {
                if p != 1 { numerator.append(.integer(p)) }
                denominator.append(.integer(q))
            } else if let d = denominatorFactor(f) {
                denominator.append(d)
            } else {
                numerator.append(f)
            }
        }
        appendQuotientPart(numerator, separator, into: &l)
        l.text("/")
        appendQuotientPart(denominator, separator, into: &l)
        l.precedence = numerator.count <= 1 ? Precedence.divide : Precedence.times
    }

    private func isRationalNumber(_ e: Expr) -> Bool {
        if case .rational = e { return true }
        return false
    }

    /// For a factor `b^e` with a negative real exponent (`x^-2`, `E^(-x)`), the factor `b^-e` that goes
    /// in the denominator (just `b` when `e` is -1).
    private func denominatorFactor(_ f: Expr) -> Expr? {
        guard case .normal(let n) = f, n.head.isSymbol(sys.Power), n.arguments.count == 2 else { return nil }
        let base = n.arguments[0]
        let exponent = n.arguments[1]
        if exponent.isNumber {
            guard case .complex = exponent else {
                guard isNegativeNumber(exponent) else { return nil }
                let positive = negated(exponent)
                return isExactOne(positive) ? base : Expr(sys.Power, [base, positive])
            }
            return nil
        }
        if exponent.hasHead(sys.Times), let c = exponent.arguments.first, c.isNumber,
           !isComplex(c), let positive = negatedTerm(exponent) {
            return Expr(sys.Power, [base, positive])
        }
        return nil
    }

    /// Factors joined by `*`, each parenthesised unless it binds tighter than a product.
    private func appendFactors(_ factors: ArraySlice<Expr>, _ separator: String, into l: inout Layout) {
        for (i, f) in factors.enumerated() {
            if i > 0 { l.text(separator) }
            l.child(f, Precedence.times + 1)
        }
    }

    /// A numerator or denominator: `1`, one factor, or several factors in parentheses.
    private func appendQuotientPart(_ factors: [Expr], _ separator: String, into l: inout Layout) {
        switch factors.count {
        case 0:
            l.text("1")
        case 1:
            l.child(factors[0], Precedence.times + 1)
        default:
            l.text("(")
            appendFactors(factors[...], separator, into: &l)
            l.text(")")
        }
    }

    /// The product of `factors` as one expression (the factor itself when there is only one).
    private func product(_ factors: ArraySlice<Expr>) -> Expr {
        factors.count == 1 ? factors[factors.startIndex] : Expr(sys.Times, Array(factors))
    }

    // MARK: Powers

    /// `Sqrt[x]`, `1/Sqrt[x]` or `b^e`. Returns false for a `Power` without exactly two arguments.
    func layoutPower(_ n: Normal, form: TextForm, into l: inout Layout) -> Bool {
        guard n.arguments.count == 2 else { return false }
        let base = n.arguments[0]
        let exponent = n.arguments[1]
        if isRationalHalf(exponent, negative: false) {
            l.text("Sqrt[")
            l.child(base, 0)
            l.text("]")
            l.precedence = Precedence.call
        } else if isRationalHalf(exponent, negative: true) {
            l.text("1/Sqrt[")
            l.child(base, 0)
            l.text("]")
            l.precedence = Precedence.divide
        } else if form == .outputForm, case .integer(-1) = exponent {
            // OutputForm writes a reciprocal as a fraction (`Infinite expression 1/0 encountered.`).
            l.text("1/")
            l.child(base, Precedence.divide + 1)
            l.precedence = Precedence.divide
        } else {
            // Right-grouping: `a^b^c` is `a^(b^c)`, so the exponent may itself be a power.
            l.child(base, Precedence.power + 1)
            l.text("^")
            l.child(exponent, Precedence.power)
            l.precedence = Precedence.power
        }
        return true
    }

    /// True when this `Power` prints as `b^e` (not as `Sqrt[b]` or `1/Sqrt[b]`).
    func powerPrintsWithCaret(_ n: Normal) -> Bool {
        n.arguments.count == 2 && !isRationalHalf(n.arguments[1], negative: false)
            && !isRationalHalf(n.arguments[1], negative: true)
    }

    // MARK: Complex numbers

    /// `re + im*I`, leaving out an exact zero real part: `2*I`, `(3*I)/4`, `-I`, `1 - I`, `0. + 1.*I`.
    func layoutComplex(_ re: Expr, _ im: Expr, form: TextForm, into l: inout Layout) {
        let unit = Expr.complex(.integer(0), .integer(1))
        if isExactZero(re) {
            if isExactOne(im) {
                l.text("I")
                l.precedence = Precedence.atom
            } else {
                layoutTimes([im, unit], form: form, into: &l)
            }
            return
        }
        layoutPlus([re, isExactOne(im) ? unit : Expr(sys.Times, [im, unit])], into: &l)
    }

    // MARK: Infinities

    /// `Infinity`, `-Infinity` and `ComplexInfinity`; other directions keep their functional form.
    func layoutDirectedInfinity(_ n: Normal, into l: inout Layout) -> Bool {
        switch n.arguments.count {
        case 0:
            l.text("ComplexInfinity")
        case 1 where isExactOne(n.arguments[0]):
            l.text("Infinity")
        case 1 where isExactMinusOne(n.arguments[0]):
            l.text("-Infinity")
            l.precedence = Precedence.minus
        default:
            return false
        }
        return true
    }

    // MARK: Number predicates

    /// A number that prints with a leading minus; an exact complex counts when it is `im*I` with im < 0.
    func isNegativeNumber(_ e: Expr) -> Bool {
        switch e {
        case .integer(let i): return i < 0
        case .bigInteger(let b): return b.sign == .minus
        case .rational(let p, _): return p.sign == .minus
        case .real(let d): return d < 0
        case .complex(let re, let im): return isExactZero(re) && isNegativeNumber(im)
        default: return false
        }
    }

    /// The negative of a number (other expressions are returned unchanged).
    func negated(_ e: Expr) -> Expr {
        switch e {
        case .integer(let i): return i == Int.min ? .integer(-BigInt(i)) : .integer(-i)
        case .bigInteger(let b): return .integer(-b)
        case .rational(let p, let q): return .rational(-p, q)
        case .real(let d): return .real(-d)
        case .complex(let re, let im): return .complex(negated(re), negated(im))
        default: return e
        }
    }

    func isExactZero(_ e: Expr) -> Bool {
        if case .integer(0) = e { return true }
        return false
    }

    func isExactOne(_ e: Expr) -> Bool {
        if case .integer(1) = e { return true }
        return false
    }

    func isExactMinusOne(_ e: Expr) -> Bool {
        if case .integer(-1) = e { return true }
        return false
    }

    private func isComplex(_ e: Expr) -> Bool {
        if case .complex = e { return true }
        return false
    }

    private func isRationalHalf(_ e: Expr, negative: Bool) -> Bool {
        if case .rational(let p, let q) = e { return q == 2 && p == (negative ? -1 : 1) }
        return false
    }
}
