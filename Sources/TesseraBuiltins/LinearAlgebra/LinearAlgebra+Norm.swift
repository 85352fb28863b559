// Norm of numbers, vectors and matrices.
//
// Symbolic and exact arguments are handled by building the defining expression (`Sqrt[Abs[a]^2 + ...]`,
// `(Abs[a]^p + ...)^(1/p)`, the largest singular value of a 2 x 2 exact matrix in radicals) and
// evaluating it, so the result has the same form as the rest of the arithmetic gives. Machine vectors
// take the scaled sum of squares of BLAS's nrm2, which neither overflows nor loses the last digit.

import TesseraCore
import TesseraExpr
import TesseraStorage

enum NormBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Norm", messages: ["ptype": "`1` should be a symbol, Infinity, or a number >= 1."], norm),
    ]

    static func norm(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        let sys = k.sys
        let x = c[0]
        let p: Expr = c.count == 2 ? c[1] : .integer(2)
        guard x.isList(sys) else {
            guard c.count == 1, NumericValue.isNumeric(k, x) else { return nil }
            return try k.evaluate(Expr(sys.Abs, x))
        }
        if case .packed(let array) = x, array.rank == 1, array.type == .real, case .integer(2) = p {
            var norm = ScaledSumOfSquares()
            for value in array.reals { norm.add(value) }
            return .real(norm.value)
        }
        let dimensions = k.arrayDimensions(x, head: .symbol(sys.List))
        switch dimensions.count {
        case 1: return try vectorNorm(k, x.arguments, p)
        case 2: return try matrixNorm(k, x, dimensions, p)
        default: return nil
        }
    }

    private static func vectorNorm(_ k: Kernel, _ v: [Expr], _ p: Expr) throws(Interrupt) -> Expr? {
        let sys = k.sys
        if v.isEmpty { return nil }
        if k.isPositiveInfinity(p) {
            return try k.evaluate(Expr(sys.Max, v.map { Expr(sys.Abs, $0) }))
        }
        if case .integer(2) = p {
            if let norm = machineNorm(v) { return .real(norm) }
            if v.count == 1 { return try k.evaluate(Expr(sys.Abs, v[0])) }
            let squares = v.map { Expr(sys.Power, Expr(sys.Abs, $0), .integer(2)) }
            return try k.evaluate(Expr(sys.Sqrt, Expr(sys.Plus, squares)))
        }
        let powers = v.map { Expr(sys.Power, Expr(sys.Abs, $0), p) }
        return try k.evaluate(Expr(sys.Power, Expr(sys.Plus, powers), Expr(sys.Power, p, .integer(-1))))
    }

    /// nrm2's scaled sum of squares for machine reals and complexes; nil when any element is not one.
    private static func machineNorm(_ v: [Expr]) -> Double? {
        var norm = ScaledSumOfSquares()
        var sawReal = false
        for e in v {
            switch e {
            case .real(let d): norm.add(d); sawReal = true
            case .complex(.real(let re), .real(let im)): norm.add(re); norm.add(im); sawReal = true
            case .integer(let i): norm.add(Double(i))
            default: return nil
            }
        }
        return sawReal ? norm.value : nil
    }

    /// BLAS nrm2's running (scale, sum of squares): the square root of a sum of squares that neither
    /// overflows nor underflows.
    struct ScaledSumOfSquares {
        var scale = 0.0
        var sumOfSquares = 1.0

        mutating func add(_ a: Double) {
            guard a != 0 else { return }
            let magnitude = abs(a)
            if scale < magnitude {
                sumOfSquares = 1 + sumOfSquares * (scale / magnitude) * (scale / magnitude)
                scale = magnitude
            } else {
                sumOfSquares += (magnitude / scale) * (magnitude / scale)
            }
        }

        var value: Double { scale * sumOfSquares.squareRoot() }
    }

    private static func matrixNorm(_ k: Kernel, _ m: Expr, _ dimensions: [Int], _ p: Expr) throws(Interrupt) -> Expr? {
        let sys = k.sys
        let absolute = Expr(sys.Abs, m)
        if k.isPositiveInfinity(p) {
            // The largest row sum.
            return try k.evaluate(Expr(sys.Max, Expr(sys.Map, .symbol(sys.Total), absolute)))
        }
        if case .integer(1) = p {
            // The largest column sum.
            return try k.evaluate(Expr(sys.Max, Expr(sys.Total, absolute)))
        }
        if case .string("Frobenius") = p {
            let squares = Expr(sys.Power, absolute, .integer(2))
            return try k.evaluate(Expr(sys.Sqrt, Expr(sys.Total, squares, .integer(2))))
        }
        guard case .integer(2) = p else { return nil }
        // The largest singular value: the square root of the largest eigenvalue of m^T m.
        let gram = try k.evaluate(Expr(sys.Dot, Expr(sys.Transpose, m), m))
        let rows = gram.arguments
        if dimensions[1] == 2, rows.count == 2, rows.allSatisfy({ $0.arguments.count == 2 }),
           !rows.contains(where: { $0.arguments.contains(where: { if case .real = $0 { return true } else { return false } }) }) {
            // Exact 2 x 2 {{a, b}, {b, d}}: (a + d)/2 + Sqrt[((a - d)/2)^2 + b^2] in radicals.
            let a = rows[0].arguments[0], b = rows[0].arguments[1], d = rows[1].arguments[1]
            let half = Expr.rational(1, over: 2)!
            let mean = try k.evaluate(Expr(sys.Times, half, Expr(sys.Plus, a, d)))
            let halfDifference = try k.evaluate(Expr(sys.Times, half, Expr(sys.Plus, a, Expr(sys.Times, .integer(-1), d))))
            let radical = Expr(sys.Sqrt, Expr(sys.Plus, Expr(sys.Power, halfDifference, .integer(2)),
                                             Expr(sys.Power, b, .integer(2))))
            return try k.evaluate(Expr(sys.Sqrt, Expr(sys.Plus, mean, radical)))
        }
        let eigenvalues = try k.evaluate(Expr(k.symbol("Eigenvalues"), gram))
        guard eigenvalues.isList(sys), !eigenvalues.arguments.isEmpty else { return nil }
        return try k.evaluate(Expr(sys.Sqrt, Expr(sys.Max, eigenvalues.arguments)))
    }
}
