// Linear algebra: Inverse, LinearSolve, Det, CholeskyDecomposition, Eigenvalues, Eigenvectors,
// Eigensystem, and the BLAS path of Dot.
//
// Two paths, chosen by the matrix's numbers, as in Mathematica:
// - machine (any machine real or complex entry): the matrix is packed and handed to LAPACK through
//   the kernel's `LinearAlgebraEngine` (TesseraNumerics); the result is a packed array;
// - exact (integers, rationals, exact complex numbers; also a packed *integer* matrix, since Det and
//   Inverse of integers are exact): fraction arithmetic by Gaussian elimination
//   (`LinearAlgebra+Exact.swift`), results exact, e.g. Inverse[{{1, 2}, {3, 4}}] has halves.
// Symbolic matrices are only handled where the algorithm needs no zero test (Det by elimination
// falls back to leaving the call unevaluated; CholeskyDecomposition works on any entries).
//
// Failures are Mathematica's messages with the call left unevaluated: `Inverse::sing`,
// `LinearSolve::nosol`, `CholeskyDecomposition::herm` / `posdef`, `General::matsq`. A machine
// matrix that is badly conditioned still gives its result, with `Inverse::luc` / `LinearSolve::luc`.

import TesseraCore
import TesseraExpr
import TesseraNumerics
import TesseraStorage

