// Exact linear algebra: Gaussian elimination over exact numbers (integers, rationals, Gaussian
// rationals), so that Det, Inverse and LinearSolve of exact matrices give exact answers.
//
// Elimination takes the first non-zero pivot of a column (any non-zero exact pivot is exact, so no
// partial pivoting by size is needed). Arithmetic is `NumberArithmetic`'s, which keeps integers in
// `Int` until they overflow and rationals in lowest terms.
//
// Eigenvalues of exact matrices would need algebraic numbers in general. The common case of an
// integer (or Gaussian-integer) spectrum is recognised instead: LAPACK's eigenvalues are rounded
// and accepted only when the trace of A and of A^2 agree exactly and Det[A - lambda I] is exactly
// 0 for each of them; the eigenvectors are then exact null spaces, as Mathematica gives them.

#if canImport(Glibc)
import Glibc
#endif
import BigInt
import TesseraCore
import TesseraExpr
import TesseraNumerics
import TesseraStorage

struct ExactMatrix {
    var entries: [[Expr]]
    var rows: Int { entries.count }
    var columns: Int { entries.first?.count ?? 0 }

    init(rows: [[Expr]]) { entries = rows }

    init(packed p: PackedArray) {
        let m = p.dimensions[1]
        entries = (0..<p.dimensions[0]).map { i in (0..<m).map { j in p.elementExpr(flatIndex: i * m + j) } }
    }

    func expr(_ k: Kernel) -> Expr { k.listExpr(entries.map { k.listExpr($0) }) }

    static func identity(_ n: Int) -> ExactMatrix {
        ExactMatrix(rows: (0..<n).map { i in (0..<n).map { j in .integer(i == j ? 1 : 0) } })
    }

    // MARK: Elimination

    /// Reduced row echelon form of `self` (first `limit` columns used as pivots); returns the pivot
    /// columns, in row order, and the number of row swaps.
    mutating func reduce(pivotColumns limit: Int, full: Bool) -> (pivots: [Int], swaps: Int) {
        var pivots: [Int] = []
        var swaps = 0
        var row = 0
        for column in 0..<limit where row < rows {
            guard let p = (row..<rows).first(where: { !NumberArithmetic.isZero(entries[$0][column]) }) else { continue }
            if p != row { entries.swapAt(p, row); swaps += 1 }
            let pivot = entries[row][column]
            if full {
                guard let inverse = NumberArithmetic.reciprocal(pivot) else { continue }
                entries[row] = entries[row].map { NumberArithmetic.multiply($0, inverse) }
            }
            for r in (full ? 0 : row + 1)..<rows where r != row {
                let x = entries[r][column]
                if NumberArithmetic.isZero(x) { continue }
                guard let factor = NumberArithmetic.divide(x, full ? .integer(1) : pivot) else { continue }
                for j in column..<columns {
                    entries[r][j] = NumberArithmetic.subtract(entries[r][j], NumberArithmetic.multiply(factor, entries[row][j]))
                }
            }
            pivots.append(column)
            row += 1
        }
        return (pivots, swaps)
    }

    func determinant() -> Expr {
        var work = self
        let (pivots, swaps) = work.reduce(pivotColumns: columns, full: false)
        guard pivots.count == rows else { return .integer(0) }
        var product: Expr = .integer(swaps % 2 == 0 ? 1 : -1)
        for i in 0..<rows { product = NumberArithmetic.multiply(product, work.entries[i][i]) }
        return product
    }

    func inverse() -> ExactMatrix? {
        let n = rows
        let identity = ExactMatrix.identity(n)
        var work = ExactMatrix(rows: (0..<n).map { entries[$0] + identity.entries[$0] })
        let (pivots, _) = work.reduce(pivotColumns: n, full: true)
        guard pivots.count == n else { return nil }
        return ExactMatrix(rows: work.entries.map { Array($0[n...]) })
    }

    /// A solution x of self.x == b (free variables 0), or nil when there is none.
    func solve(_ b: ExactMatrix) -> ExactMatrix? {
        let n = columns, width = b.columns
        var work = ExactMatrix(rows: (0..<rows).map { entries[$0] + b.entries[$0] })
        let (pivots, _) = work.reduce(pivotColumns: n, full: true)
        for r in pivots.count..<rows where work.entries[r][n...].contains(where: { !NumberArithmetic.isZero($0) }) {
            return nil
        }
        var x = [[Expr]](repeating: [Expr](repeating: .integer(0), count: width), count: n)
        for (r, p) in pivots.enumerated() { x[p] = Array(work.entries[r][n...]) }
        return ExactMatrix(rows: x)
    }

