// Sin, Cos, Tan, Cot, Sec, Csc and their hyperbolic counterparts.
//
// Exact arguments are brought to Mathematica's normal form:
// - an argument whose leading term is negative uses the parity (Sin[-x] -> -Sin[x]);
// - a multiple of Pi (or Degree) inside the argument is reduced by the period and then into
//   [-Pi/4, Pi/4] through the complementary function (Sin[a + Pi/3] -> Cos[a - Pi/6]);
// - c Pi alone gives exact values for c with denominators 1, 2, 3, 4, 5, 6, 10 and 12 and the
//   reduced form otherwise (Sin[3 Pi/8] -> Cos[Pi/8]);
// - an imaginary argument turns into the hyperbolic function (Sin[I x] -> I Sinh[x]) and back;
// - a function of its inverse (or of another inverse) is algebraic (Sin[ArcCos[x]] -> Sqrt[1 - x^2]).
// Inexact arguments are computed in machine numbers, packed arrays on their buffers.

import BigInt
import TesseraCore
import TesseraExpr
import TesseraNumerics

enum TrigFunction: Int, CaseIterable {
    case sin, cos, tan, cot, sec, csc

    var name: String { ["Sin", "Cos", "Tan", "Cot", "Sec", "Csc"][rawValue] }
    var hyperbolicName: String { ["Sinh", "Cosh", "Tanh", "Coth", "Sech", "Csch"][rawValue] }
    /// Odd functions change sign with their argument.
    var isOdd: Bool { self != .cos && self != .sec }
    /// Period in units of Pi.
    var period: Int { self == .tan || self == .cot ? 1 : 2 }
    /// f(t + Pi/2) = sign * g(t).
    var quarterShift: (TrigFunction, Int) {
        switch self {
        case .sin: return (.cos, 1)
        case .cos: return (.sin, -1)
        case .tan: return (.cot, -1)
        case .cot: return (.tan, -1)
        case .sec: return (.csc, -1)
        case .csc: return (.sec, 1)
        }
    }
    /// f(t - Pi/2) = sign * g(t).
    var quarterShiftBack: (TrigFunction, Int) {
        switch self {
        case .sin: return (.cos, -1)
        case .cos: return (.sin, 1)
        case .tan: return (.cot, -1)
        case .cot: return (.tan, -1)
        case .sec: return (.csc, 1)
        case .csc: return (.sec, -1)
        }
    }
    /// Sin[I y] = I Sinh[y], Cos[I y] = Cosh[y], ...: the factor (as an imaginary multiple).
    var imaginaryFactor: Int { [1, 0, 1, -1, 0, -1][rawValue] }
}

enum TrigonometricFunctions {
    static let numeric: Attributes = [.listable, .numericFunction, .protected]

    static let table: [BuiltinSpec] =
        TrigFunction.allCases.map { f in
            BuiltinSpec(f.name, attributes: numeric, { k, c throws(Interrupt) in try circular(k, c, f) })
        } + TrigFunction.allCases.map { f in
            BuiltinSpec(f.hyperbolicName, attributes: numeric, { k, c throws(Interrupt) in try hyperbolic(k, c, f) })
        } + [
            BuiltinSpec("SinDegrees", attributes: numeric, { k, c throws(Interrupt) in try degrees(k, c, .sin) }),
            BuiltinSpec("CosDegrees", attributes: numeric, { k, c throws(Interrupt) in try degrees(k, c, .cos) }),
            BuiltinSpec("TanDegrees", attributes: numeric, { k, c throws(Interrupt) in try degrees(k, c, .tan) }),
            BuiltinSpec("CotDegrees", attributes: numeric, { k, c throws(Interrupt) in try degrees(k, c, .cot) }),
            BuiltinSpec("SecDegrees", attributes: numeric, { k, c throws(Interrupt) in try degrees(k, c, .sec) }),
            BuiltinSpec("CscDegrees", attributes: numeric, { k, c throws(Interrupt) in try degrees(k, c, .csc) }),
        ]

