// Times beyond two numbers: one numeric coefficient, powers of equal bases collected, radicals of
// rationals normalised the way Mathematica writes them.
//
// Factors are grouped by base (`x^2 x^3` -> x^5, `Sqrt[2] Sqrt[2]` -> 2). Then three rewrites that
// Mathematica does on products of numbers and radicals:
// - radicals of positive rationals with the same exponent (up to sign) merge: Sqrt[2] Sqrt[3] -> Sqrt[6];
// - I times a power of -1 is a power of -1: I (-1)^(1/4) -> (-1)^(3/4);
// - a rational coefficient moves its common factors into a square (or q-th) root:
//   Sqrt[2]/2 -> 1/Sqrt[2], Sqrt[6]/2 -> Sqrt[3/2], 2/Sqrt[2] -> Sqrt[2].

import BigInt
import TesseraCore
import TesseraExpr

enum ProductBuilder {
    static func product(_ k: Kernel, _ args: [Expr], original: Expr) throws(Interrupt) -> Expr? {
        let sys = k.sys
        var coefficient: Expr = .integer(1)
        var numberCount = 0
        var bases: [Expr] = []
        var exponents: [Expr] = []
        var originals: [Expr] = []
        var counts: [Int] = []
        var index: [Expr: Int] = [:]
        var infinities: [Expr] = []
        var changed = false
        // Exact numbers multiply exactly first (Times[0.1, 1/3, 3] is 0.1 * 1, not (0.1/3) * 3).
        var inexactFactor: Expr? = nil

        let inexact = args.contains { $0.isNumber && NumberArithmetic.isInexact($0) }
        for var a in args {
            if inexact, !a.isNumber, let v = SumBuilder.machineValue(k, a) { a = v }
            if a.isNumber {
                if NumberArithmetic.isInexact(a) {
                    inexactFactor = inexactFactor.map { NumberArithmetic.multiply($0, a) } ?? a
                } else {
                    coefficient = NumberArithmetic.multiply(coefficient, a)
                }
                numberCount += 1
                continue
            }
            if a.isSymbol(sys.Indeterminate) { return a }
            if ArithmeticBuiltins.infiniteKind(k, a) != nil { infinities.append(a); continue }
            let (base, exponent) = powerParts(k, a)
            if let i = index[base] {
                if exponents[i].isNumber && exponent.isNumber {
                    exponents[i] = NumberArithmetic.add(exponents[i], exponent)
                } else {
                    exponents[i] = try k.evaluate(Expr(sys.Plus, exponents[i], exponent))
                }
                counts[i] += 1
                changed = true
            } else {
                index[base] = bases.count
                bases.append(base)
                exponents.append(exponent)
                originals.append(a)
                counts.append(1)
            }
        }

        if let f = inexactFactor {
            coefficient = NumberArithmetic.isExactZero(coefficient) ? coefficient : NumberArithmetic.multiply(f, coefficient)
        }
        if !infinities.isEmpty {
            var factors: [Expr] = []
            for i in bases.indices {
                factors.append(counts[i] == 1 ? originals[i] : try k.evaluate(Expr(sys.Power, bases[i], exponents[i])))
            }
            return try ArithmeticBuiltins.productWithInfinities(k, coefficient: coefficient, factors: factors,
                                                                 infinities: infinities, original: original)
        }
        if NumberArithmetic.isExactZero(coefficient) { return .integer(0) }
        if NumberArithmetic.isZero(coefficient), !bases.isEmpty { return coefficient }
        if numberCount > 1 || (numberCount == 1 && NumberArithmetic.isExactOne(coefficient)) { changed = true }

        var factors: [Expr] = []
        factors.reserveCapacity(bases.count)
        func absorb(_ e: Expr) {
            if e.isNumber {
                coefficient = NumberArithmetic.multiply(coefficient, e)
            } else if e.hasHead(sys.Times) {
                for f in e.arguments { absorb(f) }
            } else {
                factors.append(e)
            }
        }
        for i in bases.indices {
            if counts[i] == 1 { factors.append(originals[i]); continue }
            absorb(try k.evaluate(Expr(sys.Power, bases[i], exponents[i])))
        }

        if try mergeRadicals(k, &factors, absorb: &coefficient) { changed = true }
        if try imaginaryUnitIntoPowerOfMinusOne(k, &factors, &coefficient) { changed = true }
        if try coefficientIntoRadical(k, &factors, &coefficient) { changed = true }

        if NumberArithmetic.isExactZero(coefficient) { return .integer(0) }
        if !changed { return original }
        var result = factors
        result.sort(by: k.canonicalLess)
        if !NumberArithmetic.isExactOne(coefficient) { result.insert(coefficient, at: 0) }
        if result.isEmpty { return .integer(1) }
        if result.count == 1 { return result[0] }
        return Expr(sys.Times, result)
    }

