// Plus, Times, Power and the operators defined through them (Minus, Subtract, Divide, Sqrt).
//
// Mathematica canonicalises sums and products as it evaluates them, and so do we:
// - Plus adds its numbers (placed first), collects like terms (`x + 2 x` is `3 x`, where a term is a
//   numeric coefficient times the rest), and handles the infinities.
// - Times multiplies its numbers into one coefficient and collects powers of equal bases
//   (`x x^2` is `x^3`); a product with a sum is not expanded.
// - Power does exact integer and rational powers of numbers (Arithmetic+Power.swift).
// The evaluator has already flattened and sorted the arguments (Flat, Orderless); a builtin returns
// the call itself when nothing changes, so that evaluation stops. Packed arrays are combined on
// their buffers (Arithmetic+Packed.swift).

import BigInt
import TesseraCore
import TesseraExpr
import TesseraNumerics

#if canImport(Glibc)
import Glibc
#endif

enum ArithmeticBuiltins {
    static let numeric: Attributes = [.listable, .numericFunction, .protected]

    static let table: [BuiltinSpec] = [
        BuiltinSpec("Plus", attributes: [.flat, .listable, .numericFunction, .oneIdentity, .orderless, .protected],
                    direct: plusOfTwoMachineNumbers, directList: plusOfNumbers, plus),
        BuiltinSpec("Times", attributes: [.flat, .listable, .numericFunction, .oneIdentity, .orderless, .protected],
                    direct: timesOfTwoMachineNumbers, directList: timesOfNumbers, times),
        BuiltinSpec("Power", attributes: [.listable, .numericFunction, .oneIdentity, .protected],
                    messages: ["infy": "Infinite expression `1` encountered.",
                               "indet": "Indeterminate expression `1` encountered."],
                    direct: powerOfMachineNumbers, power),
        BuiltinSpec("Minus", attributes: numeric, directUnary: { _, x in x.isNumber ? NumberArithmetic.negate(x) : nil },
                    minus),
        BuiltinSpec("Subtract", attributes: numeric, subtract),
        BuiltinSpec("Divide", attributes: numeric, divide),
        BuiltinSpec("Sqrt", attributes: numeric, sqrt),
        BuiltinSpec("CubeRoot", attributes: numeric, cubeRoot),
        BuiltinSpec("Surd", attributes: numeric, surd),
        BuiltinSpec("Rational", rational),
        BuiltinSpec("Complex", complex),
        BuiltinSpec("DirectedInfinity", attributes: [.listable, .protected], directedInfinity),
        BuiltinSpec("Indeterminate", attributes: [.protected]),
        BuiltinSpec("ComplexInfinity", attributes: [.protected]),
        BuiltinSpec("Infinity", attributes: [.protected]),
    ]

    /// Infinity and ComplexInfinity are names for DirectedInfinity expressions.
    static func setUp(_ k: Kernel) {
        k.sys.Infinity.setOwnValue(Expr(k.sys.DirectedInfinity, .integer(1)))
        k.sys.ComplexInfinity.setOwnValue(Expr(k.sys.DirectedInfinity, []))
    }

    // MARK: Plus

    static func plus(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let args = c.arguments
        if args.isEmpty { return .integer(0) }
        if args.count == 1 { return args[0] }
        if args.contains(where: { $0.isList(k.sys) }) {
            return try PackedArithmetic.fold(k, .add, args, head: c.head)
        }
        // All machine integers: the common case of loops and counters.
        var intSum = 0
        var allIntegers = true
        for a in args {
            guard case .integer(let i) = a else { allIntegers = false; break }
            let (s, overflow) = intSum.addingReportingOverflow(i)
            if overflow { allIntegers = false; break }
            intSum = s
        }
        if allIntegers { return .integer(intSum) }
        return try SumBuilder.sum(k, args, original: c.expr)
    }

    /// Both arguments are machine integers or reals.
    @inline(__always)
    private static func machineNumbers(_ a: Expr, _ b: Expr) -> Bool {
        switch (a, b) {
        case (.integer, .integer), (.integer, .real), (.real, .integer), (.real, .real): return true
        default: return false
        }
    }

    /// `a + b` for two machine numbers (the order of two addends does not change a double's sum).
    static func plusOfTwoMachineNumbers(_ k: Kernel, _ a: Expr, _ b: Expr) -> Expr? {
        machineNumbers(a, b) ? NumberArithmetic.addReal(a, b) : nil
    }

    /// `a b` for two machine numbers, with Mathematica's exact zero (`0 * 1.5` is `0`).
    static func timesOfTwoMachineNumbers(_ k: Kernel, _ a: Expr, _ b: Expr) -> Expr? {
        machineNumbers(a, b) ? NumberArithmetic.multiplyReal(a, b) : nil
    }

    // MARK: Times

    static func times(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let args = c.arguments
        if args.isEmpty { return .integer(1) }
        if args.count == 1 { return args[0] }
        if args.contains(where: { $0.isList(k.sys) }) {
            return try PackedArithmetic.fold(k, .multiply, args, head: c.head)
        }
        if args.count == 2, args[0].isNumber, args[1].isNumber {
            return NumberArithmetic.multiply(args[0], args[1])
        }
        if args.allSatisfy(\.isNumber) { return productOfNumbers(args) }
        return try ProductBuilder.product(k, args, original: c.expr)
    }

    /// Numbers only, at most one of them inexact: then the order of the factors cannot change the
    /// exact product or its product with the one inexact number, and the Orderless sort may be
    /// skipped (`DirectListImplementation`).
    private static func numbersWithOneInexactAtMost(_ args: [Expr]) -> Bool {
        var inexact = 0
        for a in args {
            guard a.isNumber else { return false }
            if NumberArithmetic.isInexact(a) { inexact += 1 }
        }
        return inexact <= 1
    }

