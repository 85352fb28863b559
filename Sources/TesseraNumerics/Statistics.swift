// Mean, Variance, StandardDeviation, Covariance and Median of packed vectors and matrices.
//
// Mathematica's descriptive statistics work on the first level: for a vector they give a number,
// for a matrix the statistic of each column (a vector), and likewise elementwise for deeper arrays.
// Definitions (n the length, mu the mean):
//   Mean[x]        = Total[x] / n
//   Variance[x]    = Sum[(x - mu) Conjugate[x - mu]] / (n - 1)        (real also for complex x)
//   StandardDeviation[x] = Sqrt[Variance[x]]
//   Covariance[m]  = c with c_ij = Sum_k (m_ki - mu_i) Conjugate[m_kj - mu_j] / (n - 1)   (d x d)
//   Median[x]      = the middle element of Sort[x], or the mean of the two middle ones for even n.
//
// Integer input: Mean, Variance, ... of machine integers are exact rationals in Mathematica; these
// kernels give their machine-real value (the builtins layer uses them under N, or computes exactly
// from `Reductions.total`). Median of integers stays exact: it is an integer array when every
// median is an integer, and `notRepresentable` (a half-integer) otherwise.
//
// Variance uses two passes with the correction term of Chan, Golub and LeVeque ("Algorithms for
// computing the sample variance", 1983): Sum (x-mu)^2 - (Sum (x-mu))^2 / n, accurate even when the
// mean is large compared with the spread. Covariance centres a copy and does one BLAS product.

#if canImport(Glibc)
import Glibc
#endif
import CBLAS
import TesseraStorage

/// Descriptive statistics over the first level of packed arrays.
public enum Statistics {
    /// `Mean[array]`: a scalar for a vector, the mean of the first-level parts otherwise.
    public static func mean(_ array: PackedArray) throws(NumericsError) -> PackedValue {
        _ = try length(array, atLeast: 1)
        let means = try columnMeans(array)
        return array.rank == 1 ? .scalar(scalar(means)) : .array(means)
    }

    /// `Variance[array]` (divisor n - 1): real, a scalar for a vector, per column otherwise.
    public static func variance(_ array: PackedArray) throws(NumericsError) -> PackedValue {
        let result = try columnVariances(array)
        return array.rank == 1 ? .scalar(.real(result.reals[0])) : .array(result)
    }

    /// `StandardDeviation[array]`: the square root of the variance.
    public static func standardDeviation(_ array: PackedArray) throws(NumericsError) -> PackedValue {
        let result = try columnVariances(array)
        let v = result.reals
        for i in v.indices { v[i] = v[i].squareRoot() }
        return array.rank == 1 ? .scalar(.real(v[0])) : .array(result)
    }

    /// `Covariance[matrix]`: the d x d covariance of the columns of an n x d matrix (n >= 2).
    public static func covariance(_ matrix: PackedArray) throws(NumericsError) -> PackedArray {
        guard matrix.rank == 2 else { throw .invalidArgument("Covariance needs a matrix") }
        let n = try length(matrix, atLeast: 2), d = matrix.dimensions[1]
        try checkBLASSize(n, d)
        let type = Swift.max(matrix.type, .real)
        let centred = try mutableCopy(matrix, as: type)
        let means = try columnMeans(centred)
        let result = try allocate(type, [d, d])
        if d == 0 { return result }
        let (n32, d32) = (Int32(n), Int32(d))
        if type == .real {
            let x = centred.reals.baseAddress!, mu = means.reals.baseAddress!
            for row in 0..<n { for j in 0..<d { x[row * d + j] -= mu[j] } }
            // c = X^T X / (n - 1), lower triangle by dsyrk, then mirrored.
            let c = result.reals.baseAddress!
            cblas_dsyrk(CblasRowMajor, CblasLower, CblasTrans, d32, n32, 1 / Double(n - 1), x, d32, 0, c, d32)
            for i in 0..<d { for j in (i + 1)..<Swift.max(d, i + 1) { c[i * d + j] = c[j * d + i] } }
        } else {
            let x = centred.complexes.baseAddress!, mu = means.complexes.baseAddress!
            for row in 0..<n { for j in 0..<d { x[row * d + j] = x[row * d + j] - mu[j] } }
            // X^H X has entries Sum Conjugate[x_ki] x_kj = Conjugate[c_ij]: compute it, then conjugate.
            var alpha = ComplexDouble(1 / Double(n - 1), 0), beta = ComplexDouble(0, 0)
            let c = result.complexes.baseAddress!
            cblas_zgemm(CblasRowMajor, CblasConjTrans, CblasNoTrans, d32, d32, n32, &alpha, x, d32, x, d32, &beta, c, d32)
            for i in 0..<(d * d) { c[i].im = -c[i].im }
        }
        return result
    }

