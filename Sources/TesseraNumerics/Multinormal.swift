// Draws from MultinormalDistribution[mu, Sigma].
//
// With Sigma = U^T U (U the upper Cholesky factor, Mathematica's CholeskyDecomposition) and z a row
// of independent standard normals, x = z.U + mu has mean mu and covariance U^T E[z^T z] U = Sigma.
// For n draws the whole n x d block is done at once: the normals are written straight into the
// result, multiplied in place by the triangular U with one BLAS call (dtrmm: half the flops of a
// dgemm and no second n x d buffer), and mu is added row by row. The block is processed in chunks
// of rows that fit in the cache, so each chunk is generated, transformed and shifted while hot.
//
// Sigma must be symmetric. If it is only positive *semi*definite (Cholesky fails), the factor comes
// from its eigendecomposition instead, Sigma = V^T diag(lambda) V with eigenvectors as rows of V,
// B = diag(Sqrt[lambda]).V, x = z.B + mu, with a full matrix product; clearly negative eigenvalues
// throw `notPositiveDefinite`.

import CBLAS
import TesseraStorage

extension RandomEngine {
    /// `RandomVariate[MultinormalDistribution[mean, covariance], count]`: a count x d real array.
    public mutating func multinormals(mean: PackedArray, covariance: PackedArray,
                                      count: Int) throws(NumericsError) -> PackedArray {
        guard mean.rank == 1, mean.type != .complex, covariance.type != .complex,
              covariance.dimensions == [mean.count, mean.count] else {
            throw .shapeMismatch(left: mean.dimensions, right: covariance.dimensions)
        }
        guard count >= 0 else { throw .invalidArgument("the number of draws must be >= 0") }
        let d = mean.count
        try checkBLASSize(d, count)
        let mu: [Double] = withReals(mean) { Array($0) }
        let factor = try MultinormalFactor(covariance: covariance, dimension: d)
        let result = try allocateUninitialized(.real, [count, d])  // every row is written below
        if count == 0 || d == 0 { return result }

        let output = result.reals.baseAddress!
        // Rows per chunk: about 256 KiB of doubles, at least one row.
        let chunkRows = max(1, (1 << 15) / d)
        var scratch = factor.isTriangular ? [] : [Double](repeating: 0, count: chunkRows * d)
        var row = 0
        while row < count {
            let rows = min(chunkRows, count - row)
            let block = output + row * d
            if factor.isTriangular {
                fillNormals(UnsafeMutableBufferPointer(start: block, count: rows * d))
                factor.matrix.withUnsafeBufferPointer { u in
                    cblas_dtrmm(CblasRowMajor, CblasRight, CblasUpper, CblasNoTrans, CblasNonUnit,
                                Int32(rows), Int32(d), 1, u.baseAddress, Int32(d), block, Int32(d))
                }
            } else {
                scratch.withUnsafeMutableBufferPointer { z in
                    fillNormals(UnsafeMutableBufferPointer(start: z.baseAddress, count: rows * d))
                    factor.matrix.withUnsafeBufferPointer { b in
                        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows), Int32(d), Int32(d),
                                    1, z.baseAddress, Int32(d), b.baseAddress, Int32(d), 0, block, Int32(d))
                    }
                }
            }
            mu.withUnsafeBufferPointer { m in
                for r in 0..<rows {
                    let line = block + r * d
                    for j in 0..<d { line[j] += m[j] }
                }
            }
            row += rows
        }
        return result
    }
}

/// The d x d factor B with Sigma = B^T B: upper triangular (Cholesky) when Sigma is positive definite.
struct MultinormalFactor {
    var matrix: [Double]
    var isTriangular: Bool

    init(covariance: PackedArray, dimension d: Int) throws(NumericsError) {
        var a: [Double] = withReals(covariance) { Array($0) }
        let largest = a.lazy.map { abs($0) }.max() ?? 0
        for i in 0..<d {
            for j in 0..<i where abs(a[i * d + j] - a[j * d + i]) > 1e-12 * largest {
                throw .notHermitian
            }
        }
        matrix = a
        isTriangular = true
        if d == 0 { return }
        // Column-major lower Cholesky of the symmetric buffer is the row-major upper U (see LAPACK.swift).
        let info = matrix.withUnsafeMutableBufferPointer { u in
            LAPACKE_dpotrf(LAPACK_COL_MAJOR, ascii("L"), Int32(d), u.baseAddress, Int32(d))
        }
        if info == 0 {
            for i in 1..<max(d, 1) { for j in 0..<i { matrix[i * d + j] = 0 } }
            return
        }
        if info < 0 { throw .lapackFailure(routine: "dpotrf", info: info) }

        // Semidefinite: eigenvectors as rows (column-major dsyevd on the symmetric buffer).
        var lambda = [Double](repeating: 0, count: d)
        let status = a.withUnsafeMutableBufferPointer { v in
            LAPACKE_dsyevd(LAPACK_COL_MAJOR, ascii("V"), ascii("L"), Int32(d), v.baseAddress, Int32(d), &lambda)
        }
        try check("dsyevd", status)
        let top = lambda.map { abs($0) }.max() ?? 0
        guard lambda.allSatisfy({ $0 >= -1e-10 * top }) else { throw .notPositiveDefinite }
        for i in 0..<d {
            let scale = max(lambda[i], 0).squareRoot()
            for j in 0..<d { a[i * d + j] *= scale }
        }
        matrix = a
        isTriangular = false
    }
}
