// Inverse, LinearSolve, Det and CholeskyDecomposition through LAPACKE.
//
// Row-major without copies. A row-major n x n buffer read by LAPACK in column-major order is the
// transpose of the matrix. Several routines commute with transposition, so they run in column-major
// order straight on our buffer, which saves LAPACKE's two internal transposes:
// - Inverse: (A^T)^-1 = (A^-1)^T, so inverting the column-major view leaves A^-1 in row-major order.
// - Det: det(A^T) = det(A).
// - Cholesky: for Hermitian A the column-major view is Conjugate[A]; its lower factor L
//   (Conjugate[A] = L L^H), read row-major, is U = L^T with ConjugateTranspose[U].U = A, which is
//   Mathematica's CholeskyDecomposition (upper triangular U, m == ConjugateTranspose[U].U).
// LinearSolve has a right-hand side to lay out and uses LAPACKE's row-major interface.
//
// Integer matrices are solved as reals: the exact (rational) answers are the builtins layer's job.
// Singular matrices throw `singular`; results carry LAPACK's reciprocal condition estimate so that
// the caller can warn about badly conditioned matrices (`Inverse::luc`, `LinearSolve::luc`).

import CBLAS
import TesseraStorage

/// A result with the reciprocal condition estimate of the matrix that produced it.
public struct ConditionedResult: Sendable {
    public var result: PackedArray
    /// LAPACK's estimate of 1 / cond(A) (1-norm or infinity-norm); near 1e-16 means ill-conditioned.
    public var reciprocalCondition: Double
}

extension LinearAlgebraEngine {
    /// `Inverse[m]` of a square real or complex matrix (integers are inverted as reals).
    public func inverse(_ matrix: PackedArray) throws(NumericsError) -> ConditionedResult {
        let n = try squareSize(matrix)
        let type = max(matrix.type, .real)
        let result = try mutableCopy(matrix, as: type)
        if n == 0 { return ConditionedResult(result: result, reciprocalCondition: 1) }
        var pivots = [Int32](repeating: 0, count: n)
        let n32 = Int32(n)
        var rcond = 0.0
        var info: Int32
        if type == .real {
            let a = result.reals.baseAddress!
            let norm = LAPACKE_dlange(LAPACK_COL_MAJOR, ascii("1"), n32, n32, a, n32)
            info = LAPACKE_dgetrf(LAPACK_COL_MAJOR, n32, n32, a, n32, &pivots)
            if info > 0 { throw .singular }
            try check("dgetrf", info)
            try check("dgecon", LAPACKE_dgecon(LAPACK_COL_MAJOR, ascii("1"), n32, a, n32, norm, &rcond))
            info = LAPACKE_dgetri(LAPACK_COL_MAJOR, n32, a, n32, &pivots)
            if info > 0 { throw .singular }
            try check("dgetri", info)
        } else {
            let a = OpaquePointer(result.baseAddress)
            let norm = LAPACKE_zlange(LAPACK_COL_MAJOR, ascii("1"), n32, n32, a, n32)
            info = LAPACKE_zgetrf(LAPACK_COL_MAJOR, n32, n32, a, n32, &pivots)
            if info > 0 { throw .singular }
            try check("zgetrf", info)
            try check("zgecon", LAPACKE_zgecon(LAPACK_COL_MAJOR, ascii("1"), n32, a, n32, norm, &rcond))
            info = LAPACKE_zgetri(LAPACK_COL_MAJOR, n32, a, n32, &pivots)
            if info > 0 { throw .singular }
            try check("zgetri", info)
        }
        return ConditionedResult(result: result, reciprocalCondition: rcond)
    }

    /// `LinearSolve[m, b]` for a square matrix and a vector (length n) or matrix (n x k) right side.
    public func linearSolve(_ matrix: PackedArray, _ rhs: PackedArray) throws(NumericsError) -> ConditionedResult {
        let n = try squareSize(matrix)
        guard (rhs.rank == 1 || rhs.rank == 2), rhs.dimensions[0] == n else {
            throw .shapeMismatch(left: matrix.dimensions, right: rhs.dimensions)
        }
        let columns = rhs.rank == 1 ? 1 : rhs.dimensions[1]
        try checkBLASSize(columns)
        let type = max(matrix.type, rhs.type, .real)
        let lu = try mutableCopy(matrix, as: type)
        let result = try mutableCopy(rhs, as: type)
        if n == 0 || columns == 0 { return ConditionedResult(result: result, reciprocalCondition: 1) }
        var pivots = [Int32](repeating: 0, count: n)
        let (n32, k32) = (Int32(n), Int32(columns))
        var rcond = 0.0
        if type == .real {
            let a = lu.reals.baseAddress!
            let norm = LAPACKE_dlange(LAPACK_ROW_MAJOR, ascii("1"), n32, n32, a, n32)
            let info = LAPACKE_dgesv(LAPACK_ROW_MAJOR, n32, k32, a, n32, &pivots, result.reals.baseAddress!, k32)
            if info > 0 { throw .singular }
            try check("dgesv", info)
            try check("dgecon", LAPACKE_dgecon(LAPACK_ROW_MAJOR, ascii("1"), n32, a, n32, norm, &rcond))
        } else {
            let a = OpaquePointer(lu.baseAddress)
            let norm = LAPACKE_zlange(LAPACK_ROW_MAJOR, ascii("1"), n32, n32, a, n32)
            let info = LAPACKE_zgesv(LAPACK_ROW_MAJOR, n32, k32, a, n32, &pivots, OpaquePointer(result.baseAddress), k32)
            if info > 0 { throw .singular }
            try check("zgesv", info)
            try check("zgecon", LAPACKE_zgecon(LAPACK_ROW_MAJOR, ascii("1"), n32, a, n32, norm, &rcond))
        }
        return ConditionedResult(result: result, reciprocalCondition: rcond)
    }

