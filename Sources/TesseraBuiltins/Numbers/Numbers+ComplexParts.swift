// Abs, Sign, Re, Im, Conjugate, Arg, RealAbs.
//
// Numbers are handled exactly (Abs[3 + 4 I] = 5, Arg[1 + I] = Pi/4). A numeric quantity whose
// machine value is real is its own real part; products pull out their numeric coefficients
// (Abs[-2 x] = 2 Abs[x], Re[2 a] = 2 Re[a]), and powers of positive bases use the real and imaginary
// parts of their exponent (Abs[E^z] = E^Re[z]).

import BigInt
import TesseraCore
import TesseraExpr
import TesseraNumerics

#if canImport(Glibc)
import Glibc
#endif

enum ComplexPartBuiltins {
    static let numeric: Attributes = [.listable, .numericFunction, .protected]

    static let table: [BuiltinSpec] = [
        BuiltinSpec("Abs", attributes: numeric, abs),
        BuiltinSpec("RealAbs", attributes: numeric, realAbs),
        BuiltinSpec("Sign", attributes: numeric, sign),
        BuiltinSpec("Re", attributes: numeric, { k, c throws(Interrupt) in try part(k, c, real: true) }),
        BuiltinSpec("Im", attributes: numeric, { k, c throws(Interrupt) in try part(k, c, real: false) }),
        BuiltinSpec("Conjugate", attributes: numeric, conjugate),
        BuiltinSpec("Arg", attributes: numeric, arg),
    ]

    static func symbol(_ k: Kernel, _ name: String) -> Symbol { k.symbols.intern(fullName: "System`" + name) }

    /// A numeric quantity with a real value and no imaginary unit inside.
    static func isRealNumeric(_ k: Kernel, _ e: Expr) -> Bool {
        if NumberArithmetic.isReal(e) { return true }
        guard NumericValue.isNumeric(k, e), !containsComplex(e), let v = NumericValue.machine(k, e) else { return false }
        return v.im == 0
    }

    static func containsComplex(_ e: Expr) -> Bool {
        switch e {
        case .complex: return true
        case .normal(let n): return n.arguments.contains(where: containsComplex)
        default: return false
        }
    }

    /// Functions whose values are real for every argument.
    static let realValued: Set<String> = ["Abs", "Re", "Im", "Arg", "RealAbs", "Floor", "Ceiling", "Round",
                                          "IntegerPart", "Boole", "UnitStep"]

    static func isRealValued(_ k: Kernel, _ e: Expr) -> Bool {
        if isRealNumeric(k, e) { return true }
        if case .normal(let n) = e, case .symbol(let h) = n.head, h.context == "System`", realValued.contains(h.name) {
            return true
        }
        return false
    }

    /// (coefficient, rest) of a product whose leading factor is a number.
    static func coefficient(_ k: Kernel, _ e: Expr) -> (Expr, Expr)? {
        guard case .normal(let n) = e, n.head.isSymbol(k.sys.Times), let first = n.arguments.first, first.isNumber else {
            return nil
        }
        let rest = Array(n.arguments.dropFirst())
        return (first, rest.count == 1 ? rest[0] : Expr(k.sys.Times, rest))
    }

    // MARK: Abs

    static func abs(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        let sys = k.sys
        let x = c[0]
        if case .packed = x { return try PackedArithmetic.unary(k, .abs, x, allowIntegers: true) }
        switch x {
        case .integer, .bigInteger, .rational, .real: return NumberArithmetic.absReal(x)
        case .complex(let re, let im):
            if NumberArithmetic.isInexact(x) { return .real(NumberArithmetic.machineComplex(x)?.magnitude ?? .nan) }
            let norm = NumberArithmetic.addReal(NumberArithmetic.multiplyReal(re, re), NumberArithmetic.multiplyReal(im, im))
            return Expr(sys.Power, norm, .rational(1, 2))
        default: break
        }
        if x.isSymbol(sys.Indeterminate) { return x }
        if ArithmeticBuiltins.infiniteKind(k, x) != nil { return Expr(sys.DirectedInfinity, .integer(1)) }
        if isRealNumeric(k, x), let s = NumericValue.sign(k, x) {
            return s < 0 ? try TrigonometricFunctions.negate(k, x) : x
        }
        guard case .normal(let n) = x, case .symbol(let h) = n.head else { return nil }
        if h === symbol(k, "Abs") { return x }
        if h === sys.Times {
            var pulled: [Expr] = []
            var rest: [Expr] = []
            for f in n.arguments {
                if f.isNumber || (NumericValue.isNumeric(k, f) && NumericValue.machine(k, f) != nil) {
                    pulled.append(Expr(sys.Abs, f))
                } else {
                    rest.append(f)
                }
            }
            if pulled.isEmpty {
                if rest.allSatisfy({ $0.hasHead(sys.Power) }) {
                    return Expr(sys.Times, rest.map { Expr(sys.Abs, $0) })
                }
                return nil
            }
            if !rest.isEmpty {
                pulled.append(Expr(sys.Abs, rest.count == 1 ? rest[0] : Expr(sys.Times, rest)))
            }
            return Expr(sys.Times, pulled)
        }
        if h === sys.Power, n.arguments.count == 2 {
            let base = n.arguments[0], exponent = n.arguments[1]
            if NumberArithmetic.isReal(exponent) && !NumberArithmetic.isInexact(exponent) {
                return Expr(sys.Power, Expr(sys.Abs, base), exponent)
            }
            if isRealNumeric(k, base), NumericValue.sign(k, base) == 1 {
                return Expr(sys.Power, base, Expr(sys.Re, exponent))
            }
        }
        return nil
    }

