// Exp and Log, and the table of machine formulas that numeric evaluation shares.
//
// Exp[x] is E^x (Power does the work: E^Log[x] -> x, E^(I Pi) -> -1). Log gives exact values where
// Mathematica does: Log[1] = 0, Log[E^n] = n, Log[0] = -Infinity, Log[-n] = I Pi + Log[n],
// Log[1/n] = -Log[n], Log[I y] = I Pi/2 + Log[y]; inexact arguments are computed in machine
// numbers (Log[0.] is Indeterminate). Log[b, x] is Log[x]/Log[b], exact when x is a rational power
// of b (Log[2, 8] = 3, Log[4, 8] = 3/2).

import BigInt
import TesseraCore
import TesseraExpr
import TesseraNumerics

#if canImport(Glibc)
import Glibc
#endif

typealias MachineFunction = @Sendable ([MachineComplex]) -> MachineComplex?

enum ElementaryFunctions {
    static let numeric: Attributes = [.listable, .numericFunction, .protected]

    static let table: [BuiltinSpec] = [
        BuiltinSpec("Exp", attributes: numeric, exp),
        BuiltinSpec("Log", attributes: numeric, log),
        BuiltinSpec("Log2", attributes: numeric, log2),
        BuiltinSpec("Log10", attributes: numeric, log10),
    ] + TrigonometricFunctions.table + InverseFunctions.table

    // MARK: Machine formulas

    final class MachineTable {
        var functions: [ObjectIdentifier: MachineFunction] = [:]
    }

    /// The machine formula of a NumericFunction, for NumericValue.
    static func machineFunction(_ k: Kernel, _ head: Symbol) -> MachineFunction? {
        k.extensionState(MachineTable.self) {
            let table = MachineTable()
            for (name, f) in machineFormulas {
                table.functions[ObjectIdentifier(k.symbols.intern(fullName: "System`" + name))] = f
            }
            return table
        }.functions[ObjectIdentifier(head)]
    }

    static func unary(_ f: @escaping @Sendable (MachineComplex) -> MachineComplex) -> MachineFunction {
        { args in args.count == 1 ? f(args[0]) : nil }
    }

    static func realUnary(_ f: @escaping @Sendable (Double) -> Double) -> MachineFunction {
        { args in args.count == 1 && args[0].im == 0 ? MachineComplex(f(args[0].re), 0) : nil }
    }