    /// Exact numbers only: their sum does not depend on the order (with an inexact one it does, as
    /// Mathematica adds in the sorted order, so that case takes the full way).
    static func plusOfNumbers(_ k: Kernel, _ args: [Expr]) -> Expr? {
        var sum: Expr = .integer(0)
        for a in args {
            guard a.isExactNumber else { return nil }
            sum = NumberArithmetic.add(sum, a)
        }
        return sum
    }

    static func timesOfNumbers(_ k: Kernel, _ args: [Expr]) -> Expr? {
        numbersWithOneInexactAtMost(args) ? productOfNumbers(args) : nil
    }

    /// What `ProductBuilder` gives for numbers only, without its bookkeeping: the exact factors
    /// multiply exactly first, then the inexact ones (`Times[0.1, 1/3, 3]` is `0.1 * 1`).
    static func productOfNumbers(_ args: [Expr]) -> Expr {
        var exact: Expr = .integer(1)
        var inexact: Expr? = nil
        for a in args {
            if NumberArithmetic.isInexact(a) {
                inexact = inexact.map { NumberArithmetic.multiply($0, a) } ?? a
            } else {
                exact = NumberArithmetic.multiply(exact, a)
            }
        }
        guard let inexact, !NumberArithmetic.isExactZero(exact) else { return exact }
        return NumberArithmetic.multiply(inexact, exact)
    }

    // MARK: Operators defined through Plus, Times and Power

    static func minus(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1 else {
            k.message(k.sys.Minus, "argx", .symbol(k.sys.Minus), .integer(c.count))
            return nil
        }
        if case .packed = c[0] { return try PackedArithmetic.fold(k, .multiply, [.integer(-1), c[0]], head: c.head) }
        if c[0].isNumber { return NumberArithmetic.negate(c[0]) }
        return Expr(k.sys.Times, .integer(-1), c[0])
    }

    static func subtract(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2 else {
            k.message(k.sys.Subtract, "argr", .symbol(k.sys.Subtract), .integer(2))
            if c.count != 1 { k.message(k.sys.Subtract, "argrx", .symbol(k.sys.Subtract), .integer(c.count), .integer(2)) }
            return nil
        }
        if c[0].isList(k.sys) || c[1].isList(k.sys) {
            if let r = try PackedArithmetic.fold(k, .subtract, [c[0], c[1]], head: c.head) { return r }
            if c[0].isList(k.sys) && c[1].isList(k.sys) && c[0].length != c[1].length { return nil }
        }
        if c[0].isNumber && c[1].isNumber { return NumberArithmetic.subtract(c[0], c[1]) }
        return Expr(k.sys.Plus, c[0], Expr(k.sys.Times, .integer(-1), c[1]))
    }

    static func divide(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2 else {
            if c.count == 1 { k.message(k.sys.General, "argr", .symbol(k.sys.Divide), .integer(2)) }
            else { k.message(k.sys.General, "argrx", .symbol(k.sys.Divide), .integer(c.count), .integer(2)) }
            return nil
        }
        if c[0].isList(k.sys) || c[1].isList(k.sys) {
            if let r = try PackedArithmetic.fold(k, .divide, [c[0], c[1]], head: c.head) { return r }
            if c[0].isList(k.sys) && c[1].isList(k.sys) && c[0].length != c[1].length { return nil }
        }
        if c[0].isNumber && c[1].isNumber, let q = NumberArithmetic.divide(c[0], c[1]) { return q }
        return Expr(k.sys.Times, c[0], Expr(k.sys.Power, c[1], .integer(-1)))
    }

    static func sqrt(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        return Expr(k.sys.Power, c[0], .rational(1, 2))
    }

    /// The real cube root: `CubeRoot[-8]` is -2, unlike `(-8)^(1/3)`.
    static func cubeRoot(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        return try realRoot(k, c, c[0], 3)
    }

    static func surd(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        guard case .integer(let n) = c[1], n != 0 else { return nil }
        return try realRoot(k, c, c[0], n)
    }

    private static func realRoot(_ k: Kernel, _ c: Call, _ x: Expr, _ n: Int) throws(Interrupt) -> Expr? {
        let exponent = NumberArithmetic.exact(1, BigInt(n))
        if NumberArithmetic.isReal(x) {
            if NumberArithmetic.sign(x) >= 0 { return try k.evaluate(Expr(k.sys.Power, x, exponent)) }
            if n % 2 == 0 {
                k.message(c.head, "preal", x)
                return nil
            }
            if case .real(let d) = x { return .real(-pow(-d, 1 / Double(n))) }
            return try k.evaluate(Expr(k.sys.Times, .integer(-1),
                                       Expr(k.sys.Power, NumberArithmetic.negateReal(x), exponent)))
        }
        return nil
    }

    // MARK: Number constructors

    static func rational(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2, let (n, d1) = NumberArithmetic.ratio(c[0]), let (m, d2) = NumberArithmetic.ratio(c[1]),
              d1 == 1, d2 == 1 else { return nil }
        if m.isZero {
            if n.isZero {
                k.message(k.sys.Power, "indet", Expr(k.sys.Power, .integer(0), .integer(0)))
                return .symbol(k.sys.Indeterminate)
            }
            k.message(k.sys.Power, "infy", Expr(k.sys.Power, .integer(0), .integer(-1)))
            return Expr(k.sys.DirectedInfinity, [])
        }
        return NumberArithmetic.exact(n, m)
    }

    static func complex(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2, c[0].isNumber, c[1].isNumber else { return nil }
        let i = Expr.complex(.integer(0), .integer(1))
        return NumberArithmetic.add(c[0], NumberArithmetic.multiply(c[1], i))
    }
}
