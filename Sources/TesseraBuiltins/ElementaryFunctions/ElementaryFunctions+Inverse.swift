// Inverse circular and hyperbolic functions: ArcSin ... ArcCsch, ArcTan[x, y], and the Degrees forms.
//
// Exact values come from the table of exact circular values read backwards (ArcSin[Sqrt[3]/2] is
// Pi/3 because Sin[Pi/3] is Sqrt[3]/2); odd functions take the sign out, ArcCos[-x] = Pi - ArcCos[x].

import BigInt
import TesseraCore
import TesseraExpr

#if canImport(Glibc)
import Glibc
#endif

enum InverseFunctions {
    static let numeric: Attributes = [.listable, .numericFunction, .protected]

    static let names = ["ArcSin", "ArcCos", "ArcTan", "ArcCot", "ArcSec", "ArcCsc"]
    static let hyperbolicNames = ["ArcSinh", "ArcCosh", "ArcTanh", "ArcCoth", "ArcSech", "ArcCsch"]

    static let table: [BuiltinSpec] =
        TrigFunction.allCases.map { f in
            BuiltinSpec(names[f.rawValue], attributes: numeric, { k, c throws(Interrupt) in try inverse(k, c, f) })
        } + TrigFunction.allCases.map { f in
            BuiltinSpec(hyperbolicNames[f.rawValue], attributes: numeric, { k, c throws(Interrupt) in
                try inverseHyperbolic(k, c, f)
            })
        } + TrigFunction.allCases.map { f in
            BuiltinSpec(names[f.rawValue] + "Degrees", attributes: numeric, { k, c throws(Interrupt) in
                try inverseDegrees(k, c, f)
            })
        }

    /// The angles c Pi, c in [0, 1/2], whose circular values are exact.
    static let angles: [Expr] = [.integer(0), .rational(1, 12), .rational(1, 10), .rational(1, 6), .rational(1, 5),
                                 .rational(1, 4), .rational(3, 10), .rational(1, 3), .rational(2, 5), .rational(5, 12),
                                 .rational(1, 2)]

    final class ValueTable {
        var byFunction: [Int: [Expr: Expr]] = [:]
    }

    /// value -> angle multiple, for f in [0, Pi/2].
    static func valueTable(_ k: Kernel, _ f: TrigFunction) throws(Interrupt) -> [Expr: Expr] {
        let state = k.extensionState(ValueTable.self) { ValueTable() }
        if let t = state.byFunction[f.rawValue] { return t }
        var t: [Expr: Expr] = [:]
        for a in angles {
            let v = try TrigonometricFunctions.exactValue(k, f, a)
            if t[v] == nil { t[v] = a }
        }
        state.byFunction[f.rawValue] = t
        return t
    }

    static func piTimes(_ k: Kernel, _ c: Expr) throws(Interrupt) -> Expr {
        try k.evaluate(Expr(k.sys.Times, c, .symbol(k.sys.Pi)))
    }

    static func inverse(_ k: Kernel, _ c: Call, _ f: TrigFunction) throws(Interrupt) -> Expr? {
        let sys = k.sys
        if f == .tan && c.count == 2 { return try arcTan2(k, c[0], c[1]) }
        guard k.checkCount(c, 1, 1) else { return nil }
        let x = c[0]
        if case .packed = x {
            return nil
        }
        if x.isSymbol(sys.Indeterminate) { return x }
        if let kind = ArithmeticBuiltins.infiniteKind(k, x) {
            guard case .directed(let d) = kind else { return nil }
            switch f {
            case .tan, .cot:
                guard NumberArithmetic.isReal(d) else { return nil }
                if f == .cot { return .integer(0) }
                return try piTimes(k, .rational(BigInt(NumberArithmetic.sign(d)), 2))
            case .sin, .cos:
                // ArcCos[I Infinity] = -I Infinity
                if f == .cos, case .complex(let re, let im) = d, NumberArithmetic.isExactZero(re) {
                    return Expr(sys.DirectedInfinity, .complex(.integer(0), NumberArithmetic.negateReal(im)))
                }
                if f == .sin, case .complex(let re, let im) = d, NumberArithmetic.isExactZero(re) {
                    return Expr(sys.DirectedInfinity, .complex(.integer(0), im))
                }
                return nil
            case .sec, .csc:
                return f == .sec ? try piTimes(k, .rational(1, 2)) : .integer(0)
            }
        }
        if x.isNumber && NumberArithmetic.isInexact(x) {
            guard let z = NumberArithmetic.machineComplex(x),
                  let v = ElementaryFunctions.machineFunction(k, TrigonometricFunctions.symbol(k, names[f.rawValue]))?([z])
            else { return nil }
            return TrigonometricFunctions.machineResult(k, v, real: true)
        }
        if let v = try TrigonometricFunctions.inexactNumeric(k, x, names[f.rawValue]) { return v }
        if NumberArithmetic.isExactZero(x) {
            switch f {
            case .sin, .tan: return .integer(0)
            case .cos, .cot: return try piTimes(k, .rational(1, 2))
            case .sec: return ArithmeticBuiltins.complexInfinity(k)
            case .csc: return ArithmeticBuiltins.complexInfinity(k)
            }
        }
        if TrigonometricFunctions.isNegative(k, x) {
            let negated = try TrigonometricFunctions.negate(k, x)
            let value = Expr(TrigonometricFunctions.symbol(k, names[f.rawValue]), negated)
            if f == .cos || f == .sec || f == .cot {
                // ArcCos[-x] = Pi - ArcCos[x]; ArcCot is odd in Mathematica.
                if f == .cot { return Expr(sys.Times, .integer(-1), value) }
                let v = try k.evaluate(value)
                if v.hasHead(TrigonometricFunctions.symbol(k, names[f.rawValue])) { return nil }
                return Expr(sys.Plus, .symbol(sys.Pi), Expr(sys.Times, .integer(-1), v))
            }
            return Expr(sys.Times, .integer(-1), value)
        }
        if NumericValue.isNumeric(k, x) {
            let table = try valueTable(k, f)
            if let a = table[x] { return try piTimes(k, a) }
        }
        return nil
    }