    /// `Det[m]` through an LU factorisation: the product of U's diagonal, negated once per row swap.
    /// An exactly zero pivot gives 0.
    public func determinant(_ matrix: PackedArray) throws(NumericsError) -> PackedScalar {
        let n = try squareSize(matrix)
        let type = max(matrix.type, .real)
        if n == 0 { return type == .real ? .real(1) : .complex(ComplexDouble(1, 0)) }
        let lu = try mutableCopy(matrix, as: type)
        var pivots = [Int32](repeating: 0, count: n)
        let n32 = Int32(n)
        var swaps = 0
        if type == .real {
            let a = lu.reals.baseAddress!
            let info = LAPACKE_dgetrf(LAPACK_COL_MAJOR, n32, n32, a, n32, &pivots)
            if info > 0 { return .real(0) }
            try check("dgetrf", info)
            var product = 1.0
            for i in 0..<n {
                product *= a[i * n + i]
                if pivots[i] != Int32(i + 1) { swaps += 1 }
            }
            return .real(swaps % 2 == 0 ? product : -product)
        } else {
            let a = lu.complexes.baseAddress!
            let info = LAPACKE_zgetrf(LAPACK_COL_MAJOR, n32, n32, OpaquePointer(a), n32, &pivots)
            if info > 0 { return .complex(ComplexDouble(0, 0)) }
            try check("zgetrf", info)
            var product = ComplexDouble(1, 0)
            for i in 0..<n {
                product = product * a[i * n + i]
                if pivots[i] != Int32(i + 1) { swaps += 1 }
            }
            return .complex(swaps % 2 == 0 ? product : -product)
        }
    }

    /// `CholeskyDecomposition[m]`: the upper triangular U with `ConjugateTranspose[U].U == m`, for a
    /// Hermitian positive definite m. Throws `notHermitian` or `notPositiveDefinite` otherwise.
    public func cholesky(_ matrix: PackedArray) throws(NumericsError) -> PackedArray {
        let n = try squareSize(matrix)
        let type = max(matrix.type, .real)
        let u = try mutableCopy(matrix, as: type)
        guard isHermitian(u, tolerance: 1e-12) else { throw .notHermitian }
        if n == 0 { return u }
        let n32 = Int32(n)
        if type == .real {
            let a = u.reals.baseAddress!
            let info = LAPACKE_dpotrf(LAPACK_COL_MAJOR, ascii("L"), n32, a, n32)
            if info > 0 { throw .notPositiveDefinite }
            try check("dpotrf", info)
            for i in 1..<max(n, 1) { for j in 0..<i { a[i * n + j] = 0 } }
        } else {
            let a = u.complexes.baseAddress!
            let info = LAPACKE_zpotrf(LAPACK_COL_MAJOR, ascii("L"), n32, OpaquePointer(a), n32)
            if info > 0 { throw .notPositiveDefinite }
            try check("zpotrf", info)
            for i in 1..<max(n, 1) { for j in 0..<i { a[i * n + j] = ComplexDouble(0, 0) } }
        }
        return u
    }

    /// True when m equals its conjugate transpose to within `tolerance` times its largest entry
    /// (0 asks for exact equality).
    public func isHermitian(_ matrix: PackedArray, tolerance: Double = 0) -> Bool {
        guard matrix.rank == 2, matrix.dimensions[0] == matrix.dimensions[1] else { return false }
        let n = matrix.dimensions[0]
        switch matrix.type {
        case .integer:
            let a = matrix.integers
            for i in 0..<n { for j in (i + 1)..<max(n, i + 1) where a[i * n + j] != a[j * n + i] { return false } }
            return true
        case .real:
            let a = matrix.reals
            let bound = tolerance * (a.lazy.map { abs($0) }.max() ?? 0)
            for i in 0..<n {
                for j in (i + 1)..<max(n, i + 1) where abs(a[i * n + j] - a[j * n + i]) > bound { return false }
            }
            return true
        case .complex:
            let a = matrix.complexes
            let bound = tolerance * (a.lazy.map { $0.magnitude }.max() ?? 0)
            for i in 0..<n {
                if abs(a[i * n + i].im) > bound { return false }
                for j in (i + 1)..<max(n, i + 1) where (a[i * n + j] - a[j * n + i].conjugate).magnitude > bound {
                    return false
                }
            }
            return true
        }
    }

    // MARK: Helpers

    /// n for an n x n matrix.
    func squareSize(_ matrix: PackedArray) throws(NumericsError) -> Int {
        guard matrix.rank == 2, matrix.dimensions[0] == matrix.dimensions[1] else {
            throw .notSquare(dimensions: matrix.dimensions)
        }
        try checkBLASSize(matrix.dimensions[0])
        return matrix.dimensions[0]
    }
}

/// A LAPACK character argument.
@inline(__always)
func ascii(_ character: Unicode.Scalar) -> CChar { CChar(UInt8(ascii: character)) }

/// Turns a negative LAPACK info (an illegal argument) or a convergence failure into an error.
func check(_ routine: String, _ info: Int32) throws(NumericsError) {
    if info != 0 { throw .lapackFailure(routine: routine, info: info) }
}