    /// (base, exponent) of a factor: `x^n` -> (x, n), anything else -> (x, 1).
    static func powerParts(_ k: Kernel, _ e: Expr) -> (Expr, Expr) {
        if case .normal(let n) = e, case .symbol(let h) = n.head {
            if h === k.sys.Power, n.arguments.count == 2 {
                if let (f, reciprocal) = reciprocalFunction(k, n.arguments[0]) {
                    return (Expr(reciprocal, f.arguments), NumberArithmetic.isReal(n.arguments[1])
                        ? NumberArithmetic.negate(n.arguments[1]) : Expr(k.sys.Times, .integer(-1), n.arguments[1]))
                }
                return (n.arguments[0], n.arguments[1])
            }
            if let (f, reciprocal) = reciprocalFunction(k, e) {
                return (Expr(reciprocal, f.arguments), .integer(-1))
            }
        }
        return (e, .integer(1))
    }

    /// Csc[x] is Sin[x]^-1 for collecting powers (Sin[x] Csc[x] -> 1), and so on.
    static func reciprocalFunction(_ k: Kernel, _ e: Expr) -> (Normal, Symbol)? {
        guard case .normal(let n) = e, case .symbol(let h) = n.head, n.arguments.count == 1,
              h.context == "System`", let name = reciprocalNames[h.name] else { return nil }
        return (n, k.symbols.intern(fullName: "System`" + name))
    }

    static let reciprocalNames: [String: String] = ["Csc": "Sin", "Sec": "Cos", "Cot": "Tan",
                                                    "Csch": "Sinh", "Sech": "Cosh", "Coth": "Tanh"]
    static let reciprocalOf: [String: String] = ["Sin": "Csc", "Cos": "Sec", "Tan": "Cot",
                                                 "Sinh": "Csch", "Cosh": "Sech", "Tanh": "Coth"]

    /// A factor `b^(s/q)` with `b` a positive rational and a non-integer rational exponent.
    private static func radical(_ k: Kernel, _ e: Expr) -> (base: (BigInt, BigInt), exponent: (BigInt, BigInt))? {
        guard case .normal(let n) = e, n.head.isSymbol(k.sys.Power), n.arguments.count == 2,
              case .rational(let s, let q) = n.arguments[1],
              let (u, v) = NumberArithmetic.ratio(n.arguments[0]), u.signum() > 0 else { return nil }
        return ((u, v), (s, q))
    }

    /// Sqrt[2] Sqrt[3] -> Sqrt[6], Sqrt[2]/Sqrt[3] -> Sqrt[2/3].
    private static func mergeRadicals(_ k: Kernel, _ factors: inout [Expr], absorb coefficient: inout Expr) throws(Interrupt) -> Bool {
        var groups: [Expr: [Int]] = [:]
        var order: [Expr] = []
        for (i, f) in factors.enumerated() {
            guard let r = radical(k, f) else { continue }
            let key = Expr.rational(r.exponent.0.magnitude == r.exponent.0 ? r.exponent.0 : -r.exponent.0, r.exponent.1)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(i)
        }
        var removed = Set<Int>()
        var added: [Expr] = []
        for key in order {
            guard let members = groups[key], members.count > 1 else { continue }
            var numerator = BigInt(1), denominator = BigInt(1)
            for i in members {
                guard let r = radical(k, factors[i]) else { continue }
                if r.exponent.0.signum() > 0 {
                    numerator *= r.base.0; denominator *= r.base.1
                } else {
                    numerator *= r.base.1; denominator *= r.base.0
                }
                removed.insert(i)
            }
            added.append(try k.evaluate(Expr(k.sys.Power, NumberArithmetic.exact(numerator, denominator), key)))
        }
        if removed.isEmpty { return false }
        var kept: [Expr] = []
        for (i, f) in factors.enumerated() where !removed.contains(i) { kept.append(f) }
        for e in added {
            if e.isNumber { coefficient = NumberArithmetic.multiply(coefficient, e) }
            else if e.hasHead(k.sys.Times) {
                for f in e.arguments {
                    if f.isNumber { coefficient = NumberArithmetic.multiply(coefficient, f) } else { kept.append(f) }
                }
            } else { kept.append(e) }
        }
        factors = kept
        return true
    }