    static func realAbs(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        if NumberArithmetic.isReal(c[0]) { return NumberArithmetic.absReal(c[0]) }
        if isRealNumeric(k, c[0]) { return Expr(k.sys.Abs, c[0]) }
        return nil
    }

    // MARK: Sign

    static func sign(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        let sys = k.sys
        let x = c[0]
        if case .packed = x { return nil }
        switch x {
        case .integer, .bigInteger, .rational, .real: return .integer(NumberArithmetic.sign(x))
        case .complex:
            if NumberArithmetic.isInexact(x) {
                guard let z = NumberArithmetic.machineComplex(x) else { return nil }
                let m = z.magnitude
                return NumberArithmetic.machine(MachineComplex(z.re / m, z.im / m))
            }
            return Expr(sys.Times, x, Expr(sys.Power, Expr(sys.Abs, x), .integer(-1)))
        default: break
        }
        if x.isSymbol(sys.Indeterminate) { return x }
        if let kind = ArithmeticBuiltins.infiniteKind(k, x) {
            switch kind {
            case .complex: return .symbol(sys.Indeterminate)
            case .directed(let d): return d
            }
        }
        if let s = NumericValue.sign(k, x), isRealNumeric(k, x) { return .integer(s) }
        guard case .normal(let n) = x else { return nil }
        if n.head.isSymbol(sys.Times), let (coefficient, rest) = coefficient(k, x) {
            return Expr(sys.Times, Expr(sys.Sign, coefficient), Expr(sys.Sign, rest))
        }
        if n.head.isSymbol(sys.Power), n.arguments.count == 2, NumberArithmetic.isReal(n.arguments[1]),
           !NumberArithmetic.isInexact(n.arguments[1]) {
            return Expr(sys.Power, Expr(sys.Sign, n.arguments[0]), n.arguments[1])
        }
        return nil
    }

    // MARK: Re, Im