    static func symbol(_ k: Kernel, _ name: String) -> Symbol { k.symbols.intern(fullName: "System`" + name) }

    static func degrees(_ k: Kernel, _ c: Call, _ f: TrigFunction) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        return Expr(symbol(k, f.name), Expr(k.sys.Times, c[0], .symbol(k.sys.Degree)))
    }

    /// Exact values at c Pi for c in [0, 1/4]: sin, cos, tan, cot, sec, csc.
    static let exactValues: [Expr: [String]] = [
        .integer(0): ["0", "1", "0", "ComplexInfinity", "1", "ComplexInfinity"],
        .rational(1, 12): ["(-1 + Sqrt[3])/(2 Sqrt[2])", "(1 + Sqrt[3])/(2 Sqrt[2])", "2 - Sqrt[3]", "2 + Sqrt[3]",
                           "Sqrt[2] (-1 + Sqrt[3])", "Sqrt[2] (1 + Sqrt[3])"],
        .rational(1, 10): ["(-1 + Sqrt[5])/4", "Sqrt[5/8 + Sqrt[5]/8]", "Sqrt[1 - 2/Sqrt[5]]", "Sqrt[5 + 2 Sqrt[5]]",
                           "1/Sqrt[5/8 + Sqrt[5]/8]", "1 + Sqrt[5]"],
        .rational(1, 6): ["1/2", "Sqrt[3]/2", "1/Sqrt[3]", "Sqrt[3]", "2/Sqrt[3]", "2"],
        .rational(1, 5): ["Sqrt[5/8 - Sqrt[5]/8]", "(1 + Sqrt[5])/4", "Sqrt[5 - 2 Sqrt[5]]", "Sqrt[1 + 2/Sqrt[5]]",
                          "-1 + Sqrt[5]", "1/Sqrt[5/8 - Sqrt[5]/8]"],
        .rational(1, 4): ["1/Sqrt[2]", "1/Sqrt[2]", "1", "1", "Sqrt[2]", "Sqrt[2]"],
    ]

    // MARK: Circular functions

    static func circular(_ k: Kernel, _ c: Call, _ f: TrigFunction) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        let x = c[0]
        let sys = k.sys
        if case .packed = x {
            switch f {
            case .sin: return try PackedArithmetic.unary(k, .sin, x)
            case .cos: return try PackedArithmetic.unary(k, .cos, x)
            case .tan: return try PackedArithmetic.unary(k, .tan, x)
            default: return nil
            }
        }
        if x.isSymbol(sys.Indeterminate) { return x }
        if let kind = ArithmeticBuiltins.infiniteKind(k, x) {
            switch kind {
            case .complex: return .symbol(sys.Indeterminate)
            case .directed(let d):
                guard NumberArithmetic.isReal(d) else { return nil }
                switch f {
                case .sin, .cos: return try FormulaTemplates.value(k, "Interval[{-1, 1}]")
                case .tan, .cot: return try FormulaTemplates.value(k, "Interval[{-Infinity, Infinity}]")
                case .sec, .csc: return try FormulaTemplates.value(k, "Interval[{-Infinity, -1}, {1, Infinity}]")
                }
            }
        }
        if NumberArithmetic.isInexact(x) && x.isNumber {
            guard let z = NumberArithmetic.machineComplex(x),
                  let v = ElementaryFunctions.machineFunction(k, symbol(k, f.name))?([z]) else { return nil }
            return machineResult(k, v, real: !(x.isNumber && !NumberArithmetic.isReal(x)))
        }
        if NumberArithmetic.isInexact(x) == false, let v = try inexactNumeric(k, x, f.name) { return v }
        if let inverse = try ofInverse(k, f, x) { return inverse }
        if isNegative(k, x) {
            let negated = try negate(k, x)
            let value = Expr(symbol(k, f.name), negated)
            return f.isOdd ? Expr(sys.Times, .integer(-1), value) : value
        }
        if let y = imaginaryPart(k, x) {
            let h = Expr(symbol(k, f.hyperbolicName), try k.evaluate(y))
            switch f.imaginaryFactor {
            case 0: return h
            default: return Expr(sys.Times, .complex(.integer(0), .integer(f.imaginaryFactor)), h)
            }
        }
        guard let (rest, multiple) = piMultiple(k, x) else { return nil }
        if rest == nil {
            let value = try exactValue(k, f, multiple)
            return value == c.expr ? nil : value
        }
        return try shifted(k, f, rest ?? .integer(0), multiple, original: c.expr)
    }

    static func machineResult(_ k: Kernel, _ v: MachineComplex, real: Bool) -> Expr {
        if !v.isFinite { return ArithmeticBuiltins.complexInfinity(k) }
        if real && v.im == 0 { return .real(v.re) }
        return NumberArithmetic.machine(v)
    }

    /// f[x] for a numeric x holding an inexact number (Cos[2.0 Pi]): computed in machine numbers.
    static func inexactNumeric(_ k: Kernel, _ x: Expr, _ name: String) throws(Interrupt) -> Expr? {
        guard !x.isNumber, containsInexact(x), NumericValue.isNumeric(k, x), let z = NumericValue.machine(k, x),
              let v = ElementaryFunctions.machineFunction(k, symbol(k, name))?([z]) else { return nil }
        return machineResult(k, v, real: z.im == 0)
    }

    static func containsInexact(_ e: Expr) -> Bool {
        switch e {
        case .real: return true
        case .complex: return NumberArithmetic.isInexact(e)
        case .normal(let n): return n.arguments.contains(where: containsInexact)
        default: return false
        }
    }

    /// The leading term is negative: a negative number, or a product or sum led by one.
    static func isNegative(_ k: Kernel, _ e: Expr) -> Bool {
        switch e {
        case .integer, .bigInteger, .rational, .real: return NumberArithmetic.sign(e) < 0
        case .complex(let re, let im):
            let s = NumberArithmetic.sign(re)
            return s < 0 || (s == 0 && NumberArithmetic.sign(im) < 0)
        case .normal(let n):
            guard let first = n.arguments.first else { return false }
            if n.head.isSymbol(k.sys.Times) { return first.isNumber && isNegative(k, first) }
            if n.head.isSymbol(k.sys.Plus) { return isNegative(k, first) }
            return false
        default: return false
        }
    }

    /// y when x = I y (an imaginary number or a product with an imaginary coefficient).
    static func imaginaryPart(_ k: Kernel, _ x: Expr) -> Expr? {
        if case .complex(let re, let im) = x, NumberArithmetic.isExactZero(re) { return im }
        if case .normal(let n) = x, n.head.isSymbol(k.sys.Times), let first = n.arguments.first,
           case .complex(let re, let im) = first, NumberArithmetic.isExactZero(re) {
            var rest = Array(n.arguments.dropFirst())
            if !NumberArithmetic.isExactOne(im) { rest.insert(im, at: 0) }
            return rest.count == 1 ? rest[0] : Expr(k.sys.Times, rest)
        }
        return nil
    }

    /// x = rest + c Pi with a rational c (rest nil when x is c Pi alone); nil when no multiple of Pi.
    static func piMultiple(_ k: Kernel, _ x: Expr) -> (Expr?, Expr)? {
        func multiple(_ e: Expr) -> Expr? {
            if case .integer(0) = e { return .integer(0) }   // Sin[0], Cos[0]: the values at 0 Pi
            if e.isSymbol(k.sys.Pi) { return .integer(1) }
            if e.isSymbol(k.sys.Degree) { return .rational(1, 180) }
            if case .normal(let n) = e, n.head.isSymbol(k.sys.Times), n.arguments.count == 2,
               NumberArithmetic.isReal(n.arguments[0]), !NumberArithmetic.isInexact(n.arguments[0]) {
                if n.arguments[1].isSymbol(k.sys.Pi) { return n.arguments[0] }
                if n.arguments[1].isSymbol(k.sys.Degree) {
                    return NumberArithmetic.multiplyReal(n.arguments[0], .rational(1, 180))
                }
            }
            return nil
        }
        if let m = multiple(x) { return (nil, m) }
        guard case .normal(let n) = x, n.head.isSymbol(k.sys.Plus) else { return nil }
        var total: Expr? = nil
        var rest: [Expr] = []
        for a in n.arguments {
            if let m = multiple(a) { total = total.map { NumberArithmetic.addReal($0, m) } ?? m } else { rest.append(a) }
        }
        guard let t = total else { return nil }
        return (rest.count == 1 ? rest[0] : Expr(k.sys.Plus, rest), t)
    }

    /// c mod m in [0, m).
    static func reduce(_ c: Expr, modulo m: Int) -> Expr {
        guard let (n, d) = NumberArithmetic.ratio(c) else { return c }
        let period = BigInt(m) * d
        var r = n % period
        if r.signum() < 0 { r += period }
        return NumberArithmetic.exact(r, d)
    }

    /// f(c Pi): exact value, or the reduced form f'(c' Pi) with c' in [0, 1/4].
    static func exactValue(_ k: Kernel, _ f: TrigFunction, _ multiple: Expr) throws(Interrupt) -> Expr {
        var c = reduce(multiple, modulo: f.period)
        var g = f
        var sign = 1
        func cmp(_ a: Expr, _ b: Expr) -> Int { NumberArithmetic.compare(a, b) }
        // Into [0, 1]: f(c) for c in (1, 2) via f(c) = +-f(2 - c) (even) or f(c - 1) with a sign flip.
        if cmp(c, .integer(1)) >= 0 {
            c = NumberArithmetic.addReal(c, .integer(-1))
            sign = -sign
        }
        // Into [0, 1/2]: f(c) = +-f(1 - c).
        if cmp(c, .rational(1, 2)) > 0 {
            c = NumberArithmetic.addReal(.integer(1), NumberArithmetic.negateReal(c))
            if g != .sin && g != .csc { sign = -sign }
        }
        // Into [0, 1/4]: the complementary function at 1/2 - c.
        if cmp(c, .rational(1, 4)) > 0 {
            c = NumberArithmetic.addReal(.rational(1, 2), NumberArithmetic.negateReal(c))
            switch g {
            case .sin: g = .cos
            case .cos: g = .sin
            case .tan: g = .cot
            case .cot: g = .tan
            case .sec: g = .csc
            case .csc: g = .sec
            }
        }
        if let values = exactValues[c] {
            let v = try FormulaTemplates.value(k, values[g.rawValue])
            return sign < 0 ? try negate(k, v) : v
        }
        let value = Expr(symbol(k, g.name), try k.evaluate(Expr(k.sys.Times, c, .symbol(k.sys.Pi))))
        return sign < 0 ? Expr(k.sys.Times, .integer(-1), value) : value
    }

    /// -v, distributed over a sum of numbers (Mathematica writes -2 - Sqrt[3], not -(2 + Sqrt[3])).
    static func negate(_ k: Kernel, _ v: Expr) throws(Interrupt) -> Expr {
        if v.hasHead(k.sys.Plus) {
            return try k.evaluate(Expr(k.sys.Plus, v.arguments.map { Expr(k.sys.Times, .integer(-1), $0) }))
        }
        if let kind = ArithmeticBuiltins.infiniteKind(k, v), case .complex = kind { return v }
        return try k.evaluate(Expr(k.sys.Times, .integer(-1), v))
    }

    /// f(rest + c Pi) with symbolic rest: c reduced into [-1/4, 1/4] (see the file comment).
    static func shifted(_ k: Kernel, _ f: TrigFunction, _ rest: Expr, _ multiple: Expr,
                        original: Expr) throws(Interrupt) -> Expr? {
        func cmp(_ a: Expr, _ b: Expr) -> Int { NumberArithmetic.compare(a, b) }
        var c = reduce(multiple, modulo: f.period)
        var sign = 1
        var g = f
        // Into (-1/2, 1/2] by whole multiples of Pi.
        if cmp(c, .rational(1, 2)) > 0 {
            c = NumberArithmetic.addReal(c, .integer(-1))
            if f.period == 2 { sign = -sign }
            if cmp(c, .rational(1, 2)) > 0 {
                c = NumberArithmetic.addReal(c, .integer(-1))
                if f.period == 2 { sign = -sign }
            }
        }
        if cmp(c, .rational(1, 4)) > 0 {
            c = NumberArithmetic.addReal(c, .rational(-1, 2))
            let (h, s) = f.quarterShift
            g = h; sign *= s
        } else if cmp(c, .rational(-1, 4)) < 0 {
            c = NumberArithmetic.addReal(c, .rational(1, 2))
            let (h, s) = f.quarterShiftBack
            g = h; sign *= s
        }
        if g == f && sign == 1 && c == multiple { return nil }
        let argument = try k.evaluate(Expr(k.sys.Plus, rest, Expr(k.sys.Times, c, .symbol(k.sys.Pi))))
        let value = Expr(symbol(k, g.name), argument)
        return sign < 0 ? Expr(k.sys.Times, .integer(-1), value) : value
    }

    // MARK: Compositions with inverse functions

    /// f[g[x]] for an inverse trigonometric (or hyperbolic) g.
    static let compositions: [String: [String: String]] = [
        "Sin": ["ArcSin": "#", "ArcCos": "Sqrt[1 - #^2]", "ArcTan": "# / Sqrt[1 + #^2]",
                "ArcCot": "1/(# Sqrt[1 + #^-2])", "ArcCsc": "1/#", "ArcSec": "Sqrt[1 - #^-2]"],
        "Cos": ["ArcCos": "#", "ArcSin": "Sqrt[1 - #^2]", "ArcTan": "1/Sqrt[1 + #^2]",
                "ArcCot": "1/Sqrt[1 + #^-2]", "ArcSec": "1/#", "ArcCsc": "Sqrt[1 - #^-2]"],
        "Tan": ["ArcTan": "#", "ArcSin": "#/Sqrt[1 - #^2]", "ArcCos": "Sqrt[1 - #^2]/#", "ArcCot": "1/#"],
        "Cot": ["ArcCot": "#", "ArcTan": "1/#", "ArcSin": "Sqrt[1 - #^2]/#", "ArcCos": "#/Sqrt[1 - #^2]"],
        "Sec": ["ArcSec": "#", "ArcCos": "1/#", "ArcSin": "1/Sqrt[1 - #^2]", "ArcTan": "Sqrt[1 + #^2]"],
        "Csc": ["ArcCsc": "#", "ArcSin": "1/#", "ArcCos": "1/Sqrt[1 - #^2]", "ArcTan": "Sqrt[1 + #^2]/#"],
        "Sinh": ["ArcSinh": "#", "ArcCosh": "Sqrt[(-1 + #)/(1 + #)] (1 + #)", "ArcTanh": "#/Sqrt[1 - #^2]"],
        "Cosh": ["ArcCosh": "#", "ArcSinh": "Sqrt[1 + #^2]", "ArcTanh": "1/Sqrt[1 - #^2]"],
        "Tanh": ["ArcTanh": "#", "ArcSinh": "#/Sqrt[1 + #^2]", "ArcCosh": "(Sqrt[(-1 + #)/(1 + #)] (1 + #))/#"],
        "Coth": ["ArcCoth": "#"],
        "Sech": ["ArcSech": "#"],
        "Csch": ["ArcCsch": "#"],
    ]

    static func ofInverse(_ k: Kernel, _ f: TrigFunction, _ x: Expr) throws(Interrupt) -> Expr? {
        try composition(k, f.name, x)
    }

    static func composition(_ k: Kernel, _ name: String, _ x: Expr) throws(Interrupt) -> Expr? {
        guard case .normal(let n) = x, n.arguments.count == 1, case .symbol(let g) = n.head,
              let template = compositions[name]?[g.name], g.context == "System`" else { return nil }
        return try FormulaTemplates.apply(k, template, n.arguments[0])
    }

    // MARK: Hyperbolic functions

    /// Sinh[Log[x]] and friends are rational functions of x.
    static let ofLog: [String] = ["(-1 + #^2)/(2 #)", "(1 + #^2)/(2 #)", "(-1 + #^2)/(1 + #^2)",
                                  "(1 + #^2)/(-1 + #^2)", "(2 #)/(1 + #^2)", "(2 #)/(-1 + #^2)"]

    static func hyperbolic(_ k: Kernel, _ c: Call, _ f: TrigFunction) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        let x = c[0]
        let sys = k.sys
        if case .packed = x { return nil }
        if x.isSymbol(sys.Indeterminate) { return x }
        if let kind = ArithmeticBuiltins.infiniteKind(k, x) {
            guard case .directed(let d) = kind, NumberArithmetic.isReal(d) else { return .symbol(sys.Indeterminate) }
            let s = NumberArithmetic.sign(d)
            switch f {
            case .sin: return Expr(sys.DirectedInfinity, .integer(s))
            case .cos: return Expr(sys.DirectedInfinity, .integer(1))
            case .tan, .cot: return .integer(s)
            case .sec, .csc: return .integer(0)
            }
        }
        if x.isNumber && NumberArithmetic.isInexact(x) {
            guard let z = NumberArithmetic.machineComplex(x),
                  let v = ElementaryFunctions.machineFunction(k, symbol(k, f.hyperbolicName))?([z]) else { return nil }
            return machineResult(k, v, real: NumberArithmetic.isReal(x))
        }
        if let v = try inexactNumeric(k, x, f.hyperbolicName) { return v }
        if NumberArithmetic.isExactZero(x) {
            return try FormulaTemplates.value(k, exactValues[.integer(0)]?[f.rawValue] ?? "0")
        }
        if let v = try composition(k, f.hyperbolicName, x) { return v }
        if case .normal(let n) = x, n.head.isSymbol(sys.Log), n.arguments.count == 1 {
            return try FormulaTemplates.apply(k, ofLog[f.rawValue], n.arguments[0])
        }
        if isNegative(k, x) {
            let negated = try negate(k, x)
            let value = Expr(symbol(k, f.hyperbolicName), negated)
            return f.isOdd ? Expr(sys.Times, .integer(-1), value) : value
        }
        if let y = imaginaryPart(k, x) {
            // Sinh[I y] = I Sin[y], Cosh[I y] = Cos[y], Tanh = I Tan, Coth = -I Cot, Sech = Sec, Csch = -I Csc
            let t = Expr(symbol(k, f.name), try k.evaluate(y))
            if f.imaginaryFactor == 0 { return t }
            return Expr(sys.Times, .complex(.integer(0), .integer(f.imaginaryFactor)), t)
        }
        // An imaginary multiple of Pi in a sum: through the circular function of I x.
        if case .normal(let n) = x, n.head.isSymbol(sys.Plus),
           n.arguments.contains(where: { ArithmeticBuiltins.imaginaryPiMultiple(k, $0) != nil }) {
            let ix = try k.evaluate(Expr(sys.Plus, n.arguments.map { Expr(sys.Times, .complex(.integer(0), .integer(1)), $0) }))
            let t = Expr(symbol(k, f.name), ix)
            // Sinh[z] = -I Sin[I z], Cosh[z] = Cos[I z], Tanh = -I Tan, Coth = I Cot, Sech = Sec, Csch = I Csc
            if f.imaginaryFactor == 0 { return t }
            return Expr(sys.Times, .complex(.integer(0), .integer(-f.imaginaryFactor)), t)
        }
        return nil
    }
}
