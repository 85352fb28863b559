// Eigenvalues and eigenvectors through LAPACK.
//
// Mathematica's conventions for machine matrices: eigenvalues are sorted by decreasing absolute
// value; `Eigenvectors` returns the vectors as the *rows* of a matrix, each normalised to unit
// Euclidean norm, in the order of the eigenvalues. A real symmetric (or complex Hermitian) matrix
// has real eigenvalues and orthonormal eigenvectors; it goes to the divide-and-conquer solver
// dsyevd / zheevd. Any other square matrix goes to dgeev / zgeev, whose eigenvalues are complex in
// general: the result is real when every eigenvalue is real, complex otherwise.
//
// For the symmetric solver the column-major view of our row-major buffer is the matrix itself (or
// its conjugate, for Hermitian ones), and the column-major eigenvector matrix LAPACK returns, read
// row-major, has the eigenvectors as rows: exactly Mathematica's layout, with no transposition.
//
// Ties in absolute value keep LAPACK's ascending order (so {{0,1},{1,0}} gives {-1., 1.}, as in
// Mathematica); a complex conjugate pair keeps dgeev's order, positive imaginary part first.

import CBLAS
import TesseraStorage

/// Eigenvalues and, when asked for, eigenvectors as rows, in matching order.
public struct Eigensystem: Sendable {
    /// Real (symmetric / Hermitian input, or all eigenvalues real) or complex vector of length n.
    public var values: PackedArray
    /// n x n, row i the unit eigenvector of `values[i]`; nil when only eigenvalues were computed.
    public var vectors: PackedArray?
}

extension LinearAlgebraEngine {
    /// `Eigenvalues[m]`, sorted by decreasing absolute value.
    public func eigenvalues(_ matrix: PackedArray) throws(NumericsError) -> PackedArray {
        try eigensystem(matrix, vectors: false).values
    }

    /// `Eigensystem[m]` (and `Eigenvectors[m]` as its `vectors`).
    public func eigensystem(_ matrix: PackedArray, vectors: Bool = true) throws(NumericsError) -> Eigensystem {
        let n = try squareSize(matrix)
        if n == 0 {
            return Eigensystem(values: try allocate(.real, [0]), vectors: vectors ? try allocate(.real, [0, 0]) : nil)
        }
        if isHermitian(matrix) {
            return try hermitianEigensystem(matrix, n: n, vectors: vectors)
        }
        return try generalEigensystem(matrix, n: n, vectors: vectors)
    }

    // MARK: Symmetric and Hermitian

    private func hermitianEigensystem(_ matrix: PackedArray, n: Int, vectors: Bool) throws(NumericsError) -> Eigensystem {
        let type = max(matrix.type, .real)
        let work = try mutableCopy(matrix, as: type)
        var values = [Double](repeating: 0, count: n)
        let n32 = Int32(n)
        let job = ascii(vectors ? "V" : "N")
        if type == .real {
            try check("dsyevd", LAPACKE_dsyevd(LAPACK_COL_MAJOR, job, ascii("L"), n32, work.reals.baseAddress!, n32, &values))
        } else {
            try check("zheevd", LAPACKE_zheevd(LAPACK_COL_MAJOR, job, ascii("L"), n32, OpaquePointer(work.baseAddress), n32, &values))
            // Eigenvectors of Conjugate[A] are the conjugates of A's.
            if vectors { for i in 0..<(n * n) { work.complexes[i].im = -work.complexes[i].im } }
        }
        let order = decreasingMagnitudeOrder(values.map { abs($0) })
        let sortedValues = try packed(reals: order.map { values[$0] })
        guard vectors else { return Eigensystem(values: sortedValues, vectors: nil) }
        let rows = try allocate(type, [n, n])
        let stride = type.stride * n
        for (target, source) in order.enumerated() {
            (rows.baseAddress + target * stride).copyMemory(from: work.baseAddress + source * stride, byteCount: stride)
        }
        return Eigensystem(values: sortedValues, vectors: rows)
    }