    static let machineFormulas: [(String, MachineFunction)] = [
        ("Exp", unary(MachineComplex.exp)),
        ("Log", { args in
            if args.count == 1 { return MachineComplex.log(args[0]) }
            if args.count == 2 { return MachineComplex.log(args[1]) / MachineComplex.log(args[0]) }
            return nil
        }),
        ("Log2", unary { MachineComplex.log($0) * (1 / M_LN2) }),
        ("Log10", unary { MachineComplex.log($0) * (1 / M_LN10) }),
        ("Sqrt", unary(MachineComplex.sqrt)),
        ("Sin", unary(MachineComplex.sin)),
        ("Cos", unary(MachineComplex.cos)),
        ("Tan", unary(MachineComplex.tan)),
        ("Cot", unary { MachineComplex.one / MachineComplex.tan($0) }),
        ("Sec", unary { MachineComplex.one / MachineComplex.cos($0) }),
        ("Csc", unary { MachineComplex.one / MachineComplex.sin($0) }),
        ("Sinh", unary(MachineComplex.sinh)),
        ("Cosh", unary(MachineComplex.cosh)),
        ("Tanh", unary(MachineComplex.tanh)),
        ("Coth", unary { MachineComplex.one / MachineComplex.tanh($0) }),
        ("Sech", unary { MachineComplex.one / MachineComplex.cosh($0) }),
        ("Csch", unary { MachineComplex.one / MachineComplex.sinh($0) }),
        ("ArcSin", unary(MachineComplex.asin)),
        ("ArcCos", unary(MachineComplex.acos)),
        ("ArcTan", { args in
            if args.count == 1 { return MachineComplex.atan(args[0]) }
            if args.count == 2, args[0].im == 0, args[1].im == 0 { return MachineComplex(atan2(args[1].re, args[0].re), 0) }
            return nil
        }),
        ("ArcCot", unary { MachineComplex.atan(MachineComplex.one / $0) }),
        ("ArcSec", unary { MachineComplex.acos(MachineComplex.one / $0) }),
        ("ArcCsc", unary { MachineComplex.asin(MachineComplex.one / $0) }),
        ("ArcSinh", unary(MachineComplex.asinh)),
        ("ArcCosh", unary(MachineComplex.acosh)),
        ("ArcTanh", unary(MachineComplex.atanh)),
        ("ArcCoth", unary { MachineComplex.atanh(MachineComplex.one / $0) }),
        ("ArcSech", unary { MachineComplex.acosh(MachineComplex.one / $0) }),
        ("ArcCsch", unary { MachineComplex.asinh(MachineComplex.one / $0) }),
        ("Abs", unary { MachineComplex($0.magnitude, 0) }),
        ("Re", unary { MachineComplex($0.re, 0) }),
        ("Im", unary { MachineComplex($0.im, 0) }),
        ("Conjugate", unary { $0.conjugate }),
        ("Arg", unary { MachineComplex($0.argument, 0) }),
        ("Gamma", realUnary(tgamma)),
        ("Factorial", realUnary { tgamma($0 + 1) }),
        ("Floor", realUnary { $0.rounded(.down) }),
        ("Ceiling", realUnary { $0.rounded(.up) }),
        ("Round", realUnary { $0.rounded(.toNearestOrEven) }),
        ("IntegerPart", realUnary { $0.rounded(.towardZero) }),
        ("FractionalPart", realUnary { $0 - $0.rounded(.towardZero) }),
        ("Sign", unary { z in
            let m = z.magnitude
            return m == 0 ? MachineComplex(0, 0) : MachineComplex(z.re / m, z.im / m)
        }),
    ]

    // MARK: Exp and Log

    static func exp(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        if case .packed(let p) = c[0], p.type != .integer, let r = try PackedArithmetic.unary(k, .exp, c[0]) {
            return r
        }
        return Expr(k.sys.Power, .symbol(k.sys.E), c[0])
    }

    static func log(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        if c.count == 2 { return try logBase(k, c, c[0], c[1]) }
        let x = c[0]
        if case .packed(let p) = x {
            guard p.type != .integer, let r = try PackedArithmetic.unary(k, .log, x) else { return nil }
            return r
        }
        return try naturalLog(k, x, original: c.expr)
    }

    static func naturalLog(_ k: Kernel, _ x: Expr, original: Expr) throws(Interrupt) -> Expr? {
        let sys = k.sys
        switch x {
        case .integer(let n):
            if n == 1 { return .integer(0) }
            if n == 0 { return Expr(sys.DirectedInfinity, .integer(-1)) }
            if n < 0 {
                return Expr(sys.Plus, Expr(sys.Times, .complex(.integer(0), .integer(1)), .symbol(sys.Pi)),
                            Expr(sys.Log, NumberArithmetic.negateReal(x)))
            }
            return original
        case .bigInteger(let b):
            if b.signum() < 0 {
                return Expr(sys.Plus, Expr(sys.Times, .complex(.integer(0), .integer(1)), .symbol(sys.Pi)),
                            Expr(sys.Log, .integer(-b)))
            }
            return original
        case .rational(let n, let d):
            if n.signum() < 0 {
                return Expr(sys.Plus, Expr(sys.Times, .complex(.integer(0), .integer(1)), .symbol(sys.Pi)),
                            Expr(sys.Log, .rational(-n, d)))
            }
            if n == 1 { return Expr(sys.Times, .integer(-1), Expr(sys.Log, .integer(d))) }
            return original
        case .real(let d):
            if d == 0 { return .symbol(sys.Indeterminate) }
            if d > 0 { return .real(Glibc.log(d)) }
            return NumberArithmetic.machine(MachineComplex.log(MachineComplex(d, 0)))
        case .complex(let re, let im):
            if NumberArithmetic.isInexact(x) {
                guard let z = NumberArithmetic.machineComplex(x) else { return nil }
                if z.re == 0 && z.im == 0 { return .symbol(sys.Indeterminate) }
                return NumberArithmetic.machine(MachineComplex.log(z))
            }
            if NumberArithmetic.isExactZero(re) {
                // Log[I y] = Sign[y] I Pi/2 + Log[|y|]
                let s = NumberArithmetic.sign(im)
                return Expr(sys.Plus, Expr(sys.Times, .complex(.integer(0), .rational(BigInt(s), 2)), .symbol(sys.Pi)),
                            Expr(sys.Log, NumberArithmetic.absReal(im)))
            }
            return original
        case .symbol(let s):
            if s === sys.E { return .integer(1) }
            if s === sys.Indeterminate { return x }
            return original
        default:
            break
        }
        if let kind = ArithmeticBuiltins.infiniteKind(k, x) {
            switch kind {
            case .complex: return Expr(sys.DirectedInfinity, .integer(1))
            case .directed: return Expr(sys.DirectedInfinity, .integer(1))
            }
        }
        if case .normal(let n) = x, n.head.isSymbol(sys.Power), n.arguments.count == 2,
           n.arguments[0].isSymbol(sys.E), NumberArithmetic.isReal(n.arguments[1]) {
            return n.arguments[1]
        }
        if ComplexPartBuiltins.isRealNumeric(k, x), NumericValue.sign(k, x) == -1 {
            return Expr(sys.Plus, Expr(sys.Times, .complex(.integer(0), .integer(1)), .symbol(sys.Pi)),
                        Expr(sys.Log, try TrigonometricFunctions.negate(k, x)))
        }
        return original
    }