    /// I (-1)^r -> (-1)^(r + 1/2), so that products of roots of unity stay one power.
    private static func imaginaryUnitIntoPowerOfMinusOne(_ k: Kernel, _ factors: inout [Expr],
                                                         _ coefficient: inout Expr) throws(Interrupt) -> Bool {
        guard case .complex(let re, let im) = coefficient, NumberArithmetic.isExactZero(re), im.isExactNumber else {
            return false
        }
        for (i, f) in factors.enumerated() {
            guard case .normal(let n) = f, n.head.isSymbol(k.sys.Power), n.arguments.count == 2,
                  case .integer(-1) = n.arguments[0], case .rational = n.arguments[1] else { continue }
            let exponent = NumberArithmetic.add(n.arguments[1], .rational(1, 2))
            let power = try k.evaluate(Expr(k.sys.Power, .integer(-1), exponent))
            coefficient = im
            factors.remove(at: i)
            if power.isNumber { coefficient = NumberArithmetic.multiply(coefficient, power) }
            else if power.hasHead(k.sys.Times) {
                for g in power.arguments {
                    if g.isNumber { coefficient = NumberArithmetic.multiply(coefficient, g) } else { factors.append(g) }
                }
            } else { factors.append(power) }
            return true
        }
        return false
    }

    /// A rational coefficient's factors shared with a root's base move inside the root.
    private static func coefficientIntoRadical(_ k: Kernel, _ factors: inout [Expr],
                                               _ coefficient: inout Expr) throws(Interrupt) -> Bool {
        guard let (p, q) = NumberArithmetic.ratio(coefficient), !(p == 1 && q == 1) else { return false }
        for (i, f) in factors.enumerated() {
            guard let r = radical(k, f), r.exponent.0.magnitude == 1, let root = Int(exactly: r.exponent.1),
                  root <= 64 else { continue }
            let (u, v) = r.base
            let pm = BigInt(p.magnitude)
            var newP = p, newQ = q
            var newU = u, newV = v
            if r.exponent.0.signum() > 0 {
                let g1 = BigInt(q.magnitude.greatestCommonDivisor(with: u.magnitude))
                let g2 = BigInt(pm.magnitude.greatestCommonDivisor(with: v.magnitude))
                if g1 == 1 && g2 == 1 { continue }
                newQ = q / g1; newP = p / g2
                newU = u * g2.power(root); newV = v * g1.power(root)
            } else {
                let g = BigInt(pm.magnitude.greatestCommonDivisor(with: u.magnitude))
                let g2 = BigInt(q.magnitude.greatestCommonDivisor(with: v.magnitude))
                if g == 1 && g2 == 1 { continue }
                // g (u/v)^(-1/n) = (u/(g^n v))^(-1/n) and (u/v)^(-1/n)/g2 = (g2^n u/v)^(-1/n)
                newP = p / g; newQ = q / g2
                newU = u * g2.power(root); newV = v * g.power(root)
            }
            let power = try k.evaluate(Expr(k.sys.Power, NumberArithmetic.exact(newU, newV),
                                            NumberArithmetic.exact(r.exponent.0, r.exponent.1)))
            coefficient = NumberArithmetic.exact(newP, newQ)
            factors.remove(at: i)
            if power.isNumber { coefficient = NumberArithmetic.multiply(coefficient, power) }
            else if power.hasHead(k.sys.Times) {
                for g in power.arguments {
                    if g.isNumber { coefficient = NumberArithmetic.multiply(coefficient, g) } else { factors.append(g) }
                }
            } else { factors.append(power) }
            return true
        }
        return false
    }
}