enum LinearAlgebraBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Inverse", messages: [
            "luc": "Result for Inverse of badly conditioned matrix `1` may contain significant numerical errors.",
        ], inverse),
        BuiltinSpec("LinearSolve", messages: [
            "nosol": "Linear equation encountered that has no solution.",
            "luc": "Result for LinearSolve of badly conditioned matrix `1` may contain significant numerical errors.",
            "lslc": "Coefficient matrix and target vector or matrix do not have the same dimensions.",
        ], linearSolve),
        BuiltinSpec("Det", det),
        BuiltinSpec("CholeskyDecomposition", messages: [
            "herm": "The matrix `1` is not Hermitian or real and symmetric.",
            "posdef": "The matrix `1` is not sufficiently positive definite to complete the Cholesky decomposition to reasonable accuracy.",
        ], cholesky),
        BuiltinSpec("Eigenvalues", { k, c throws(Interrupt) in try eigen(k, c, .values) }),
        BuiltinSpec("Eigenvectors", { k, c throws(Interrupt) in try eigen(k, c, .vectors) }),
        BuiltinSpec("Eigensystem", { k, c throws(Interrupt) in try eigen(k, c, .system) }),
    ]

    // MARK: Matrices from expressions

    /// A matrix argument: machine (packed real or complex), exact numbers, or anything else.
    enum Matrix {
        case machine(PackedArray)
        case exact(ExactMatrix)
        case symbolic([[Expr]])
    }

    /// The rows of a rectangular matrix (rank 2, at least one row and column), or nil.
    static func matrix(_ k: Kernel, _ e: Expr) throws(Interrupt) -> Matrix? {
        if case .packed(let p) = e {
            guard p.rank == 2, p.dimensions[0] > 0, p.dimensions[1] > 0 else { return nil }
            if p.type == .integer { return .exact(ExactMatrix(packed: p)) }
            return .machine(p)
        }
        guard e.isList(k.sys), e.length > 0 else { return nil }
        var rows: [[Expr]] = []
        for row in e.arguments {
            guard row.isList(k.sys) else { return nil }
            rows.append(row.arguments)
        }
        let width = rows[0].count
        guard width > 0, rows.allSatisfy({ $0.count == width }) else { return nil }
        let entries = rows.joined()
        if entries.contains(where: { $0.isList(k.sys) }) { return nil }
        guard entries.allSatisfy({ $0.isNumber }) else { return .symbolic(rows) }
        if entries.contains(where: { NumberArithmetic.isInexact($0) }) {
            if let p = try machinePacked(k, rows) { return .machine(p) }
            return .symbolic(rows)
        }
        return .exact(ExactMatrix(rows: rows))
    }

    /// Rows of numbers as one packed real or complex matrix (exact entries take machine values).
    static func machinePacked(_ k: Kernel, _ rows: [[Expr]]) throws(Interrupt) -> PackedArray? {
        let n = rows.count, m = rows[0].count
        let isComplex = rows.joined().contains { if case .complex = $0 { return true } else { return false } }
        let out = try k.packedZeros(isComplex ? .complex : .real, [n, m])
        for (i, row) in rows.enumerated() {
            for (j, x) in row.enumerated() {
                guard let z = NumberArithmetic.machineComplex(x) else { return nil }
                if isComplex { out.complexes[i * m + j] = ComplexDouble(z.re, z.im) } else { out.reals[i * m + j] = z.re }
            }
        }
        return out
    }

    static func square(_ k: Kernel, _ c: Call, _ position: Int = 1) throws(Interrupt) -> Matrix? {
        let e = c[position - 1]
        guard let m = try matrix(k, e) else {
            k.message(c.head, "matsq", e, .integer(position))
            return nil
        }
        let dims: (Int, Int)
        switch m {
        case .machine(let p): dims = (p.dimensions[0], p.dimensions[1])
        case .exact(let x): dims = (x.rows, x.columns)
        case .symbolic(let rows): dims = (rows.count, rows[0].count)
        }
        guard dims.0 == dims.1 else {
            k.message(c.head, "matsq", e, .integer(position))
            return nil
        }
        return m
    }

    /// A packed value as an expression.
    static func expr(_ value: PackedValue) -> Expr {
        switch value {
        case .array(let a): return .packed(a)
        case .scalar(let s): return expr(s)
        }
    }

    static func expr(_ s: PackedScalar) -> Expr {
        switch s {
        case .integer(let i): return .integer(i)
        case .real(let x): return .real(x)
        case .complex(let z): return .complex(.real(z.re), .real(z.im))
        }
    }

    /// True for an estimate of 1/cond that LAPACK would call numerically singular.
    static func isBadlyConditioned(_ rcond: Double) -> Bool { rcond < 1e-15 }

    // MARK: Dot through BLAS

    /// Dot of two packed arrays through BLAS (real, complex) or exact 64-bit integer arithmetic.
    /// Nil when the shapes do not contract or an integer product overflows, so that the caller's
    /// general path (which issues `Dot::dotsh` or works in big integers) takes over.
    /// Hook: `TensorBuiltins.dot` calls this for two packed operands.
    static func packedDot(_ k: Kernel, _ a: PackedArray, _ b: PackedArray) throws(Interrupt) -> Expr? {
        guard a.rank >= 1, b.rank >= 1, a.dimensions[a.rank - 1] == b.dimensions[0] else { return nil }
        do {
            return expr(try NumericEngines.linearAlgebra(k).dot(a, b))
        } catch {
            try k.abortIfStorage(error)
            return nil
        }
    }

    // MARK: Inverse, LinearSolve, Det

    static func inverse(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1), let m = try square(k, c) else { return nil }
        switch m {
        case .machine(let p):
            do {
                let r = try NumericEngines.linearAlgebra(k).inverse(p)
                if isBadlyConditioned(r.reciprocalCondition) { k.message(c.head, "luc", c[0]) }
                return .packed(r.result)
            } catch {
                try k.abortIfStorage(error)
                k.message(c.head, "sing", c[0])
                return nil
            }
        case .exact(let x):
            guard let inverse = x.inverse() else {
                k.message(c.head, "sing", c[0])
                return nil
            }
            return inverse.expr(k)
        case .symbolic:
            return nil
        }
    }

    static func linearSolve(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        guard let m = try matrix(k, c[0]) else {
            k.message(c.head, "matrix", c[0], .integer(1))
            return nil
        }
        let rhs = c[1]
        guard rhs.isList(k.sys), rhs.length > 0 else { return nil }
        let rhsIsVector = !rhs.arguments.contains { $0.isList(k.sys) }
        let rhsRows: [[Expr]] = rhsIsVector ? rhs.arguments.map { [$0] } : rhs.arguments.map(\.arguments)
        let rows: Int
        switch m {
        case .machine(let p): rows = p.dimensions[0]
        case .exact(let x): rows = x.rows
        case .symbolic: return nil
        }
        guard rhsRows.count == rows, let width = rhsRows.first?.count, width > 0,
              rhsRows.allSatisfy({ $0.count == width }) else {
            return k.fail(c, "lslc")
        }
        let entries = rhsRows.joined()
        guard entries.allSatisfy({ $0.isNumber }) else { return nil }
        let inexact = entries.contains { NumberArithmetic.isInexact($0) }
        var machineMatrix: PackedArray? = nil
        if case .machine(let p) = m { machineMatrix = p }
        if machineMatrix == nil, inexact, case .exact(let x) = m { machineMatrix = try machinePacked(k, x.entries) }

        if let a = machineMatrix, a.dimensions[0] == a.dimensions[1], var b = try machinePacked(k, rhsRows) {
            if rhsIsVector { b = b.reshaped([rows]) }
            do {
                let r = try NumericEngines.linearAlgebra(k).linearSolve(a, b)
                if isBadlyConditioned(r.reciprocalCondition) { k.message(c.head, "luc", c[0]) }
                return .packed(r.result)
            } catch {
                try k.abortIfStorage(error)
                return k.fail(c, "nosol")
            }
        }
        // Exact (or a non-square machine system, solved exactly on its values).
        let x: ExactMatrix
        switch m {
        case .exact(let e): x = e
        case .machine(let p): x = ExactMatrix(packed: p)
        case .symbolic: return nil
        }
        guard let solution = x.solve(ExactMatrix(rows: rhsRows)) else { return k.fail(c, "nosol") }
        if rhsIsVector { return k.listExpr(solution.entries.map { $0[0] }) }
        return solution.expr(k)
    }

    static func det(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1), let m = try square(k, c) else { return nil }
        switch m {
        case .machine(let p):
            do {
                return expr(try NumericEngines.linearAlgebra(k).determinant(p))
            } catch {
                try k.abortIfStorage(error)
                return nil
            }
        case .exact(let x):
            return x.determinant()
        case .symbolic(let rows):
            return try symbolicDeterminant(k, rows)
        }
    }

    /// Det of a small symbolic matrix by expansion along the first row (n <= 4), evaluated.
    static func symbolicDeterminant(_ k: Kernel, _ rows: [[Expr]]) throws(Interrupt) -> Expr? {
        guard rows.count <= 4, k.sys.Expand.native != nil else { return nil }
        func expand(_ rows: [[Expr]]) -> Expr {
            if rows.count == 1 { return rows[0][0] }
            var terms: [Expr] = []
            for j in 0..<rows.count {
                let minor = rows.dropFirst().map { row in row.enumerated().filter { $0.offset != j }.map(\.element) }
                let sign: Expr = .integer(j % 2 == 0 ? 1 : -1)
                terms.append(Expr(k.sys.Times, sign, rows[0][j], expand(Array(minor))))
            }
            return Expr(k.sys.Plus, terms)
        }
        return try k.evaluate(Expr(k.sys.Expand, expand(rows)))
    }

    // MARK: CholeskyDecomposition

    static func cholesky(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1), let m = try square(k, c) else { return nil }
        switch m {
        case .machine(let p):
            do throws(NumericsError) {
                return .packed(try NumericEngines.linearAlgebra(k).cholesky(p))
            } catch .notHermitian {
                return k.fail(c, "herm", c[0])
            } catch {
                try k.abortIfStorage(error)
                return k.fail(c, "posdef", c[0])
            }
        case .exact(let x):
            return try exactCholesky(k, c, x.entries)
        case .symbolic(let rows):
            return try exactCholesky(k, c, rows)
        }
    }

    /// U with ConjugateTranspose[U].U == m, entry by entry through the evaluator:
    /// U_ii = Sqrt[m_ii - Sum_k<i Conjugate[U_ki] U_ki], U_ij = (m_ij - Sum_k<i Conjugate[U_ki] U_kj) / U_ii.
    static func exactCholesky(_ k: Kernel, _ c: Call, _ a: [[Expr]]) throws(Interrupt) -> Expr? {
        let n = a.count
        let allNumbers = a.joined().allSatisfy { $0.isNumber }
        if allNumbers {
            // Exact numbers: check Hermitian symmetry first.
            for i in 0..<n {
                for j in i..<n {
                    let conj = try k.evaluate(Expr(k.sys.Conjugate, a[j][i]))
                    if !NumberArithmetic.isZero(NumberArithmetic.subtract(a[i][j], conj)) { return k.fail(c, "herm", c[0]) }
                }
            }
        }
        let zero = Expr.integer(0)
        var u = [[Expr]](repeating: [Expr](repeating: zero, count: n), count: n)
        for i in 0..<n {
            var diagonal: [Expr] = [a[i][i]]
            for p in 0..<i {
                diagonal.append(Expr(k.sys.Times, .integer(-1), Expr(k.sys.Conjugate, u[p][i]), u[p][i]))
            }
            let square = try k.evaluate(Expr(k.sys.Plus, diagonal))
            if allNumbers {
                let sign = NumberArithmetic.machineComplex(square)
                if let s = sign, s.im == 0, s.re <= 0 { return k.fail(c, "posdef", c[0]) }
            }
            u[i][i] = try k.evaluate(Expr(k.sys.Sqrt, square))
            for j in (i + 1)..<max(n, i + 1) {
                var terms: [Expr] = [a[i][j]]
                for p in 0..<i {
                    terms.append(Expr(k.sys.Times, .integer(-1), Expr(k.sys.Conjugate, u[p][i]), u[p][j]))
                }
                u[i][j] = try k.evaluate(Expr(k.sys.Times, Expr(k.sys.Plus, terms),
                                              Expr(k.sys.Power, u[i][i], .integer(-1))))
            }
        }
        return k.listExpr(u.map { k.listExpr($0) })
    }

    // MARK: Eigenvalues, Eigenvectors, Eigensystem

    enum EigenPart { case values, vectors, system }

    static func eigen(_ k: Kernel, _ c: Call, _ part: EigenPart) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2), let m = try square(k, c) else { return nil }
        let n: Int
        switch m {
        case .machine(let p): n = p.dimensions[0]
        case .exact(let x): n = x.rows
        case .symbolic: return nil
        }
        // Eigenvalues[m, k]: the k largest (k > 0) or the |k| smallest (k < 0) in absolute value.
        var selection = 0..<n
        if c.count == 2 {
            guard case .integer(let count) = c[1], count != 0, Swift.abs(count) <= n else { return nil }
            selection = count > 0 ? 0..<count : (n + count)..<n
        }
        switch m {
        case .machine(let p):
            let system: Eigensystem
            do {
                system = try NumericEngines.linearAlgebra(k).eigensystem(p, vectors: part != .values)
            } catch {
                try k.abortIfStorage(error)
                return nil
            }
            let values = Expr.packed(system.values)
            let vectors = system.vectors.map { Expr.packed($0) }
            return try selected(k, part, values, vectors, selection, n)
        case .exact(let x):
            guard let (values, vectors) = try x.integerEigensystem(k) else { return nil }
            let rows = k.listExpr(vectors.map { k.listExpr($0) })
            return try selected(k, part, k.listExpr(values), rows, selection, n)
        case .symbolic:
            return nil
        }
    }

    private static func selected(_ k: Kernel, _ part: EigenPart, _ values: Expr, _ vectors: Expr?,
                                 _ selection: Range<Int>, _ n: Int) throws(Interrupt) -> Expr? {
        func take(_ e: Expr) throws(Interrupt) -> Expr {
            if selection == 0..<n { return e }
            let bounds: [Expr] = [.integer(selection.lowerBound + 1), .integer(selection.upperBound)]
            let span = Expr(k.sys.List, bounds)
            return try k.evaluate(Expr(k.sys.Take, [e, span]))
        }
        switch part {
        case .values: return try take(values)
        case .vectors:
            guard let vectors else { return nil }
            return try take(vectors)
        case .system:
            guard let vectors else { return nil }
            return k.listExpr([try take(values), try take(vectors)])
        }
    }
}