    /// ArcTan[x, y]: the argument of x + I y.
    static func arcTan2(_ k: Kernel, _ x: Expr, _ y: Expr) throws(Interrupt) -> Expr? {
        let sys = k.sys
        if NumberArithmetic.isInexact(x) || NumberArithmetic.isInexact(y) {
            guard let a = NumericValue.real(k, x), let b = NumericValue.real(k, y) else { return nil }
            return .real(atan2(b, a))
        }
        guard let sx = NumericValue.sign(k, x), let sy = NumericValue.sign(k, y) else { return nil }
        if sx == 0 && sy == 0 {
            k.message(TrigonometricFunctions.symbol(k, "ArcTan"), "indet", Expr(sys.ArcTan, x, y))
            return .symbol(sys.Indeterminate)
        }
        if sx == 0 { return try piTimes(k, .rational(BigInt(sy), 2)) }
        let base = try k.evaluate(Expr(sys.ArcTan, Expr(sys.Times, y, Expr(sys.Power, x, .integer(-1)))))
        if sx > 0 { return base }
        if sy >= 0 { return try k.evaluate(Expr(sys.Plus, base, .symbol(sys.Pi))) }
        return try k.evaluate(Expr(sys.Plus, base, Expr(sys.Times, .integer(-1), .symbol(sys.Pi))))
    }

    static func inverseHyperbolic(_ k: Kernel, _ c: Call, _ f: TrigFunction) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        let x = c[0]
        let sys = k.sys
        if case .packed = x { return nil }
        if x.isSymbol(sys.Indeterminate) { return x }
        let name = hyperbolicNames[f.rawValue]
        if x.isNumber && NumberArithmetic.isInexact(x) {
            guard let z = NumberArithmetic.machineComplex(x),
                  let v = ElementaryFunctions.machineFunction(k, TrigonometricFunctions.symbol(k, name))?([z]) else { return nil }
            return TrigonometricFunctions.machineResult(k, v, real: true)
        }
        if let v = try TrigonometricFunctions.inexactNumeric(k, x, name) { return v }
        switch (f, x) {
        case (.sin, .integer(0)), (.tan, .integer(0)): return .integer(0)
        case (.cos, .integer(1)), (.sec, .integer(1)): return .integer(0)
        case (.cot, .integer(1)), (.tan, .integer(1)): return Expr(sys.DirectedInfinity, .integer(1))
        case (.cot, .integer(-1)), (.tan, .integer(-1)): return Expr(sys.DirectedInfinity, .integer(-1))
        case (.sec, .integer(0)): return Expr(sys.DirectedInfinity, .integer(1))
        case (.csc, .integer(0)): return ArithmeticBuiltins.complexInfinity(k)
        case (.cos, .integer(0)): return try k.evaluate(Expr(sys.Times, .complex(.integer(0), .rational(1, 2)), .symbol(sys.Pi)))
        case (.cot, .integer(0)): return try k.evaluate(Expr(sys.Times, .complex(.integer(0), .rational(1, 2)), .symbol(sys.Pi)))
        default: break
        }
        if f != .cos && f != .sec && TrigonometricFunctions.isNegative(k, x) {
            let negated = try TrigonometricFunctions.negate(k, x)
            return Expr(sys.Times, .integer(-1), Expr(TrigonometricFunctions.symbol(k, name), negated))
        }
        return nil
    }

    static func inverseDegrees(_ k: Kernel, _ c: Call, _ f: TrigFunction) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        let sys = k.sys
        let inverseSymbol = TrigonometricFunctions.symbol(k, names[f.rawValue])
        let angle = try k.evaluate(Expr(inverseSymbol, c[0]))
        if angle.hasHead(inverseSymbol) { return nil }
        return Expr(sys.Times, .integer(180), Expr(sys.Power, .symbol(sys.Pi), .integer(-1)), angle)
    }
}
