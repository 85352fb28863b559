// Power: numbers to numbers, the identities Mathematica applies to symbolic powers, and powers of
// infinite quantities.
//
// Symbolic rules (all automatic in Mathematica):
//   x^0 -> 1, x^1 -> x, 1^x -> 1;
//   (x^a)^n -> x^(a n) for an integer n, or for a real number -1 < a < 1;
//   (a b)^n -> a^n b^n for an integer n; a positive number factor comes out of any power:
//   (2 x)^y -> 2^y x^y, and a negative one leaves its sign: (-2 x)^(1/2) -> Sqrt[2] Sqrt[-x];
//   E^(c Log[x] + y) -> x^c E^y, E^(n I Pi/2) -> 1, I, -1, -I.
// An inexact number with a numeric quantity (`Pi^2.`, `2.^Sqrt[2]`) is computed in machine numbers.

import BigInt
import TesseraCore
import TesseraExpr
import TesseraNumerics

#if canImport(Glibc)
import Glibc
#endif

extension ArithmeticBuiltins {
    static func power(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let sys = k.sys
        switch c.count {
        case 0: return .integer(1)
        case 1: return c[0]
        case 2: break
        default:
            return Expr(sys.Power, c[0], Expr(sys.Power, Array(c.arguments.dropFirst())))
        }
        let base = c[0], exponent = c[1]
        if base.isList(sys) || exponent.isList(sys) {
            if base.isSymbol(sys.E), case .packed(let p) = exponent, p.type != .integer,
               let r = try k.numeric({ () throws(NumericsError) in try Elementwise.unary(.exp, p) }) {
                return .packed(r)
            }
            return try PackedArithmetic.fold(k, .power, [base, exponent], head: c.head)
        }
        if base.isSymbol(sys.Indeterminate) || exponent.isSymbol(sys.Indeterminate) {
            return .symbol(sys.Indeterminate)
        }
        if infiniteKind(k, base) != nil || infiniteKind(k, exponent) != nil {
            return try infinitePower(k, base, exponent, original: c.expr)
        }
        if base.isNumber && exponent.isNumber {
            return try numberPower(k, base, exponent, original: c.expr)
        }
        if NumberArithmetic.isExactZero(exponent) {
            return .integer(1)
        }
        if NumberArithmetic.isExactOne(exponent) { return base }
        if NumberArithmetic.isExactOne(base) { return base }
        if case .real(let e) = exponent, e == 0 { return .real(1) }

        // Machine evaluation of numeric quantities with an inexact number.
        if NumberArithmetic.isInexact(base) || NumberArithmetic.isInexact(exponent),
           NumericValue.isNumeric(k, base), NumericValue.isNumeric(k, exponent),
           let b = NumericValue.machine(k, base), let e = NumericValue.machine(k, exponent) {
            return machinePower(b, e)
        }

        if case .normal(let n) = base, case .symbol(let h) = n.head {
            if n.arguments.count == 1, h.context == "System`", let name = ProductBuilder.reciprocalOf[h.name],
               NumberArithmetic.isReal(exponent), NumberArithmetic.sign(exponent) < 0 {
                let reciprocal = Expr(k.symbols.intern(fullName: "System`" + name), n.arguments)
                return Expr(sys.Power, reciprocal, NumberArithmetic.negate(exponent))
            }
            if h === sys.Power, n.arguments.count == 2 {
                let inner = n.arguments[1]
                if isInteger(exponent) || isRealBetweenMinusOneAndOne(inner) {
                    return Expr(sys.Power, n.arguments[0], Expr(sys.Times, inner, exponent))
                }
            }
            if h === sys.Times {
                if isInteger(exponent) {
                    return Expr(sys.Times, n.arguments.map { Expr(sys.Power, $0, exponent) })
                }
                if let first = n.arguments.first, NumberArithmetic.isReal(first) {
                    let magnitude = NumberArithmetic.absReal(first)
                    if !NumberArithmetic.isExactOne(magnitude) {
                        var rest = Array(n.arguments.dropFirst())
                        if NumberArithmetic.sign(first) < 0 { rest.insert(.integer(-1), at: 0) }
                        let restExpr = rest.count == 1 ? rest[0] : Expr(sys.Times, rest)
                        return Expr(sys.Times, Expr(sys.Power, magnitude, exponent), Expr(sys.Power, restExpr, exponent))
                    }
                }
            }
        }
        if base.isSymbol(sys.E) {
            if case .normal(let n) = exponent, n.head.isSymbol(sys.Log), n.arguments.count == 1 {
                return n.arguments[0]
            }
            if let r = imaginaryPiMultiple(k, exponent), r.isExactNumber,
               case .integer(let twice) = NumberArithmetic.multiplyReal(r, .integer(2)) {
                return [Expr.integer(1), .complex(.integer(0), .integer(1)), .integer(-1),
                        .complex(.integer(0), .integer(-1))][((twice % 4) + 4) % 4]
            }
            if let power = logFactor(k, exponent) { return power }
            if case .normal(let n) = exponent, n.head.isSymbol(sys.Plus) {
                var factors: [Expr] = []
                var rest: [Expr] = []
                for t in n.arguments {
                    if let p = logFactor(k, t) { factors.append(p) } else { rest.append(t) }
                }
                if !factors.isEmpty {
                    if !rest.isEmpty {
                        factors.append(Expr(sys.Power, .symbol(sys.E), rest.count == 1 ? rest[0] : Expr(sys.Plus, rest)))
                    }
                    return Expr(sys.Times, factors)
                }
            }
        }
        return c.expr
    }