    // MARK: General

    private func generalEigensystem(_ matrix: PackedArray, n: Int, vectors: Bool) throws(NumericsError) -> Eigensystem {
        let n32 = Int32(n)
        let job = ascii(vectors ? "V" : "N")
        var lambda = [ComplexDouble](repeating: ComplexDouble(0, 0), count: n)
        // Eigenvectors as columns (row-major n x n), complex.
        var columns = [ComplexDouble](repeating: ComplexDouble(0, 0), count: vectors ? n * n : 1)
        if matrix.type != .complex {
            let a = try mutableCopy(matrix, as: .real)
            var wr = [Double](repeating: 0, count: n), wi = [Double](repeating: 0, count: n)
            var vr = [Double](repeating: 0, count: vectors ? n * n : 1)
            var unused = 0.0
            try check("dgeev", LAPACKE_dgeev(LAPACK_ROW_MAJOR, ascii("N"), job, n32, a.reals.baseAddress!, n32,
                                             &wr, &wi, &unused, 1, &vr, vectors ? n32 : 1))
            for j in 0..<n { lambda[j] = ComplexDouble(wr[j], wi[j]) }
            if vectors {
                // A complex pair (j, j+1) stores Re v in column j and Im v in column j+1.
                var j = 0
                while j < n {
                    if wi[j] != 0 && j + 1 < n {
                        for i in 0..<n {
                            let re = vr[i * n + j], im = vr[i * n + j + 1]
                            columns[i * n + j] = ComplexDouble(re, im)
                            columns[i * n + j + 1] = ComplexDouble(re, -im)
                        }
                        j += 2
                    } else {
                        for i in 0..<n { columns[i * n + j] = ComplexDouble(vr[i * n + j], 0) }
                        j += 1
                    }
                }
            }
        } else {
            let a = try mutableCopy(matrix, as: .complex)
            var unused = [ComplexDouble(0, 0)]  // vl, not referenced with jobvl = "N"
            let info = lambda.withUnsafeMutableBufferPointer { w in
                columns.withUnsafeMutableBufferPointer { v in
                    unused.withUnsafeMutableBufferPointer { vl in
                        LAPACKE_zgeev(LAPACK_ROW_MAJOR, ascii("N"), job, n32, OpaquePointer(a.baseAddress), n32,
                                      OpaquePointer(w.baseAddress!), OpaquePointer(vl.baseAddress!), 1,
                                      OpaquePointer(v.baseAddress!), vectors ? n32 : 1)
                    }
                }
            }
            try check("zgeev", info)
        }

        let order = decreasingMagnitudeOrder(lambda.map { $0.magnitude })
        let allReal = matrix.type != .complex && lambda.allSatisfy { $0.im == 0 }
        let values: PackedArray
        if allReal {
            values = try packed(reals: order.map { lambda[$0].re })
        } else {
            values = try packed(complexes: order.map { lambda[$0] })
        }
        guard vectors else { return Eigensystem(values: values, vectors: nil) }
        let rows = try allocate(allReal ? .real : .complex, [n, n])
        for (target, source) in order.enumerated() {
            // LAPACK normalises to unit 2-norm already; renormalise against rounding in the pairing.
            var norm = 0.0
            for i in 0..<n { let v = columns[i * n + source]; norm += v.re * v.re + v.im * v.im }
            let scale = norm > 0 ? 1 / norm.squareRoot() : 1
            for i in 0..<n {
                let v = columns[i * n + source] * scale
                if allReal { rows.reals[target * n + i] = v.re } else { rows.complexes[target * n + i] = v }
            }
        }
        return Eigensystem(values: values, vectors: rows)
    }
}

/// Indices that sort `magnitudes` decreasingly, ties in their original order (a stable sort).
func decreasingMagnitudeOrder(_ magnitudes: [Double]) -> [Int] {
    magnitudes.indices.sorted { i, j in
        magnitudes[i] != magnitudes[j] ? magnitudes[i] > magnitudes[j] : i < j
    }
}
