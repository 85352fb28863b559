// Plus beyond machine integers: numbers summed, like terms collected, infinities absorbed.
//
// A term is split into a numeric coefficient and the rest (`3 x y` -> (3, x y)); terms with equal rests
// (structural equality) add their coefficients. A collected term whose coefficient changed is
// evaluated again as a product, because a new coefficient can interact with radicals in the rest
// (`Sqrt[2]/2 + Sqrt[2]/2` is `Sqrt[2]`).

import TesseraCore
import TesseraExpr

enum SumBuilder {
    static func sum(_ k: Kernel, _ args: [Expr], original: Expr) throws(Interrupt) -> Expr? {
        let sys = k.sys
        var number: Expr? = nil
        var numberCount = 0
        var rests: [Expr] = []
        var coefficients: [Expr] = []
        var merged: [Bool] = []
        var originals: [Expr] = []
        var index: [Expr: Int] = [:]
        var infinities: [Expr] = []
        var changed = false

        let inexact = args.contains { $0.isNumber && NumberArithmetic.isInexact($0) }
        for var a in args {
            if inexact, !a.isNumber, let v = machineValue(k, a) { a = v }
            if a.isNumber {
                // One running sum in the (canonical) order of the arguments, exact and inexact
                // alike, as Mathematica adds: Plus[22, -59, 34, 14.6] is ((-59 + 14.6) + 22) + 34.
                number = number.map { NumberArithmetic.add($0, a) } ?? a
                numberCount += 1
                continue
            }
            if a.isSymbol(sys.Indeterminate) { return a }
            if ArithmeticBuiltins.infiniteKind(k, a) != nil { infinities.append(a); continue }
            let (coefficient, rest) = split(k, a)
            if let i = index[rest] {
                coefficients[i] = NumberArithmetic.add(coefficients[i], coefficient)
                merged[i] = true
                changed = true
            } else {
                index[rest] = rests.count
                rests.append(rest)
                coefficients.append(coefficient)
                merged.append(false)
                originals.append(a)
            }
        }

        if !infinities.isEmpty {
            let finite = number != nil || !rests.isEmpty
            return try ArithmeticBuiltins.sumWithInfinities(k, infinities, finite: finite)
        }
        if numberCount > 1 { changed = true }

        var terms: [Expr] = []
        terms.reserveCapacity(rests.count + 1)
        for i in rests.indices {
            let coefficient = coefficients[i]
            if !merged[i] {
                terms.append(originals[i])
                continue
            }
            if NumberArithmetic.isExactZero(coefficient) { continue }
            if NumberArithmetic.isZero(coefficient) {
                number = number.map { NumberArithmetic.add($0, coefficient) } ?? coefficient
                continue
            }
            let term = try k.evaluate(rebuild(k, coefficient, rests[i]))
            if term.isNumber {
                number = number.map { NumberArithmetic.add($0, term) } ?? term
                changed = true
            } else {
                terms.append(term)
            }
        }

        if let n = number {
            if (NumberArithmetic.isExactZero(n) || isRealZero(n)) && !terms.isEmpty {
                changed = true
            } else {
                terms.insert(n, at: 0)
            }
        }
        if !changed { return original }
        if terms.isEmpty { return .integer(0) }
        if terms.count == 1 { return terms[0] }
        terms.sort(by: k.canonicalLess)
        return Expr(sys.Plus, terms)
    }

    /// The machine number of a numeric quantity, for sums and products with inexact numbers.
    static func machineValue(_ k: Kernel, _ e: Expr) -> Expr? {
        guard NumericValue.isNumeric(k, e), let v = NumericValue.machine(k, e), v.isFinite else { return nil }
        return v.im == 0 ? .real(v.re) : NumberArithmetic.machine(v)
    }

    /// 0. drops out of a sum with symbolic terms; 0. + 0. I does not.
    private static func isRealZero(_ e: Expr) -> Bool {
        if case .real(let d) = e { return d == 0 }
        return false
    }

    /// (coefficient, rest) of a term.
    static func split(_ k: Kernel, _ term: Expr) -> (Expr, Expr) {
        guard case .normal(let n) = term, n.head.isSymbol(k.sys.Times), n.arguments.count >= 2,
              n.arguments[0].isNumber else { return (.integer(1), term) }
        if n.arguments.count == 2 { return (n.arguments[0], n.arguments[1]) }
        return (n.arguments[0], Expr(k.sys.Times, Array(n.arguments.dropFirst())))
    }

    /// coefficient * rest as a product in canonical form (the coefficient first).
    static func rebuild(_ k: Kernel, _ coefficient: Expr, _ rest: Expr) -> Expr {
        if NumberArithmetic.isExactOne(coefficient) { return rest }
        if rest.hasHead(k.sys.Times) { return Expr(k.sys.Times, [coefficient] + rest.arguments) }
        return Expr(k.sys.Times, coefficient, rest)
    }
}