    /// `Covariance[v1, v2]` of two vectors of equal length n >= 2.
    public static func covariance(_ a: PackedArray, _ b: PackedArray) throws(NumericsError) -> PackedScalar {
        guard a.rank == 1, b.rank == 1, a.count == b.count else {
            throw .shapeMismatch(left: a.dimensions, right: b.dimensions)
        }
        let n = try length(a, atLeast: 2)
        if a.type == .complex || b.type == .complex {
            return withComplexes(a) { x in
                withComplexes(b) { y in
                    var mx = ComplexDouble(0, 0), my = ComplexDouble(0, 0)
                    for i in 0..<n { mx = mx + x[i]; my = my + y[i] }
                    mx = mx * (1 / Double(n)); my = my * (1 / Double(n))
                    var sum = ComplexDouble(0, 0)
                    for i in 0..<n { sum = sum + (x[i] - mx) * (y[i] - my).conjugate }
                    return .complex(sum * (1 / Double(n - 1)))
                }
            }
        }
        return withReals(a) { x in
            withReals(b) { y in
                let mx = Reductions.realSum(x) / Double(n), my = Reductions.realSum(y) / Double(n)
                var sum = 0.0
                for i in 0..<n { sum += (x[i] - mx) * (y[i] - my) }
                return .real(sum / Double(n - 1))
            }
        }
    }

    /// `Median[array]`: a scalar for a vector, per column otherwise. Real input gives reals; integer
    /// input gives integers, or `notRepresentable` when a median is a half-integer. Complex input
    /// is `unsupportedType` (Median needs real numbers).
    public static func median(_ array: PackedArray) throws(NumericsError) -> PackedValue {
        let n = try length(array, atLeast: 1)
        let s = array.sliceCount
        let partDimensions = Array(array.dimensions.dropFirst())
        switch array.type {
        case .complex:
            throw .unsupportedType(.complex)
        case .real:
            let result = try allocate(.real, partDimensions)
            let x = array.reals.baseAddress!
            var column = [Double](repeating: 0, count: n)
            for j in 0..<s {
                for i in 0..<n { column[i] = x[i * s + j] }
                let (low, high) = middlePair(&column)
                result.reals[j] = n % 2 == 1 ? low : (low + high) / 2
            }
            return array.rank == 1 ? .scalar(.real(result.reals[0])) : .array(result)
        case .integer:
            let result = try allocate(.integer, partDimensions)
            let x = array.integers.baseAddress!
            var column = [Int](repeating: 0, count: n)
            for j in 0..<s {
                for i in 0..<n { column[i] = x[i * s + j] }
                let (low, high) = middlePair(&column)
                if n % 2 == 1 {
                    result.integers[j] = low
                } else {
                    // (low + high) / 2 without overflow; it must be a whole number.
                    let difference = high.subtractingReportingOverflow(low)
                    guard !difference.overflow, difference.partialValue % 2 == 0 else { throw .notRepresentable }
                    result.integers[j] = low + difference.partialValue / 2
                }
            }
            return array.rank == 1 ? .scalar(.integer(result.integers[0])) : .array(result)
        }
    }

    // MARK: Helpers

    /// The first dimension, checked against a minimum (Variance needs two elements).
    static func length(_ array: PackedArray, atLeast minimum: Int) throws(NumericsError) -> Int {
        guard array.rank >= 1, array.dimensions[0] >= minimum else {
            throw .invalidArgument("needs a list of at least \(minimum) elements")
        }
        return array.dimensions[0]
    }

