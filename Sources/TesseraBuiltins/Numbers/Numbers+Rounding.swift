// Round, Floor, Ceiling, IntegerPart, FractionalPart, Mod, Quotient, QuotientRemainder, Clip,
// Chop, Rationalize, Numerator, Denominator, UnitStep, KroneckerDelta.
//
// Rounding works on exact numbers exactly (Round is round-half-to-even), on machine numbers in
// machine arithmetic, on complex numbers part by part, and on numeric quantities (Floor[Pi],
// Round[E^2]) through their machine values. `Floor[x, a]` is `a Floor[x/a]`. Mod and Quotient are
// defined through Floor (`Mod[m, n] = m - n Floor[m/n]`), except that a complex quotient rounds, as
// Mathematica's does.

import BigInt
import TesseraCore
import TesseraExpr
import TesseraNumerics
import TesseraStorage

#if canImport(Glibc)
import Glibc
#endif

enum RoundingMode {
    case floor, ceiling, round, truncate

    var rule: FloatingPointRoundingRule {
        switch self {
        case .floor: return .down
        case .ceiling: return .up
        case .round: return .toNearestOrEven
        case .truncate: return .towardZero
        }
    }
}

enum RoundingBuiltins {
    static let numeric: Attributes = [.listable, .numericFunction, .protected]

    static let table: [BuiltinSpec] = [
        BuiltinSpec("Round", attributes: numeric, directUnary: { _, x in roundReal(x, .round) },
                    { k, c throws(Interrupt) in try rounding(k, c, .round) }),
        BuiltinSpec("Floor", attributes: numeric, directUnary: { _, x in roundReal(x, .floor) },
                    { k, c throws(Interrupt) in try rounding(k, c, .floor) }),
        BuiltinSpec("Ceiling", attributes: numeric, directUnary: { _, x in roundReal(x, .ceiling) },
                    { k, c throws(Interrupt) in try rounding(k, c, .ceiling) }),
        BuiltinSpec("IntegerPart", attributes: numeric, directUnary: { _, x in roundReal(x, .truncate) },
                    { k, c throws(Interrupt) in try rounding(k, c, .truncate) }),
        BuiltinSpec("FractionalPart", attributes: numeric, fractionalPart),
        BuiltinSpec("Mod", attributes: numeric, mod),
        BuiltinSpec("Quotient", attributes: numeric, quotient),
        BuiltinSpec("QuotientRemainder", attributes: [.listable, .protected], quotientRemainder),
        BuiltinSpec("Clip", attributes: [.protected], clip),
        BuiltinSpec("Chop", attributes: [.protected], chop),
        BuiltinSpec("Rationalize", attributes: [.protected], rationalize),
        BuiltinSpec("Numerator", attributes: [.listable, .protected], { k, c throws(Interrupt) in try fractionPart(k, c, numerator: true) }),
        BuiltinSpec("Denominator", attributes: [.listable, .protected], { k, c throws(Interrupt) in try fractionPart(k, c, numerator: false) }),
        BuiltinSpec("UnitStep", attributes: [.listable, .numericFunction, .orderless, .protected], unitStep),
        BuiltinSpec("KroneckerDelta", attributes: [.numericFunction, .orderless, .protected], kroneckerDelta),
    ]

    // MARK: Integer parts

    /// The integer a rounding of an exact or machine real number gives.
    static func roundReal(_ x: Expr, _ mode: RoundingMode) -> Expr? {
        switch x {
        case .integer, .bigInteger: return x
        case .rational(let n, let d):
            let (q, r) = n.quotientAndRemainder(dividingBy: d)   // truncated
            var result = q
            switch mode {
            case .truncate: break
            case .floor: if r.signum() < 0 { result -= 1 }
            case .ceiling: if r.signum() > 0 { result += 1 }
            case .round:
                // Compare 2|r| with d; ties go to the even neighbour.
                let twice = r.magnitude * 2
                let away = r.signum() < 0 ? BigInt(-1) : BigInt(1)
                if twice > d.magnitude || (twice == d.magnitude && !q.isMultiple(of: 2)) { result += away }
            }
            return .integer(result)
        case .real(let d):
            guard d.isFinite else { return nil }
            let r = d.rounded(mode.rule)
            if let i = Int(exactly: r) { return .integer(i) }
            return .integer(BigInt(r))
        default:
            return nil
        }
    }