    private static func logBase(_ k: Kernel, _ c: Call, _ b: Expr, _ x: Expr) throws(Interrupt) -> Expr? {
        let sys = k.sys
        if NumberArithmetic.isInexact(b) || NumberArithmetic.isInexact(x) {
            if b.isNumber && x.isNumber, let bv = NumberArithmetic.machineComplex(b), let xv = NumberArithmetic.machineComplex(x) {
                let r = MachineComplex.log(xv) / MachineComplex.log(bv)
                if r.im == 0 && bv.im == 0 && xv.im == 0 && xv.re > 0 && bv.re > 0 { return .real(r.re) }
                return NumberArithmetic.machine(r)
            }
        }
        if let exponent = exactLog(b, x) { return exponent }
        return Expr(sys.Times, Expr(sys.Log, x), Expr(sys.Power, Expr(sys.Log, b), .integer(-1)))
    }

    /// e with b^e = x for positive rationals b and x and a rational e, if there is one.
    static func exactLog(_ b: Expr, _ x: Expr) -> Expr? {
        guard let (bn, bd) = NumberArithmetic.ratio(b), let (xn, xd) = NumberArithmetic.ratio(x),
              bn.signum() > 0, xn.signum() > 0, !(bn == 1 && bd == 1) else { return nil }
        if xn == 1 && xd == 1 { return .integer(0) }
        // b = r^i, x = r^j for the same root r: write each as a perfect power of its smallest base.
        func smallest(_ n: BigInt, _ d: BigInt) -> (BigInt, BigInt, Int) {
            let bits = max(n.magnitude.bitWidth, d.magnitude.bitWidth)
            var j = min(bits, 64)
            while j >= 2 {
                if let rn = RationalRoots.exactRoot(n.magnitude, j), let rd = RationalRoots.exactRoot(d.magnitude, j) {
                    return (BigInt(rn), BigInt(rd), j)
                }
                j -= 1
            }
            return (n, d, 1)
        }
        let (br, bdr, i) = smallest(bn, bd)
        let (xr, xdr, j) = smallest(xn, xd)
        if br == xr && bdr == xdr { return NumberArithmetic.exact(BigInt(j), BigInt(i)) }
        if br == xdr && bdr == xr { return NumberArithmetic.exact(BigInt(-j), BigInt(i)) }
        return nil
    }

    static func log2(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        return Expr(k.sys.Log, .integer(2), c[0])
    }

    static func log10(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        return Expr(k.sys.Log, .integer(10), c[0])
    }
}