    /// Means of the first-level parts, as a real or complex array of the part shape.
    static func columnMeans(_ array: PackedArray) throws(NumericsError) -> PackedArray {
        let n = array.dimensions[0]
        let type = Swift.max(array.type, .real)
        let sums = try allocate(type, Array(array.dimensions.dropFirst()))
        if array.rank == 1 {
            switch array.type {
            case .integer:
                // Summed in floating point: the exact sum may not fit, the mean always does.
                sums.reals[0] = withReals(array) { Reductions.realSum($0) }
            case .real:
                sums.reals[0] = Reductions.realSum(UnsafeBufferPointer(array.reals))
            case .complex:
                guard case .complex(let z) = try Reductions.total(array) else { break }
                sums.complexes[0] = z
            }
        } else {
            try Reductions.addParts(try Promotion.converted(array, to: type), into: sums)
        }
        let scale = 1 / Double(n)
        let raw = UnsafeMutableRawPointer(sums.baseAddress).assumingMemoryBound(to: Double.self)
        for i in 0..<(sums.count * (type == .complex ? 2 : 1)) { raw[i] *= scale }
        return sums
    }

    /// Variances of the first-level parts (real, the part shape).
    static func columnVariances(_ array: PackedArray) throws(NumericsError) -> PackedArray {
        let n = try length(array, atLeast: 2)
        let s = array.sliceCount
        let means = try columnMeans(array)
        let result = try allocate(.real, [s])
        let squares = result.reals.baseAddress!
        var deviations = [Double](repeating: 0, count: s)
        if array.type == .complex {
            let x = array.complexes.baseAddress!, mu = means.complexes.baseAddress!
            var deviationsIm = [Double](repeating: 0, count: s)
            for row in 0..<n {
                for j in 0..<s {
                    let dr = x[row * s + j].re - mu[j].re, di = x[row * s + j].im - mu[j].im
                    squares[j] += dr * dr + di * di
                    deviations[j] += dr
                    deviationsIm[j] += di
                }
            }
            for j in 0..<s {
                squares[j] = (squares[j] - (deviations[j] * deviations[j] + deviationsIm[j] * deviationsIm[j]) / Double(n)) / Double(n - 1)
            }
        } else {
            let mu = means.reals.baseAddress!
            withReals(array) { x in
                for row in 0..<n {
                    for j in 0..<s {
                        let d = x[row * s + j] - mu[j]
                        squares[j] += d * d
                        deviations[j] += d
                    }
                }
            }
            for j in 0..<s { squares[j] = (squares[j] - deviations[j] * deviations[j] / Double(n)) / Double(n - 1) }
        }
        return result.reshaped(Array(array.dimensions.dropFirst()))
    }

    static func scalar(_ array: PackedArray) -> PackedScalar {
        switch array.type {
        case .integer: return .integer(array.integers[0])
        case .real: return .real(array.reals[0])
        case .complex: return .complex(array.complexes[0])
        }
    }
}

/// The elements of rank floor((n-1)/2) and floor(n/2) in sorted order (equal for odd n). Reorders
/// `values`. Quickselect (Hoare partition, median-of-three pivots), expected O(n).
func middlePair<T: Comparable>(_ values: inout [T]) -> (T, T) {
    let n = values.count
    let lowRank = (n - 1) / 2
    values.withUnsafeMutableBufferPointer { x in select(x, rank: lowRank) }
    let low = values[lowRank]
    guard n % 2 == 0 else { return (low, low) }
    // The next order statistic is the smallest element above the partition point.
    var high = values[lowRank + 1]
    for i in (lowRank + 2)..<n where values[i] < high { high = values[i] }
    return (low, high)
}

/// Moves the element of the given rank to its sorted position, smaller ones before, larger after.
func select<T: Comparable>(_ x: UnsafeMutableBufferPointer<T>, rank k: Int) {
    var left = 0, right = x.count - 1
    while right > left {
        // Median of three as pivot, guarding against sorted input.
        let middle = left + (right - left) / 2
        if x[middle] < x[left] { x.swapAt(middle, left) }
        if x[right] < x[left] { x.swapAt(right, left) }
        if x[right] < x[middle] { x.swapAt(right, middle) }
        let pivot = x[middle]
        var i = left, j = right
        while i <= j {
            while x[i] < pivot { i += 1 }
            while pivot < x[j] { j -= 1 }
            if i <= j { x.swapAt(i, j); i += 1; j -= 1 }
        }
        if k <= j { right = j } else if k >= i { left = i } else { return }
    }
}