    /// x^c for a term c Log[x] of an exponent of E.
    static func logFactor(_ k: Kernel, _ t: Expr) -> Expr? {
        if case .normal(let n) = t, n.head.isSymbol(k.sys.Log), n.arguments.count == 1 { return n.arguments[0] }
        if case .normal(let n) = t, n.head.isSymbol(k.sys.Times), n.arguments.count == 2,
           case .normal(let l) = n.arguments[1], l.head.isSymbol(k.sys.Log), l.arguments.count == 1 {
            return Expr(k.sys.Power, l.arguments[0], n.arguments[0])
        }
        if case .normal(let n) = t, n.head.isSymbol(k.sys.Times), n.arguments.count == 2,
           case .normal(let l) = n.arguments[0], l.head.isSymbol(k.sys.Log), l.arguments.count == 1 {
            return Expr(k.sys.Power, l.arguments[0], n.arguments[1])
        }
        return nil
    }

    static func isInteger(_ e: Expr) -> Bool {
        switch e {
        case .integer, .bigInteger: return true
        default: return false
        }
    }

    private static func isRealBetweenMinusOneAndOne(_ e: Expr) -> Bool {
        guard NumberArithmetic.isReal(e) else { return false }
        return NumberArithmetic.compare(e, .integer(-1)) > 0 && NumberArithmetic.compare(e, .integer(1)) < 0
    }

    /// r when e is r I Pi for a rational r.
    static func imaginaryPiMultiple(_ k: Kernel, _ e: Expr) -> Expr? {
        guard case .normal(let n) = e, n.head.isSymbol(k.sys.Times), n.arguments.count == 2,
              n.arguments[1].isSymbol(k.sys.Pi), case .complex(let re, let im) = n.arguments[0],
              NumberArithmetic.isExactZero(re), im.isExactNumber else { return nil }
        return im
    }

    static func machinePower(_ b: MachineComplex, _ e: MachineComplex) -> Expr {
        if b.im == 0 && e.im == 0 {
            if b.re >= 0 || e.re == e.re.rounded() {
                return .real(pow(b.re, e.re))
            }
        }
        return NumberArithmetic.machine(MachineComplex.pow(b, e))
    }

    // MARK: Numbers

    /// The shortcut of Power for a non-zero machine base and a machine exponent (the cases in which
    /// `numberPower` says nothing); nil otherwise, also when an integer power overflows.
    static func powerOfMachineNumbers(_ k: Kernel, _ base: Expr, _ exponent: Expr) -> Expr? {
        switch (base, exponent) {
        case (.integer(let b), .integer(let n)) where b != 0:
            return NumberArithmetic.integerPower(base, n)
        case (.real(let b), .integer(let n)) where b != 0:
            return NumberArithmetic.integerPower(base, n)
        case (.integer(let b), .real(let e)) where b != 0:
            return machinePower(MachineComplex(Double(b), 0), MachineComplex(e, 0))
        case (.real(let b), .real(let e)) where b != 0:
            return machinePower(MachineComplex(b, 0), MachineComplex(e, 0))
        default:
            return nil
        }
    }