    /// Basis of the null space, in Mathematica's order (the last free variable first), each vector
    /// scaled to clear denominators.
    func nullSpace() -> [[Expr]] {
        var work = self
        let (pivots, _) = work.reduce(pivotColumns: columns, full: true)
        let free = (0..<columns).filter { !pivots.contains($0) }
        var basis: [[Expr]] = []
        for f in free.reversed() {
            var v = [Expr](repeating: .integer(0), count: columns)
            v[f] = .integer(1)
            for (r, p) in pivots.enumerated() { v[p] = NumberArithmetic.negate(work.entries[r][f]) }
            basis.append(ExactMatrix.clearDenominators(v))
        }
        return basis
    }

    static func clearDenominators(_ v: [Expr]) -> [Expr] {
        var lcm = BigInt(1)
        for x in v {
            let (re, im) = NumberArithmetic.parts(x)
            for part in [re, im] {
                if let (_, d) = NumberArithmetic.ratio(part), d != 1 {
                    lcm = lcm / BigInt(lcm.magnitude.greatestCommonDivisor(with: d.magnitude)) * d
                }
            }
        }
        if lcm == 1 { return v }
        let factor = Expr.integer(lcm)
        return v.map { NumberArithmetic.multiply($0, factor) }
    }

    // MARK: Integer spectra

    /// Exact eigenvalues (sorted by decreasing absolute value, then decreasing argument) and
    /// eigenvectors, when every eigenvalue is a (Gaussian) integer; nil otherwise.
    func integerEigensystem(_ k: Kernel) throws(Interrupt) -> ([Expr], [[Expr]])? {
        let n = rows
        guard n <= 64, let machine = try LinearAlgebraBuiltins.machinePacked(k, entries),
              let values = try k.numeric({ () throws(NumericsError) in try NumericEngines.linearAlgebra(k).eigenvalues(machine) })
        else { return nil }
        var candidates: [Expr] = []
        for i in 0..<n {
            let z: ComplexDouble = values.type == .complex ? values.complexes[i] : ComplexDouble(values.reals[i], 0)
            let re = z.re.rounded(), im = z.im.rounded()
            let scale = 1 + Swift.max(Swift.abs(z.re), Swift.abs(z.im))
            guard Swift.abs(z.re - re) < 1e-6 * scale, Swift.abs(z.im - im) < 1e-6 * scale,
                  Swift.abs(re) < 1e15, Swift.abs(im) < 1e15 else { return nil }
            candidates.append(NumberArithmetic.complex(.integer(Int(re)), .integer(Int(im))))
        }
        // Exact checks: trace, trace of the square, and a singular A - lambda I for each lambda.
        var trace: Expr = .integer(0), traceSquare: Expr = .integer(0)
        for i in 0..<n {
            trace = NumberArithmetic.add(trace, entries[i][i])
            for j in 0..<n { traceSquare = NumberArithmetic.add(traceSquare, NumberArithmetic.multiply(entries[i][j], entries[j][i])) }
        }
        var sum: Expr = .integer(0), sumSquares: Expr = .integer(0)
        for c in candidates {
            sum = NumberArithmetic.add(sum, c)
            sumSquares = NumberArithmetic.add(sumSquares, NumberArithmetic.multiply(c, c))
        }
        guard NumberArithmetic.isZero(NumberArithmetic.subtract(sum, trace)),
              NumberArithmetic.isZero(NumberArithmetic.subtract(sumSquares, traceSquare)) else { return nil }
        let order = candidates.indices.sorted { i, j in
            let a = NumberArithmetic.machineComplex(candidates[i]) ?? MachineComplex(0, 0)
            let b = NumberArithmetic.machineComplex(candidates[j]) ?? MachineComplex(0, 0)
            let (ma, mb) = ((a.re * a.re + a.im * a.im), (b.re * b.re + b.im * b.im))
            if ma != mb { return ma > mb }
            let (pa, pb) = (atan2(a.im, a.re), atan2(b.im, b.re))
            return pa != pb ? pa > pb : i < j
        }
        let sorted = order.map { candidates[$0] }
        var vectors: [[Expr]] = []
        var index = 0
        while index < n {
            let lambda = sorted[index]
            var multiplicity = 1
            while index + multiplicity < n, NumberArithmetic.isZero(NumberArithmetic.subtract(sorted[index + multiplicity], lambda)) {
                multiplicity += 1
            }
            var shifted = self
            for i in 0..<n { shifted.entries[i][i] = NumberArithmetic.subtract(entries[i][i], lambda) }
            let basis = shifted.nullSpace()
            guard !basis.isEmpty else { return nil }  // not an eigenvalue after all
            for m in 0..<multiplicity {
                vectors.append(m < basis.count ? basis[m] : [Expr](repeating: .integer(0), count: n))
            }
            index += multiplicity
        }
        return (sorted, vectors)
    }
}
