// MatrixPower and MatrixExp.
//
// MatrixPower[m, n] squares and multiplies through Dot (repeated squaring: about 2 log2 n products), so
// an exact matrix gives exact entries and a machine matrix goes through BLAS; n = 0 is the identity,
// a negative n the power of Inverse[m]. `MatrixPower[m, n, v]` is `MatrixPower[m, n] . v`.
//
// MatrixExp[m] of a machine matrix (any machine real or complex entry) is computed by scaling and
// squaring with the [6/6] Pade approximant: m is divided by 2^s until its 1-norm is at most 1/2 (the
// approximant's error is then below 1e-16), the approximant is N/D with D^-1 from LAPACK's solver, and
// the result is squared s times with BLAS. Of an exact or symbolic matrix, two cases have exact
// answers without eigenvalues: a diagonal matrix (the Exp of each diagonal entry) and a nilpotent exact
// matrix (the finite series I + m + m^2/2! + ...). Any other exact matrix stays unevaluated, where
// Mathematica would give a closed form through its eigensystem.

#if canImport(Glibc)
import Glibc
#endif
import TesseraCore
import TesseraExpr
import TesseraNumerics
import TesseraStorage

enum MatrixFunctionBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("MatrixPower", matrixPower),
        BuiltinSpec("MatrixExp", matrixExp),
    ]

    // MARK: MatrixPower

    static func matrixPower(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 3) else { return nil }
        guard case .integer(let n) = c[1], n != .min else { return nil }
        guard let m = try LinearAlgebraBuiltins.square(k, c) else { return nil }
        var base = c[0]
        if n < 0 {
            base = try k.evaluate(Expr(k.sys.Inverse, base))
            if base.hasHead(k.sys.Inverse) { return nil }
        }
        var result = identity(k, size(m))
        var exponent = n.magnitude
        var started = false
        while exponent > 0 {
            if exponent & 1 == 1 {
                result = started ? try k.evaluate(Expr(k.sys.Dot, result, base)) : base
                started = true
            }
            exponent >>= 1
            if exponent > 0 { base = try k.evaluate(Expr(k.sys.Dot, base, base)) }
        }
        if c.count == 3 { return try k.evaluate(Expr(k.sys.Dot, result, c[2])) }
        return result
    }

    private static func size(_ m: LinearAlgebraBuiltins.Matrix) -> Int {
        switch m {
        case .machine(let p): return p.dimensions[0]
        case .exact(let x): return x.rows
        case .symbolic(let rows): return rows.count
        }
    }

    private static func identity(_ k: Kernel, _ n: Int) -> Expr {
        ExactMatrix.identity(n).expr(k)
    }

    // MARK: MatrixExp

    static func matrixExp(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        guard let m = try LinearAlgebraBuiltins.square(k, c) else { return nil }
        switch m {
        case .machine(let p):
            return try machineExp(k, p)
        case .exact(let x):
            if let d = try diagonalExp(k, x.entries) { return d }
            return try nilpotentExp(k, c[0], x.rows)
        case .symbolic(let rows):
            return try diagonalExp(k, rows)
        }
    }

    /// The Exp of each diagonal entry, when every entry off the diagonal is an exact zero.
    private static func diagonalExp(_ k: Kernel, _ rows: [[Expr]]) throws(Interrupt) -> Expr? {
        for (i, row) in rows.enumerated() {
            for (j, x) in row.enumerated() where i != j {
                guard case .integer(0) = x else { return nil }
            }
        }
        var out: [Expr] = []
        for (i, row) in rows.enumerated() {
            var entries = [Expr](repeating: .integer(0), count: row.count)
            entries[i] = try k.evaluate(Expr(k.sys.Power, .symbol(k.sys.E), row[i]))
            out.append(k.listExpr(entries))
        }
        return k.listExpr(out)
    }

    /// I + m + m^2/2! + ... when some power m^j (j <= n) is zero; nil otherwise.
    private static func nilpotentExp(_ k: Kernel, _ m: Expr, _ n: Int) throws(Interrupt) -> Expr? {
        var terms = [identity(k, n)]
        var power = m
        var factorial = 1
        for j in 1...n {
            if isZero(k, power) { return try k.evaluate(Expr(k.sys.Plus, terms)) }
            factorial *= j
            terms.append(Expr(k.sys.Times, Expr.rational(1, over: factorial) ?? .integer(1), power))
            if j < n { power = try k.evaluate(Expr(k.sys.Dot, power, m)) }
        }
        return nil
    }

    private static func isZero(_ k: Kernel, _ matrix: Expr) -> Bool {
        if case .packed(let p) = matrix, p.type == .integer { return p.integers.allSatisfy { $0 == 0 } }
        return matrix.arguments.allSatisfy { row in row.arguments.allSatisfy { if case .integer(0) = $0 { return true }; return false } }
    }

    /// Scaling and squaring with the [6/6] Pade approximant (see the file comment).
    private static func machineExp(_ k: Kernel, _ a: PackedArray) throws(Interrupt) -> Expr? {
        let n = a.dimensions[0]
        let engine = NumericEngines.linearAlgebra(k)
        let norm = oneNorm(a)
        guard norm.isFinite else { return nil }
        let squarings = norm > 0.5 ? Int(log2(norm / 0.5).rounded(.up)) : 0
        let x = try k.packedZeros(a.type, a.dimensions)
        let factor = scalbn(1.0, -squarings)
        let (source, target) = (doubles(a), doubles(x))
        for i in target.indices { target[i] = source[i] * factor }

        var power = try k.packedZeros(a.type, a.dimensions)
        let numerator = try k.packedZeros(a.type, a.dimensions)
        let denominator = try k.packedZeros(a.type, a.dimensions)
        for matrix in [power, numerator, denominator] { setIdentity(matrix, n) }
        var coefficient = 1.0
        for j in 1...6 {
            coefficient *= Double(6 - j + 1) / Double(j * (12 - j + 1))
            guard case .array(let next)? = try k.numeric({ () throws(NumericsError) in try engine.dot(power, x) }) else { return nil }
            power = next
            let p = doubles(power), num = doubles(numerator), den = doubles(denominator)
            let sign = j % 2 == 0 ? 1.0 : -1.0
            for i in p.indices {
                num[i] += coefficient * p[i]
                den[i] += sign * coefficient * p[i]
            }
        }
        guard var result = try k.numeric({ () throws(NumericsError) in try engine.linearSolve(denominator, numerator) })?.result
        else { return nil }
        for _ in 0..<squarings {
            guard case .array(let squared)? = try k.numeric({ () throws(NumericsError) in try engine.dot(result, result) })
            else { return nil }
            result = squared
        }
        return .packed(result)
    }

    /// A real or complex packed array's storage as doubles (a complex number is two).
    private static func doubles(_ p: PackedArray) -> UnsafeMutableBufferPointer<Double> {
        UnsafeMutableBufferPointer(start: p.baseAddress.assumingMemoryBound(to: Double.self), count: p.byteCount / 8)
    }

    private static func setIdentity(_ p: PackedArray, _ n: Int) {
        let d = doubles(p)
        let width = p.type == .complex ? 2 : 1
        for i in 0..<n { d[(i * n + i) * width] = 1 }
    }

    /// An upper bound of the 1-norm (largest column sum; |re| + |im| for a complex entry).
    private static func oneNorm(_ p: PackedArray) -> Double {
        let n = p.dimensions[0]
        let d = doubles(p)
        let width = p.type == .complex ? 2 : 1
        var largest = 0.0
        for j in 0..<n {
            var sum = 0.0
            for i in 0..<n {
                for part in 0..<width { sum += abs(d[(i * n + j) * width + part]) }
            }
            largest = max(largest, sum)
        }
        return largest
    }
}