    static func numberPower(_ k: Kernel, _ base: Expr, _ exponent: Expr, original: Expr) throws(Interrupt) -> Expr? {
        let sys = k.sys
        switch exponent {
        case .integer(let n):
            if NumberArithmetic.isZero(base) {
                if n > 0 { return base }
                if n == 0 {
                    k.message(sys.Power, "indet", Expr(sys.HoldForm, original))
                    return .symbol(sys.Indeterminate)
                }
                k.message(sys.Power, "infy", Expr(sys.HoldForm, original))
                return complexInfinity(k)
            }
            if let r = NumberArithmetic.integerPower(base, n) { return r }
            k.message(sys.General, "ovfl")
            return Expr(sys.Overflow, [])
        case .bigInteger(let n):
            if NumberArithmetic.isExactZero(base) {
                if n.signum() > 0 { return base }
                k.message(sys.Power, "infy", Expr(sys.HoldForm, original))
                return complexInfinity(k)
            }
            if base == .integer(1) { return base }
            if base == .integer(-1) { return .integer(n.isMultiple(of: 2) ? 1 : -1) }
            if let z = NumberArithmetic.machineComplex(base), NumberArithmetic.isInexact(base) {
                return machinePower(z, MachineComplex(Double(n), 0))
            }
            k.message(sys.General, "ovfl")
            return Expr(sys.Overflow, [])
        case .rational(let p, let q):
            if NumberArithmetic.isInexact(base) {
                guard let z = NumberArithmetic.machineComplex(base) else { return nil }
                return machinePower(z, MachineComplex(NumberOrder.divideBig(p, q), 0))
            }
            if case .complex(let re, let im) = base {
                if NumberArithmetic.isExactZero(re), case .integer(let m) = im, m == 1 || m == -1 {
                    let r = NumberArithmetic.exact(m == 1 ? p : -p, q * 2)
                    return Expr(sys.Power, .integer(-1), r)
                }
                return original
            }
            guard let (u, v) = NumberArithmetic.ratio(base) else { return nil }
            if u.isZero {
                if p.signum() > 0 { return .integer(0) }
                k.message(sys.Power, "infy", Expr(sys.HoldForm, original))
                return complexInfinity(k)
            }
            if u == 1 && v == 1 { return .integer(1) }
            return try RationalRoots.power(k, u, v, p, q) ?? original
        case .real(let e):
            if NumberArithmetic.isZero(base) {
                if e > 0 { return NumberArithmetic.isExactZero(base) ? .integer(0) : .real(0) }
                if e == 0 {
                    k.message(sys.Power, "indet", Expr(sys.HoldForm, original))
                    return .symbol(sys.Indeterminate)
                }
                k.message(sys.Power, "infy", Expr(sys.HoldForm, original))
                return complexInfinity(k)
            }
            guard let z = NumberArithmetic.machineComplex(base) else { return nil }
            return machinePower(z, MachineComplex(e, 0))
        case .complex:
            if NumberArithmetic.isInexact(exponent) || NumberArithmetic.isInexact(base) {
                guard let z = NumberArithmetic.machineComplex(base), let w = NumberArithmetic.machineComplex(exponent) else {
                    return nil
                }
                if z.re == 0 && z.im == 0 {
                    if w.re > 0 { return NumberArithmetic.isExactZero(base) ? .integer(0) : .real(0) }
                    k.message(sys.Power, "indet", Expr(sys.HoldForm, original))
                    return .symbol(sys.Indeterminate)
                }
                return NumberArithmetic.machine(MachineComplex.pow(z, w))
            }
            if NumberArithmetic.isExactOne(base) { return base }
            if NumberArithmetic.isExactZero(base) {
                let (re, _) = NumberArithmetic.parts(exponent)
                if NumberArithmetic.sign(re) > 0 { return .integer(0) }
                k.message(sys.Power, "indet", Expr(sys.HoldForm, original))
                return .symbol(sys.Indeterminate)
            }
            return original
        default:
            return nil
        }
    }

    // MARK: Infinite quantities

    static func infinitePower(_ k: Kernel, _ base: Expr, _ exponent: Expr, original: Expr) throws(Interrupt) -> Expr? {
        let sys = k.sys
        func indet() -> Expr {
            k.message(sys.Power, "indet", Expr(sys.HoldForm, original))
            return .symbol(sys.Indeterminate)
        }
        if let b = infiniteKind(k, base) {
            // Exponent: its real part decides.
            var exponentSign: Int? = nil
            var realExponent = true
            if let e = infiniteKind(k, exponent) {
                guard case .directed(let d) = e, let v = NumericValue.machine(k, d) else { return indet() }
                if v.im != 0 { return indet() }
                exponentSign = v.re > 0 ? 2 : -2
            } else if exponent.isNumber || NumericValue.isNumeric(k, exponent) {
                guard let v = NumericValue.machine(k, exponent) else { return original }
                if v.re == 0 { return indet() }
                exponentSign = v.re > 0 ? 1 : -1
                realExponent = v.im == 0
            }
            guard let s = exponentSign else { return original }
            if s < 0 { return .integer(0) }
            if s == 2 || !realExponent { return complexInfinity(k) }
            switch b {
            case .complex: return complexInfinity(k)
            case .directed(let d):
                if NumberArithmetic.isExactOne(d) { return base }
                let direction = try k.evaluate(Expr(sys.Power, d, exponent))
                return Expr(sys.DirectedInfinity, direction)
            }
        }
        // Finite base, infinite exponent.
        guard let e = infiniteKind(k, exponent) else { return original }
        guard case .directed(let d) = e, let dv = NumericValue.machine(k, d) else {
            return base.isNumber ? indet() : original
        }
        guard base.isNumber || NumericValue.isNumeric(k, base), let z = NumericValue.machine(k, base) else {
            return original
        }
        if dv.im != 0 { return indet() }
        let magnitude = dv.re > 0 ? z.magnitude : 1 / z.magnitude
        if magnitude == 1 || !magnitude.isFinite && z.magnitude == 0 && dv.re > 0 {
            if magnitude == 1 { return indet() }
        }
        if magnitude < 1 { return .integer(0) }
        if z.im == 0 && z.re > 0 { return Expr(sys.DirectedInfinity, .integer(1)) }
        return complexInfinity(k)
    }
}