    static func part(_ k: Kernel, _ c: Call, real: Bool) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        let sys = k.sys
        let x = c[0]
        if case .packed = x { return try PackedArithmetic.unary(k, real ? .re : .im, x, allowIntegers: true) }
        if x.isNumber {
            let (re, im) = NumberArithmetic.parts(x)
            if real { return re }
            if NumberArithmetic.isInexact(x), case .integer = im { return .real(0) }
            return im
        }
        if x.isSymbol(sys.Indeterminate) { return x }
        if let kind = ArithmeticBuiltins.infiniteKind(k, x) {
            guard case .directed(let d) = kind, NumberArithmetic.isReal(d) else { return nil }
            return real ? x : .integer(0)
        }
        if isRealValued(k, x) { return real ? x : .integer(0) }
        guard case .normal(let n) = x, case .symbol(let h) = n.head else { return nil }
        let re = sys.Re, im = sys.Im
        if h === symbol(k, "Conjugate"), n.arguments.count == 1 {
            return real ? Expr(re, n.arguments[0]) : Expr(sys.Times, .integer(-1), Expr(im, n.arguments[0]))
        }
        if h === sys.Times, let (coefficient, rest) = coefficient(k, x) {
            // Re[(a + b I) r] = a Re[r] - b Im[r];  Im[(a + b I) r] = b Re[r] + a Im[r]
            let (a, b) = NumberArithmetic.parts(coefficient)
            var terms: [Expr] = []
            if real {
                if !NumberArithmetic.isZero(a) { terms.append(Expr(sys.Times, a, Expr(re, rest))) }
                if !NumberArithmetic.isZero(b) { terms.append(Expr(sys.Times, NumberArithmetic.negate(b), Expr(im, rest))) }
            } else {
                if !NumberArithmetic.isZero(b) { terms.append(Expr(sys.Times, b, Expr(re, rest))) }
                if !NumberArithmetic.isZero(a) { terms.append(Expr(sys.Times, a, Expr(im, rest))) }
            }
            if terms.isEmpty { return .integer(0) }
            return terms.count == 1 ? terms[0] : Expr(sys.Plus, terms)
        }
        if h === sys.Plus {
            var plain: [Expr] = []
            var separate: [Expr] = []
            for t in n.arguments {
                if t.isNumber || NumericValue.isNumeric(k, t) || coefficient(k, t).map({ !NumberArithmetic.isReal($0.0) }) == true {
                    separate.append(Expr(real ? re : im, t))
                } else {
                    plain.append(t)
                }
            }
            if separate.isEmpty { return nil }
            if !plain.isEmpty { separate.append(Expr(real ? re : im, plain.count == 1 ? plain[0] : Expr(sys.Plus, plain))) }
            return Expr(sys.Plus, separate)
        }
        if h === sys.Power, n.arguments.count == 2, n.arguments[0].isSymbol(sys.E) {
            // E^(a + b I) = E^a (Cos[b] + I Sin[b])
            let exponent = n.arguments[1]
            let a = try k.evaluate(Expr(re, exponent)), b = try k.evaluate(Expr(im, exponent))
            if containsHead(a, re) || containsHead(a, im) || containsHead(b, re) || containsHead(b, im) { return nil }
            let trig = Expr(real ? sys.Cos : sys.Sin, b)
            return Expr(sys.Times, Expr(sys.Power, .symbol(sys.E), a), trig)
        }
        if NumericValue.isNumeric(k, x), let v = NumericValue.machine(k, x), !containsComplex(x), v.im == 0 {
            return real ? x : .integer(0)
        }
        return nil
    }

    static func containsHead(_ e: Expr, _ h: Symbol) -> Bool {
        guard case .normal(let n) = e else { return false }
        if n.head.isSymbol(h) { return true }
        return n.arguments.contains { containsHead($0, h) }
    }

    // MARK: Conjugate

    static func conjugate(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        let sys = k.sys
        let x = c[0]
        if case .packed = x { return try PackedArithmetic.unary(k, .conjugate, x, allowIntegers: true) }
        if x.isNumber {
            let (re, im) = NumberArithmetic.parts(x)
            if case .complex = x {
                if NumberArithmetic.isInexact(x) { return .complex(re, NumberArithmetic.negateReal(im)) }
                return NumberArithmetic.complex(re, NumberArithmetic.negateReal(im))
            }
            return x
        }
        if isRealValued(k, x) { return x }
        if let kind = ArithmeticBuiltins.infiniteKind(k, x) {
            guard case .directed(let d) = kind else { return x }
            return Expr(sys.DirectedInfinity, Expr(sys.Conjugate, d))
        }
        guard case .normal(let n) = x, case .symbol(let h) = n.head else { return nil }
        if h === sys.Conjugate, n.arguments.count == 1 { return n.arguments[0] }
        if h === sys.Times || h === sys.Plus {
            return Expr(h, n.arguments.map { Expr(sys.Conjugate, $0) })
        }
        if h === sys.Power, n.arguments.count == 2, NumberArithmetic.isReal(n.arguments[1]) {
            return Expr(sys.Power, Expr(sys.Conjugate, n.arguments[0]), n.arguments[1])
        }
        return nil
    }

    // MARK: Arg

    static func arg(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        let sys = k.sys
        let x = c[0]
        if case .packed(let p) = x, p.type == .complex { return try PackedArithmetic.unary(k, .arg, x) }
        switch x {
        case .integer, .bigInteger, .rational, .real:
            return NumberArithmetic.sign(x) < 0 ? .symbol(sys.Pi) : .integer(0)
        case .complex(let re, let im):
            if NumberArithmetic.isInexact(x) { return .real(NumberArithmetic.machineComplex(x)?.argument ?? .nan) }
            return Expr(sys.ArcTan, re, im)
        default: break
        }
        if x.isSymbol(sys.Indeterminate) { return x }
        if isRealValued(k, x) {
            if let s = NumericValue.sign(k, x) { return s < 0 ? .symbol(sys.Pi) : .integer(0) }
            if case .normal(let n) = x, n.head.isSymbol(sys.Abs) { return .integer(0) }
            return nil
        }
        guard case .normal(let n) = x, case .symbol(let h) = n.head else { return nil }
        if h === sys.Times, let (coefficient, rest) = coefficient(k, x), NumberArithmetic.isReal(coefficient),
           NumberArithmetic.sign(coefficient) > 0 {
            if case .normal(let r) = rest, r.head.isSymbol(sys.Abs) { return .integer(0) }
            return Expr(sys.Arg, rest)
        }
        if h === sys.Power, n.arguments.count == 2 {
            let base = n.arguments[0], exponent = n.arguments[1]
            if case .integer(-1) = base, case .rational = exponent {
                return Expr(sys.Times, exponent, .symbol(sys.Pi))
            }
            if base.isSymbol(sys.E) {
                let b = try k.evaluate(Expr(sys.Im, exponent))
                guard isRealNumeric(k, b), let v = NumericValue.real(k, b) else { return nil }
                // Into (-Pi, Pi].
                let turns = ((v - Double.pi) / (2 * Double.pi)).rounded(.up)
                if turns == 0 { return b }
                return Expr(sys.Plus, b, Expr(sys.Times, .integer(Int(-turns) * 2), .symbol(sys.Pi)))
            }
        }
        if NumericValue.isNumeric(k, x) {
            let re = try k.evaluate(Expr(sys.Re, x)), im = try k.evaluate(Expr(sys.Im, x))
            if re.hasHead(sys.Re) || im.hasHead(sys.Im) { return nil }
            let angle = try k.evaluate(Expr(sys.ArcTan, re, im))
            if angle.hasHead(sys.ArcTan) { return nil }
            return angle
        }
        return nil
    }
}
