// The mathematical constants, N, Precision and Accuracy.
//
// Pi, E, Degree, GoldenRatio, ... are symbols with the Constant attribute; they stay symbolic until N
// (or an inexact number next to them) asks for their machine value. N works in machine precision
// only: N[expr, n] gives the machine result as well. N replaces exact numbers and constants by
// machine reals everywhere except in held positions (NHoldAll/NHoldFirst/NHoldRest) and in exact
// exponents (N[x^2] is x^2, as in Mathematica), then evaluates the result.

import BigInt
import TesseraCore
import TesseraExpr
import TesseraStorage

enum ConstantBuiltins {
    static let constantAttributes: Attributes = [.constant, .protected, .readProtected]

    static let table: [BuiltinSpec] = NumericValue.constants.map { name, _ in
        BuiltinSpec(name, attributes: constantAttributes)
    } + [
        BuiltinSpec("I", attributes: [.locked, .protected, .readProtected]),
        BuiltinSpec("N", attributes: [.protected], n),
        BuiltinSpec("Precision", attributes: [.protected], precision),
        BuiltinSpec("Accuracy", attributes: [.protected], accuracy),
    ]

    static func setUp(_ k: Kernel) {
        k.sys.I.setOwnValue(.complex(.integer(0), .integer(1)))
    }

    static func n(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        return try k.evaluate(try numericize(k, c[0]))
    }

    /// `N[f] = v` or `N[f[1]] = v` stored for `e`, which belongs to `owner`. Only rules without
    /// patterns apply here (a lookup: numericize runs no evaluation of its own).
    static func literalNValue(_ k: Kernel, _ owner: Symbol, _ e: Expr) -> Expr? {
        guard !owner.nValues.literal.isEmpty else { return nil }
        return owner.nValues.literal[Expr(k.sys.N, e)]?.rhs
    }

    /// The expression with exact numbers and constants as machine numbers.
    static func numericize(_ k: Kernel, _ e: Expr) throws(Interrupt) -> Expr {
        switch e {
        case .integer, .bigInteger, .rational:
            return .real(NumberArithmetic.double(e) ?? .nan)
        case .complex:
            if NumberArithmetic.isInexact(e) { return e }
            guard let z = NumberArithmetic.machineComplex(e) else { return e }
            return NumberArithmetic.machine(z)
        case .symbol(let s):
            if let v = literalNValue(k, s, e) { return v }
            if s.attributes.contains(.constant), let v = NumericValue.machine(k, e) { return .real(v.re) }
            return e
        case .packed(let p):
            guard p.type == .integer else { return e }
            var r = try k.packedZeros(.real, p.dimensions)
            let from = p.integers, to = r.reals
            for i in 0..<p.count { to[i] = Double(from[i]) }
            _ = r.isUniquelyOwned()
            return .packed(r)
        case .normal(let n):
            var attributes: Attributes = []
            if case .symbol(let h) = n.head {
                if let v = literalNValue(k, h, e) { return v }
                attributes = h.attributes
            }
            let holdFirst = attributes.contains(.nHoldFirst), holdRest = attributes.contains(.nHoldRest)
            let isPower = n.head.isSymbol(k.sys.Power) && n.arguments.count == 2
            var arguments: [Expr] = []
            arguments.reserveCapacity(n.arguments.count)
            for (i, a) in n.arguments.enumerated() {
                let held = i == 0 ? holdFirst : holdRest
                if held || (isPower && i == 1 && a.isExactNumber && NumberArithmetic.isReal(a)) {
                    arguments.append(a)
                } else {
                    arguments.append(try numericize(k, a))
                }
            }
            return Expr(head: try numericize(k, n.head), arguments)
        default:
            return e
        }
    }

    static func precision(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        return containsMachineNumber(c[0]) ? .symbol(k.sys.MachinePrecision) : Expr(k.sys.DirectedInfinity, .integer(1))
    }

    static func accuracy(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        guard containsMachineNumber(c[0]) else { return Expr(k.sys.DirectedInfinity, .integer(1)) }
        // Accuracy = Precision - log10 |x| for a machine number.
        var magnitude = 0.0
        func largest(_ e: Expr) {
            switch e {
            case .real(let d): magnitude = max(magnitude, abs(d))
            case .complex:
                if let z = NumberArithmetic.machineComplex(e) { magnitude = max(magnitude, z.magnitude) }
            case .normal(let n): n.arguments.forEach(largest)
            case .packed(let p): p.elementExprs().forEach(largest)
            default: break
            }
        }
        largest(c[0])
        let digits = 15.954589770191003
        return .real(magnitude == 0 ? 307.6526555685888 : digits - log10(magnitude))
    }

    static func containsMachineNumber(_ e: Expr) -> Bool {
        switch e {
        case .real: return true
        case .complex: return NumberArithmetic.isInexact(e)
        case .packed(let p): return p.type != .integer
        case .normal(let n): return n.arguments.contains(where: containsMachineNumber)
        default: return false
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
