// Dot products through OpenBLAS, and the engine that owns the BLAS thread setting.
//
// Mathematica's Dot contracts the last index of its first argument with the first index of its
// second: for a of dimensions {d1, ..., dp, k} and b of {k, e1, ..., eq} the result has dimensions
// {d1, ..., dp, e1, ..., eq}. Flattening a to an m x k matrix and b to a k x n matrix makes every
// case one matrix product: dgemm in general, dgemv when either side is a vector, ddot for two
// vectors (the only case with a scalar result). Dot does not conjugate: complex vectors use zdotu.
//
// Integer arrays are multiplied exactly in 64-bit integers (Mathematica's Dot of integer matrices is
// exact); an overflow throws `integerOverflow` so the caller can redo it with big integers. Integer
// and real operands together are promoted to reals; anything with a complex operand is complex.

import CBLAS
import TesseraStorage

/// The linear-algebra kernels of one kernel process.
///
/// Creating the engine sets OpenBLAS to one thread: OpenBLAS otherwise starts one thread per core
/// in every process, and N kernels on a machine would oversubscribe its cores N-fold (NATIVE.md).
/// The setting is process-wide (it is OpenBLAS's); a kernel that has the machine alone raises it.
public final class LinearAlgebraEngine: Sendable {
    public init(threads: Int = 1) {
        openblas_set_num_threads(Int32(clamping: max(1, threads)))
    }

    /// OpenBLAS threads (process-wide).
    public var threads: Int {
        get { Int(openblas_get_num_threads()) }
        set { openblas_set_num_threads(Int32(clamping: max(1, newValue))) }
    }

    // MARK: Dot

    /// `Dot[a, b]` for arrays of rank >= 1: a scalar for two vectors, an array otherwise.
    public func dot(_ a: PackedArray, _ b: PackedArray) throws(NumericsError) -> PackedValue {
        guard a.rank >= 1, b.rank >= 1, a.dimensions[a.rank - 1] == b.dimensions[0] else {
            throw .shapeMismatch(left: a.dimensions, right: b.dimensions)
        }
        let k = b.dimensions[0]
        let m = k == 0 ? a.dimensions.dropLast().reduce(1, *) : a.count / k
        let n = k == 0 ? b.dimensions.dropFirst().reduce(1, *) : b.count / k
        try checkBLASSize(m, n, k)
        let dimensions = Array(a.dimensions.dropLast()) + Array(b.dimensions.dropFirst())
        let type = Promotion.commonType(a.type, b.type)
        let result = try allocate(type, dimensions)
        if k > 0 && m > 0 && n > 0 {
            switch type {
            case .integer:
                try integerProduct(a.integers.baseAddress!, b.integers.baseAddress!, result.integers.baseAddress!, m, k, n)
            case .real:
                withReals(a) { x in
                    withReals(b) { y in
                        realProduct(x.baseAddress!, y.baseAddress!, result.reals.baseAddress!, m, k, n,
                                    aIsVector: a.rank == 1, bIsVector: b.rank == 1)
                    }
                }
            case .complex:
                withComplexes(a) { x in
                    withComplexes(b) { y in
                        complexProduct(x.baseAddress!, y.baseAddress!, result.complexes.baseAddress!, m, k, n,
                                       aIsVector: a.rank == 1, bIsVector: b.rank == 1)
                    }
                }
            }
        }
        if dimensions.isEmpty {
            switch type {
            case .integer: return .scalar(.integer(result.integers[0]))
            case .real: return .scalar(.real(result.reals[0]))
            case .complex: return .scalar(.complex(result.complexes[0]))
            }
        }
        return .array(result)
    }

    /// c (m x n) = a (m x k) . b (k x n), exactly, or `integerOverflow`.
    private func integerProduct(_ a: UnsafeMutablePointer<Int>, _ b: UnsafeMutablePointer<Int>,
                                _ c: UnsafeMutablePointer<Int>, _ m: Int, _ k: Int, _ n: Int) throws(NumericsError) {
        var overflow = false
        // i-l-j order: the inner loop runs along contiguous rows of b and c.
        for i in 0..<m {
            let row = c + i * n
            for l in 0..<k {
                let x = a[i * k + l]
                if x == 0 { continue }
                let bRow = b + l * n
                for j in 0..<n {
                    let (product, o1) = x.multipliedReportingOverflow(by: bRow[j])
                    let (sum, o2) = row[j].addingReportingOverflow(product)
                    row[j] = sum
                    overflow = overflow || o1 || o2
                }
            }
            if overflow { throw .integerOverflow }
        }
    }

    private func realProduct(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
                             _ m: Int, _ k: Int, _ n: Int, aIsVector: Bool, bIsVector: Bool) {
        let (m32, k32, n32) = (Int32(m), Int32(k), Int32(n))
        if aIsVector && bIsVector {
            c[0] = cblas_ddot(k32, a, 1, b, 1)
        } else if bIsVector {
            cblas_dgemv(CblasRowMajor, CblasNoTrans, m32, k32, 1, a, k32, b, 1, 0, c, 1)
        } else if aIsVector {
            cblas_dgemv(CblasRowMajor, CblasTrans, k32, n32, 1, b, n32, a, 1, 0, c, 1)
        } else {
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m32, n32, k32, 1, a, k32, b, n32, 0, c, n32)
        }
    }

    private func complexProduct(_ a: UnsafePointer<ComplexDouble>, _ b: UnsafePointer<ComplexDouble>,
                                _ c: UnsafeMutablePointer<ComplexDouble>, _ m: Int, _ k: Int, _ n: Int,
                                aIsVector: Bool, bIsVector: Bool) {
        let (m32, k32, n32) = (Int32(m), Int32(k), Int32(n))
        var one = ComplexDouble(1, 0), zero = ComplexDouble(0, 0)
        if aIsVector && bIsVector {
            cblas_zdotu_sub(k32, a, 1, b, 1, c)
        } else if bIsVector {
            cblas_zgemv(CblasRowMajor, CblasNoTrans, m32, k32, &one, a, k32, b, 1, &zero, c, 1)
        } else if aIsVector {
            cblas_zgemv(CblasRowMajor, CblasTrans, k32, n32, &one, b, n32, a, 1, &zero, c, 1)
        } else {
            cblas_zgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m32, n32, k32, &one, a, k32, b, n32, &zero, c, n32)
        }
    }
}

/// BLAS and LAPACK here take 32-bit sizes.
func checkBLASSize(_ sizes: Int...) throws(NumericsError) {
    for size in sizes where size > Int(Int32.max) {
        throw .invalidArgument("dimension \(size) exceeds the 32-bit BLAS interface")
    }
}
