// Infinite quantities: DirectedInfinity[z] (Infinity is DirectedInfinity[1], ComplexInfinity is
// DirectedInfinity[]) and Indeterminate, and how Plus, Times and Power treat them.
//
// A direction is kept as a unit number (`DirectedInfinity[1 + I]` becomes
// `DirectedInfinity[(1 + I)/Sqrt[2]]`). Finite terms vanish next to an infinity; infinities of
// opposite directions, a zero times an infinity and ComplexInfinity plus any infinity are
// indeterminate, with Infinity::indet.

import BigInt
import TesseraCore
import TesseraExpr

enum InfiniteKind {
    case complex
    case directed(Expr)
}

extension ArithmeticBuiltins {
    static func infiniteKind(_ k: Kernel, _ e: Expr) -> InfiniteKind? {
        guard case .normal(let n) = e, n.head.isSymbol(k.sys.DirectedInfinity) else { return nil }
        if n.arguments.isEmpty { return .complex }
        if n.arguments.count == 1 { return .directed(n.arguments[0]) }
        return nil
    }

    static func isIndeterminate(_ k: Kernel, _ e: Expr) -> Bool { e.isSymbol(k.sys.Indeterminate) }

    static func indeterminate(_ k: Kernel, _ shown: Expr) -> Expr {
        k.message(k.sys.Infinity, "indet", Expr(k.sys.HoldForm, shown))
        return .symbol(k.sys.Indeterminate)
    }

    static func complexInfinity(_ k: Kernel) -> Expr { Expr(k.sys.DirectedInfinity, []) }

    /// DirectedInfinity[z]: the direction becomes a unit number.
    static func directedInfinity(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1 else { return nil }
        let z = c[0]
        if NumberArithmetic.isZero(z) { return complexInfinity(k) }
        if NumberArithmetic.isReal(z) {
            let s = NumberArithmetic.sign(z)
            if case .integer(let i) = z, i == s { return nil }
            return Expr(k.sys.DirectedInfinity, .integer(s))
        }
        if case .complex(let re, let im) = z {
            if NumberArithmetic.isInexact(z) {
                guard let m = NumberArithmetic.machineComplex(z) else { return nil }
                let r = m.magnitude
                if abs(r - 1) < 1e-15 { return nil }
                return Expr(k.sys.DirectedInfinity, NumberArithmetic.machine(MachineComplex(m.re / r, m.im / r)))
            }
            let norm = NumberArithmetic.addReal(NumberArithmetic.multiplyReal(re, re), NumberArithmetic.multiplyReal(im, im))
            if NumberArithmetic.isExactOne(norm) { return nil }
            let unit = try k.evaluate(Expr(k.sys.Times, z, Expr(k.sys.Power, norm, .rational(-1, 2))))
            return Expr(k.sys.DirectedInfinity, unit)
        }
        if z.isSymbol(k.sys.Indeterminate) { return .symbol(k.sys.Indeterminate) }
        if let value = NumericValue.machine(k, z), value.isFinite {
            if value.im == 0 && value.re != 0 { return Expr(k.sys.DirectedInfinity, .integer(value.re > 0 ? 1 : -1)) }
        }
        return nil
    }

    /// The sum of finite terms and the infinities among them; nil when the sum stays as it is.
    static func sumWithInfinities(_ k: Kernel, _ infinities: [Expr], finite: Bool) throws(Interrupt) -> Expr? {
        var complexCount = 0
        var directions: [Expr] = []
        for e in infinities {
            switch infiniteKind(k, e) {
            case .complex: complexCount += 1
            case .directed(let d): if !directions.contains(d) { directions.append(d) }
            case nil: break
            }
        }
        if complexCount > 0 {
            if complexCount + directions.count > 1 {
                return indeterminate(k, Expr(k.sys.Plus, infinities))
            }
            return complexInfinity(k)
        }
        if directions.count == 1 { return Expr(k.sys.DirectedInfinity, directions[0]) }
        for (i, d) in directions.enumerated() {
            for e in directions[(i + 1)...] {
                let sum = try k.evaluate(Expr(k.sys.Plus, d, e))
                if NumberArithmetic.isZero(sum) {
                    return indeterminate(k, Expr(k.sys.Plus, infinities))
                }
            }
        }
        let unique = directions.map { Expr(k.sys.DirectedInfinity, $0) }
        if unique.count == infinities.count && !finite { return nil }
        return Expr(k.sys.Plus, unique)
    }

    /// Product of a coefficient, symbolic factors and infinities.
    static func productWithInfinities(_ k: Kernel, coefficient: Expr, factors: [Expr],
                                      infinities: [Expr], original: Expr) throws(Interrupt) -> Expr? {
        if NumberArithmetic.isZero(coefficient) {
            return indeterminate(k, Expr(k.sys.Times, [coefficient] + infinities))
        }
        var isComplex = false
        var direction: Expr = NumberArithmetic.isReal(coefficient)
            ? .integer(NumberArithmetic.sign(coefficient)) : coefficient
        for e in infinities {
            switch infiniteKind(k, e) {
            case .complex: isComplex = true
            case .directed(let d): direction = NumberArithmetic.isReal(d) && direction.isNumber && d.isNumber
                ? NumberArithmetic.multiply(direction, d) : Expr(k.sys.Times, direction, d)
            case nil: break
            }
        }
        var remaining: [Expr] = []
        for f in factors {
            if NumericValue.isNumeric(k, f), let v = NumericValue.machine(k, f), v.isFinite, v != MachineComplex(0, 0) {
                if v.im == 0 {
                    if v.re < 0 { direction = NumberArithmetic.isReal(direction) ? NumberArithmetic.negate(direction)
                        : Expr(k.sys.Times, .integer(-1), direction) }
                    continue
                }
            }
            remaining.append(f)
        }
        var result: Expr
        if isComplex {
            result = complexInfinity(k)
        } else {
            result = try k.evaluate(Expr(k.sys.DirectedInfinity, try k.evaluate(direction)))
        }
        if remaining.isEmpty { return result }
        var all = remaining
        all.append(result)
        all.sort(by: k.canonicalLess)
        let expr = Expr(k.sys.Times, all)
        if expr == original { return original }
        return expr
    }
}