    static func rounding(_ k: Kernel, _ c: Call, _ mode: RoundingMode) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        let sys = k.sys
        if c.count == 2 {
            let x = c[0], a = c[1]
            if x.isList(sys) || a.isList(sys) { return nil }
            if let kind = ArithmeticBuiltins.infiniteKind(k, x) {
                if case .directed = kind { return x }
                return x
            }
            guard NumericValue.isNumeric(k, x) && NumericValue.isNumeric(k, a) else { return nil }
            let quotient = try k.evaluate(Expr(sys.Times, x, Expr(sys.Power, a, .integer(-1))))
            let n = try k.evaluate(Expr(c.head, quotient))
            if n.hasHead(c.head) { return nil }
            return try k.evaluate(Expr(sys.Times, n, a))
        }
        let x = c[0]
        if case .packed(let p) = x {
            let op: UnaryOperation
            switch mode {
            case .floor: op = .floor
            case .ceiling: op = .ceiling
            case .round: op = .round
            case .truncate: return nil
            }
            if p.type == .integer { return x }
            guard let r = try k.numeric({ () throws(NumericsError) in try Elementwise.unary(op, p) }) else { return nil }
            return .packed(r)
        }
        if let r = roundReal(x, mode) { return r }
        if case .complex(let re, let im) = x {
            guard let a = roundReal(re, mode), let b = roundReal(im, mode) else { return nil }
            return NumberArithmetic.complex(a, b)
        }
        if x.isSymbol(sys.Indeterminate) { return x }
        if let kind = ArithmeticBuiltins.infiniteKind(k, x) {
            switch kind {
            case .complex: return x
            case .directed(let d): return NumberArithmetic.isReal(d) ? x : nil
            }
        }
        if NumericValue.isNumeric(k, x) {
            return try numericRounding(k, x, mode)
        }
        // Integer-valued functions are unchanged; an integer term comes out of a sum.
        if case .normal(let n) = x, case .symbol(let h) = n.head {
            if ["Floor", "Ceiling", "Round", "IntegerPart"].contains(h.name) && h.context == "System`" && n.arguments.count == 1 {
                return x
            }
            if h === sys.Plus, mode != .truncate, let first = n.arguments.first, isIntegerValued(first) {
                let rest = n.arguments.count == 2 ? n.arguments[1] : Expr(sys.Plus, Array(n.arguments.dropFirst()))
                return Expr(sys.Plus, first, Expr(c.head, rest))
            }
        }
        return nil
    }

    static func isIntegerValued(_ e: Expr) -> Bool {
        switch e {
        case .integer, .bigInteger: return true
        default: return false
        }
    }

    /// Rounding of a numeric quantity through its machine value; exact when the value is far enough
    /// from the rounding boundary.
    static func numericRounding(_ k: Kernel, _ x: Expr, _ mode: RoundingMode) throws(Interrupt) -> Expr? {
        guard let v = NumericValue.machine(k, x), v.isFinite else { return nil }
        func part(_ d: Double) -> Expr? {
            let r = d.rounded(mode.rule)
            if let i = Int(exactly: r), abs(d) < 1e15 { return .integer(i) }
            return bigRounding(k, x, d, mode)
        }
        if abs(v.im) < 1e-300 || (v.im == 0) {
            return part(v.re)
        }
        guard let a = part(v.re), let b = part(v.im) else { return nil }
        return NumberArithmetic.complex(a, b)
    }

    /// Floor[Pi 10^20]: the machine value is not enough, so evaluate with a scaled exact estimate.
    private static func bigRounding(_ k: Kernel, _ x: Expr, _ d: Double, _ mode: RoundingMode) -> Expr? {
        guard d.isFinite else { return nil }
        // Only products c * (numeric constant) with an exact integer c are handled exactly enough.
        guard case .normal(let n) = x, n.head.isSymbol(k.sys.Times), n.arguments.count == 2,
              let (p, q) = NumberArithmetic.ratio(n.arguments[0]), q == 1,
              let digits = constantDigits(k, n.arguments[1]) else {
            return .integer(BigInt(d.rounded(mode.rule)))
        }
        // digits: (numerator, 10^m) approximating the constant to ~40 digits.
        let scaled = p * digits.0
        let (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: digits.1)
        var result = quotient
        if mode == .floor && remainder.signum() < 0 { result -= 1 }
        if mode == .ceiling && remainder.signum() > 0 { result += 1 }
        if mode == .round && remainder.magnitude * 2 > digits.1.magnitude { result += remainder.signum() < 0 ? -1 : 1 }
        return .integer(result)
    }

    private static func constantDigits(_ k: Kernel, _ e: Expr) -> (BigInt, BigInt)? {
        let scale = BigInt(10).power(40)
        switch e {
        case .symbol(let s) where s === k.sys.Pi:
            return (BigInt("31415926535897932384626433832795028841971", radix: 10) ?? 0, scale)
        case .symbol(let s) where s === k.sys.E:
            return (BigInt("27182818284590452353602874713526624977572", radix: 10) ?? 0, scale)
        default: return nil
        }
    }

    static func fractionalPart(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        let sys = k.sys
        let x = c[0]
        if case .packed = x { return nil }
        if x.isSymbol(sys.Indeterminate) { return x }
        if let kind = ArithmeticBuiltins.infiniteKind(k, x) {
            if case .directed(let d) = kind, NumberArithmetic.isReal(d), NumberArithmetic.sign(d) < 0 {
                return try FormulaTemplates.value(k, "Interval[{-1, 0}]")
            }
            return try FormulaTemplates.value(k, "Interval[{0, 1}]")
        }
        if x.isNumber {
            if case .complex(let re, let im) = x {
                guard let a = roundReal(re, .truncate), let b = roundReal(im, .truncate) else { return nil }
                if NumberArithmetic.isInexact(x) {
                    return NumberArithmetic.machine(MachineComplex(
                        (NumberArithmetic.double(re) ?? 0) - (NumberArithmetic.double(a) ?? 0),
                        (NumberArithmetic.double(im) ?? 0) - (NumberArithmetic.double(b) ?? 0)))
                }
                return NumberArithmetic.subtract(x, NumberArithmetic.complex(a, b))
            }
            guard let t = roundReal(x, .truncate) else { return nil }
            if case .real(let d) = x { return .real(d - d.rounded(.towardZero)) }
            return NumberArithmetic.subtract(x, t)
        }
        if case .normal(let n) = x, case .symbol(let h) = n.head, n.arguments.count == 1, h.context == "System`",
           ["Floor", "Ceiling", "Round", "IntegerPart"].contains(h.name) {
            return .integer(0)
        }
        if NumericValue.isNumeric(k, x), let t = try numericRounding(k, x, .truncate) {
            return try k.evaluate(Expr(sys.Plus, x, Expr(sys.Times, .integer(-1), t)))
        }
        return nil
    }

    // MARK: Mod and Quotient

    static func mod(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 3) else { return nil }
        let sys = k.sys
        let m = c[0], n = c[1]
        let d: Expr = c.count == 3 ? c[2] : .integer(0)
        if c.arguments.contains(where: { $0.isList(sys) }) { return nil }
        if NumberArithmetic.isZero(n) {
            k.message(sys.Mod, "indet", Expr(sys.HoldForm, c.expr))
            return .symbol(sys.Indeterminate)
        }
        // Machine integers: the common case.
        if case .integer(let a) = m, case .integer(let b) = n, case .integer(let off) = d, b != -1 {
            let (shifted, overflow) = a.subtractingReportingOverflow(off)
            if !overflow {
                var r = shifted % b
                if r != 0 && (r < 0) != (b < 0) { r += b }
                return .integer(r + off)
            }
        }
        if ArithmeticBuiltins.infiniteKind(k, m) != nil { return .symbol(sys.Indeterminate) }
        if ArithmeticBuiltins.infiniteKind(k, n) != nil {
            return m.isNumber || NumericValue.isNumeric(k, m) ? m : nil
        }
        guard NumericValue.isNumeric(k, m) && NumericValue.isNumeric(k, n) && NumericValue.isNumeric(k, d) else { return nil }
        if m.isNumber && n.isNumber && d.isNumber && (NumberArithmetic.isInexact(m) || NumberArithmetic.isInexact(n)
                                                     || NumberArithmetic.isInexact(d)),
           let a = NumberArithmetic.double(m), let b = NumberArithmetic.double(n), let off = NumberArithmetic.double(d) {
            let shifted = a - off
            var r = shifted - b * (shifted / b).rounded(.down)
            if r != 0 && (r < 0) != (b < 0) { r += b }
            if abs(r - b) < abs(b) * 1e-15 { r = 0 }
            return .real(r + off)
        }
        // m - n Floor[(m - d)/n], with Round for complex quotients.
        let ratio = try k.evaluate(Expr(sys.Times, Expr(sys.Plus, m, Expr(sys.Times, .integer(-1), d)),
                                        Expr(sys.Power, n, .integer(-1))))
        let isComplex = NumericValue.machine(k, ratio).map { $0.im != 0 } ?? false
        let q = try k.evaluate(Expr(isComplex ? sys.Round : sys.Floor, ratio))
        if q.hasHead(sys.Floor) || q.hasHead(sys.Round) { return nil }
        return try k.evaluate(Expr(sys.Plus, m, Expr(sys.Times, .integer(-1), n, q)))
    }

    static func quotient(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 3) else { return nil }
        let sys = k.sys
        let m = c[0], n = c[1]
        let d: Expr = c.count == 3 ? c[2] : .integer(0)
        if c.arguments.contains(where: { $0.isList(sys) }) { return nil }
        if case .integer(let a) = m, case .integer(let b) = n, case .integer(let off) = d, b != 0, b != -1 {
            let (shifted, overflow) = a.subtractingReportingOverflow(off)
            if !overflow {
                var q = shifted / b
                if (shifted % b != 0) && ((shifted < 0) != (b < 0)) { q -= 1 }
                return .integer(q)
            }
        }
        if NumberArithmetic.isZero(n) {
            let top = try k.evaluate(Expr(sys.Plus, m, Expr(sys.Times, .integer(-1), d)))
            if NumberArithmetic.isZero(top) {
                k.message(sys.Quotient, "indet", Expr(sys.HoldForm, c.expr))
                return .symbol(sys.Indeterminate)
            }
            k.message(sys.Quotient, "infy", Expr(sys.HoldForm, c.expr))
            return ArithmeticBuiltins.complexInfinity(k)
        }
        if ArithmeticBuiltins.infiniteKind(k, m) != nil && ArithmeticBuiltins.infiniteKind(k, n) != nil {
            return .symbol(sys.Indeterminate)
        }
        guard (NumericValue.isNumeric(k, m) || ArithmeticBuiltins.infiniteKind(k, m) != nil),
              (NumericValue.isNumeric(k, n) || ArithmeticBuiltins.infiniteKind(k, n) != nil) else { return nil }
        let ratio = try k.evaluate(Expr(sys.Times, Expr(sys.Plus, m, Expr(sys.Times, .integer(-1), d)),
                                        Expr(sys.Power, n, .integer(-1))))
        let isComplex = NumericValue.machine(k, ratio).map { $0.im != 0 } ?? false
        let q = try k.evaluate(Expr(isComplex ? sys.Round : sys.Floor, ratio))
        if q.hasHead(sys.Floor) || q.hasHead(sys.Round) { return nil }
        return q
    }

    static func quotientRemainder(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        let sys = k.sys
        let q = try k.evaluate(Expr(sys.Quotient, c[0], c[1]))
        if q.hasHead(sys.Quotient) { return nil }
        let r = try k.evaluate(Expr(sys.Plus, c[0], Expr(sys.Times, .integer(-1), c[1], q)))
        return Expr(sys.List, q, r)
    }

    // MARK: Clip and Chop

    static func clip(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 3) else { return nil }
        let sys = k.sys
        var low: Expr = .integer(-1), high: Expr = .integer(1)
        if c.count >= 2 {
            guard c[1].isList(sys), c[1].length == 2 else { return nil }
            low = c[1].arguments[0]; high = c[1].arguments[1]
        }
        var below = low, above = high
        if c.count == 3 {
            guard c[2].isList(sys), c[2].length == 2 else { return nil }
            below = c[2].arguments[0]; above = c[2].arguments[1]
        }
        func clipOne(_ x: Expr) throws(Interrupt) -> Expr? {
            if x.isList(sys) {
                var out: [Expr] = []
                for e in x.arguments {
                    guard let v = try clipOne(e) else { return nil }
                    out.append(v)
                }
                return k.listExpr(out)
            }
            guard let xv = ComparisonBuiltins.realValue(k, x), let lv = ComparisonBuiltins.realValue(k, low),
                  let hv = ComparisonBuiltins.realValue(k, high) else { return nil }
            if xv < lv { return below }
            if xv > hv { return above }
            return x
        }
        return try clipOne(c[0])
    }

    static func chop(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        var tolerance = 1e-10
        if c.count == 2 {
            guard let t = NumberArithmetic.double(c[1]) else { return nil }
            tolerance = t
        }
        func chopped(_ e: Expr) -> Expr {
            switch e {
            case .real(let d): return abs(d) < tolerance ? .integer(0) : e
            case .complex(let re, let im):
                guard NumberArithmetic.isInexact(e) else { return e }
                let a = chopped(re), b = chopped(im)
                if NumberArithmetic.isExactZero(b) { return a }
                return .complex(NumberArithmetic.isExactZero(a) ? .integer(0) : a, b)
            case .packed(let p):
                if p.type == .integer { return e }
                return Expr(k.sys.List, p.elementExprs().map(chopped))
            case .normal(let n):
                return Expr(head: chopped(n.head), n.arguments.map(chopped))
            default: return e
            }
        }
        let result = chopped(c[0])
        return try k.evaluate(result)
    }

    // MARK: Rationalize

    static func rationalize(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        var tolerance: Double? = nil
        if c.count == 2 {
            guard let t = NumericValue.real(k, c[1]), t >= 0 else { return nil }
            tolerance = t
        }
        func convert(_ e: Expr) -> Expr {
            switch e {
            case .real(let d): return rationalizeReal(d, tolerance) ?? e
            case .complex(let re, let im):
                guard NumberArithmetic.isInexact(e) else { return e }
                let a = convert(re), b = convert(im)
                if a.isExactNumber && b.isExactNumber { return NumberArithmetic.complex(a, b) }
                return e
            case .packed(let p):
                if p.type == .integer { return e }
                return Expr(k.sys.List, p.elementExprs().map(convert))
            case .normal(let n):
                return Expr(head: n.head, n.arguments.map(convert))
            default:
                if let t = tolerance, t > 0, NumericValue.isNumeric(k, e), !e.isNumber,
                   let v = NumericValue.real(k, e), let r = rationalizeReal(v, t) {
                    return r
                }
                return e
            }
        }
        return try k.evaluate(convert(c[0]))
    }

    /// The simplest rational within the tolerance (nil tolerance: Mathematica's default criterion
    /// |x - p/q| < 10^-4/q^2 on the simplest rational equal to x in machine precision).
    static func rationalizeReal(_ x: Double, _ tolerance: Double?) -> Expr? {
        guard x.isFinite else { return nil }
        if x == x.rounded(), abs(x) < 1e18 { return .integer(Int(x)) }
        let exact = exactValue(x)
        let width: (BigInt, BigInt)
        if let t = tolerance, t > 0 {
            guard let w = exactValueOptional(t) else { return nil }
            width = w
        } else if tolerance == 0 {
            width = exactValue(x.ulp / 2)
        } else {
            width = exactValue(x.ulp)
        }
        let lo = sub(exact, width), hi = add(exact, width)
        let r = simplest(lo, hi)
        if tolerance == nil {
            // Accept only a rational that is close in the sense |x - p/q| q^2 < 10^-4.
            let diff = sub(exact, r)
            let lhs = diff.0.magnitude * r.1.magnitude * r.1.magnitude * 10_000
            let rhs = diff.1.magnitude
            if !(lhs < rhs) { return nil }
        }
        return NumberArithmetic.exact(r.0, r.1)
    }

    private static func exactValueOptional(_ x: Double) -> (BigInt, BigInt)? {
        x.isFinite ? exactValue(x) : nil
    }

    /// The exact rational value of a double.
    static func exactValue(_ x: Double) -> (BigInt, BigInt) {
        if x == 0 { return (0, 1) }
        let significand = BigInt(x.significandBitPattern | (x.isNormal ? 1 << 52 : 0))
        let exponent = Int(x.exponent) - 52
        let signed = x < 0 ? -significand : significand
        if exponent >= 0 { return (signed << exponent, 1) }
        let d = BigInt(1) << (-exponent)
        let g = BigInt(signed.magnitude.greatestCommonDivisor(with: d.magnitude))
        return (signed / g, d / g)
    }

    private static func add(_ a: (BigInt, BigInt), _ b: (BigInt, BigInt)) -> (BigInt, BigInt) {
        (a.0 * b.1 + b.0 * a.1, a.1 * b.1)
    }

    private static func sub(_ a: (BigInt, BigInt), _ b: (BigInt, BigInt)) -> (BigInt, BigInt) {
        (a.0 * b.1 - b.0 * a.1, a.1 * b.1)
    }

    /// The rational with the smallest denominator in [lo, hi] (Stern-Brocot descent).
    static func simplest(_ lo: (BigInt, BigInt), _ hi: (BigInt, BigInt)) -> (BigInt, BigInt) {
        // Work with non-negative intervals; mirror negative ones.
        if hi.0.signum() < 0 {
            let r = simplest((-hi.0, hi.1), (-lo.0, lo.1))
            return (-r.0, r.1)
        }
        if lo.0.signum() <= 0 { return (0, 1) }
        func floorDiv(_ n: BigInt, _ d: BigInt) -> BigInt {
            let (q, r) = n.quotientAndRemainder(dividingBy: d)
            return r.signum() < 0 ? q - 1 : q
        }
        let fl = floorDiv(lo.0, lo.1)
        if fl * lo.1 == lo.0 { return (fl, 1) }
        if (fl + 1) * hi.1 <= hi.0 { return (fl + 1, 1) }
        // lo, hi in (fl, fl + 1): recurse on the reciprocals of the fractional parts.
        let loFrac = (lo.0 - fl * lo.1, lo.1), hiFrac = (hi.0 - fl * hi.1, hi.1)
        let r = simplest((hiFrac.1, hiFrac.0), (loFrac.1, loFrac.0))
        // fl + 1/r
        return (fl * r.0 + r.1, r.0)
    }

    // MARK: Numerator and Denominator

    static func fractionPart(_ k: Kernel, _ c: Call, numerator: Bool) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        let sys = k.sys
        let x = c[0]
        switch x {
        case .integer, .bigInteger, .real: return numerator ? x : .integer(1)
        case .rational(let n, let d): return .integer(numerator ? n : d)
        case .complex(let re, let im):
            guard let (a, b) = NumberArithmetic.ratio(re), let (p, q) = NumberArithmetic.ratio(im) else {
                return numerator ? x : .integer(1)
            }
            let l = b * q / BigInt(b.magnitude.greatestCommonDivisor(with: q.magnitude))
            if numerator { return NumberArithmetic.complex(.integer(a * (l / b)), .integer(p * (l / q))) }
            return .integer(l)
        default: break
        }
        let factors = x.hasHead(sys.Times) ? x.arguments : [x]
        var kept: [Expr] = []
        for f in factors {
            if case .rational(let n, let d) = f {
                kept.append(.integer(numerator ? n : d))
                continue
            }
            let (base, exponent) = ProductBuilder.powerParts(k, f)
            let negative = TrigonometricFunctions.isNegative(k, exponent) && !exponent.isSymbol(sys.Indeterminate)
            if negative == !numerator {
                kept.append(negative ? try k.evaluate(Expr(sys.Power, base, NumberArithmetic.isReal(exponent)
                    ? NumberArithmetic.negate(exponent) : Expr(sys.Times, .integer(-1), exponent))) : f)
            }
        }
        if kept.isEmpty { return .integer(1) }
        return try k.evaluate(Expr(sys.Times, kept))
    }

    // MARK: UnitStep and KroneckerDelta

    static func unitStep(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        for a in c.arguments {
            guard let v = ComparisonBuiltins.realValue(k, a) else { return nil }
            if v < 0 { return .integer(0) }
        }
        return .integer(1)
    }

    static func kroneckerDelta(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        if c.count <= 1 {
            if c.count == 0 { return .integer(1) }
            if c[0].isNumber { return .integer(NumberArithmetic.isZero(c[0]) ? 1 : 0) }
            return nil
        }
        var undecided = false
        for i in 1..<c.count {
            switch ComparisonBuiltins.equal(k, c[0], c[i]) {
            case .some(false): return .integer(0)
            case .some(true): continue
            case nil: undecided = true
            }
        }
        return undecided ? nil : .integer(1)
    }
}
