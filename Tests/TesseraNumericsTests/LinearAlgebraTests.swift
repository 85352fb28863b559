// Linear algebra through residuals: A.Inverse[A] = I, A.x = b, ConjugateTranspose[U].U = A,
// A.v = lambda v, plus Dot in all its shapes and exact integer products.

#if canImport(Glibc)
import Glibc
#endif
import Testing
import TesseraStorage
@testable import TesseraNumerics

/// A well-conditioned random n x n matrix (diagonally dominated).
func wellConditioned(_ n: Int, seed: UInt64) -> [Double] {
    var data = TestData(seed: seed)
    var a = data.reals(n * n)
    for i in 0..<n { a[i * n + i] += Double(n) }
    return a
}

func wellConditionedComplex(_ n: Int, seed: UInt64) -> [ComplexDouble] {
    var data = TestData(seed: seed)
    var a = data.complexes(n * n)
    for i in 0..<n { a[i * n + i] = a[i * n + i] + ComplexDouble(Double(n), 0) }
    return a
}

/// A symmetric positive definite matrix B^T.B + n I.
func positiveDefinite(_ n: Int, seed: UInt64) -> [Double] {
    var data = TestData(seed: seed)
    let b = data.reals(n * n)
    var a = [Double](repeating: 0, count: n * n)
    for i in 0..<n { for j in 0..<n { for k in 0..<n { a[i * n + j] += b[k * n + i] * b[k * n + j] } } }
    for i in 0..<n { a[i * n + i] += Double(n) }
    return a
}

func identity(_ n: Int) -> [Double] { (0..<(n * n)).map { $0 / n == $0 % n ? 1 : 0 } }

@Suite struct LinearAlgebraTests {
    let engine = LinearAlgebraEngine()

    @Test(arguments: [1, 2, 3, 10, 57])
    func inverseTimesMatrixIsIdentity(_ n: Int) throws {
        let a = wellConditioned(n, seed: UInt64(n))
        let inverse = try engine.inverse(try PackedArray(reals: a, dimensions: [n, n]))
        #expect(inverse.reciprocalCondition > 1e-3)
        #expect(maxAbsDifference(multiply(a, inverse.result.realArray, n, n, n), identity(n)) < 1e-12)
    }

    @Test(arguments: [1, 4, 20])
    func complexInverse(_ n: Int) throws {
        let a = wellConditionedComplex(n, seed: 3)
        let inverse = try engine.inverse(try PackedArray(complexes: a, dimensions: [n, n])).result
        let product = multiply(a, inverse.complexArray, n, n, n)
        #expect(maxAbsDifference(product, identity(n).map { ComplexDouble($0, 0) }) < 1e-12)
    }

    @Test func singularMatricesAreReported() throws {
        let singular = try PackedArray(reals: [1, 2, 2, 4], dimensions: [2, 2])
        #expect(throws: NumericsError.singular) { try engine.inverse(singular) }
        #expect(throws: NumericsError.singular) { try engine.linearSolve(singular, try PackedArray(reals: [1, 1])) }
        #expect(try engine.determinant(singular) == .real(0))
        #expect(throws: NumericsError.notSquare(dimensions: [2, 3])) {
            try engine.inverse(try PackedArray(reals: [1, 2, 3, 4, 5, 6], dimensions: [2, 3]))
        }
    }

    @Test func integerMatricesAreInvertedAsReals() throws {
        // Inverse[{{2, 1}, {1, 1}}] = {{1, -1}, {-1, 2}}
        let inverse = try engine.inverse(try PackedArray(integers: [2, 1, 1, 1], dimensions: [2, 2])).result
        #expect(inverse.type == .real)
        #expect(maxAbsDifference(inverse.realArray, [1, -1, -1, 2]) < 1e-15)
    }

    @Test(arguments: [1, 5, 40])
    func linearSolveWithVectorAndMatrixRightSides(_ n: Int) throws {
        let a = wellConditioned(n, seed: 10 + UInt64(n))
        var data = TestData(seed: 4)
        let b = data.reals(n)
        let matrix = try PackedArray(reals: a, dimensions: [n, n])
        let x = try engine.linearSolve(matrix, try PackedArray(reals: b)).result
        #expect(x.dimensions == [n])
        #expect(maxAbsDifference(multiply(a, x.realArray, n, n, 1), b) < 1e-12)
        let bs = data.reals(n * 3)
        let xs = try engine.linearSolve(matrix, try PackedArray(reals: bs, dimensions: [n, 3])).result
        #expect(xs.dimensions == [n, 3])
        #expect(maxAbsDifference(multiply(a, xs.realArray, n, n, 3), bs) < 1e-12)
    }

    @Test func complexLinearSolve() throws {
        let n = 6
        let a = wellConditionedComplex(n, seed: 8)
        var data = TestData(seed: 9)
        let b = data.complexes(n)
        let x = try engine.linearSolve(try PackedArray(complexes: a, dimensions: [n, n]), try PackedArray(reals: b.map(\.re))).result
        #expect(x.type == .complex)
        #expect(maxAbsDifference(multiply(a, x.complexArray, n, n, 1), b.map { ComplexDouble($0.re, 0) }) < 1e-12)
    }

    @Test func determinants() throws {
        #expect(try engine.determinant(try PackedArray(integers: [1, 2, 3, 4], dimensions: [2, 2])) == .real(-2))
        // A row swap is needed: Det[{{0, 1}, {1, 0}}] = -1.
        #expect(try engine.determinant(try PackedArray(reals: [0, 1, 1, 0], dimensions: [2, 2])) == .real(-1))
        let a = wellConditioned(8, seed: 2)
        let inverse = try engine.inverse(try PackedArray(reals: a, dimensions: [8, 8])).result
        guard case .real(let d) = try engine.determinant(try PackedArray(reals: a, dimensions: [8, 8])),
              case .real(let e) = try engine.determinant(inverse) else { Issue.record("real expected"); return }
        #expect(abs(d * e - 1) < 1e-12)
        let c = try engine.determinant(try PackedArray(complexes: [ComplexDouble(0, 1), ComplexDouble(2, 0),
                                                                  ComplexDouble(1, 0), ComplexDouble(0, 1)], dimensions: [2, 2]))
        #expect(c == .complex(ComplexDouble(-3, 0)))
    }

    @Test(arguments: [1, 3, 30])
    func choleskyIsUpperWithConjugateTransposeProductEqualToTheMatrix(_ n: Int) throws {
        let a = positiveDefinite(n, seed: UInt64(n))
        let u = try engine.cholesky(try PackedArray(reals: a, dimensions: [n, n])).realArray
        for i in 0..<n { for j in 0..<i { #expect(u[i * n + j] == 0) } }
        var ut = u
        for i in 0..<n { for j in 0..<n { ut[i * n + j] = u[j * n + i] } }
        #expect(maxAbsDifference(multiply(ut, u, n, n, n), a) < 1e-12 * Double(n * n))
    }

    @Test func complexCholesky() throws {
        // m = {{2, I}, {-I, 2}} is Hermitian positive definite.
        let m = [ComplexDouble(2, 0), ComplexDouble(0, 1), ComplexDouble(0, -1), ComplexDouble(2, 0)]
        let u = try engine.cholesky(try PackedArray(complexes: m, dimensions: [2, 2])).complexArray
        #expect(u[2] == ComplexDouble(0, 0))
        var uh = u
        for i in 0..<2 { for j in 0..<2 { uh[i * 2 + j] = u[j * 2 + i].conjugate } }
        #expect(maxAbsDifference(multiply(uh, u, 2, 2, 2), m) < 1e-14)
    }

    @Test func choleskyRejectsIndefiniteAndNonSymmetricMatrices() throws {
        #expect(throws: NumericsError.notPositiveDefinite) {
            try engine.cholesky(try PackedArray(reals: [1, 2, 2, 1], dimensions: [2, 2]))
        }
        #expect(throws: NumericsError.notHermitian) {
            try engine.cholesky(try PackedArray(reals: [2, 1, 0, 2], dimensions: [2, 2]))
        }
    }

    @Test(arguments: [1, 2, 5, 33])
    func symmetricEigenvectorsSatisfyTheDefinitionAndAreSorted(_ n: Int) throws {
        var data = TestData(seed: UInt64(n) &* 31)
        var a = data.reals(n * n)
        for i in 0..<n { for j in 0..<i { a[i * n + j] = a[j * n + i] } }
        let system = try engine.eigensystem(try PackedArray(reals: a, dimensions: [n, n]))
        let values = system.values.realArray
        let vectors = try #require(system.vectors).realArray
        for i in 1..<max(n, 1) { #expect(abs(values[i - 1]) >= abs(values[i])) }
        for i in 0..<n {
            let v = Array(vectors[(i * n)..<(i * n + n)])
            #expect(abs(v.reduce(0) { $0 + $1 * $1 } - 1) < 1e-12)
            #expect(maxAbsDifference(multiply(a, v, n, n, 1), v.map { $0 * values[i] }) < 1e-12)
        }
    }

    @Test func tiesKeepMathematicasOrder() throws {
        // Eigenvalues[N[{{0, 1}, {1, 0}}]] = {-1., 1.}
        let values = try engine.eigenvalues(try PackedArray(reals: [0, 1, 1, 0], dimensions: [2, 2]))
        #expect(maxAbsDifference(values.realArray, [-1, 1]) < 1e-15)
    }

    @Test func generalEigenvaluesOfARotationAreAConjugatePair() throws {
        // Eigenvalues[N[{{0, 1}, {-1, 0}}]] = {0. + 1. I, 0. - 1. I}
        let system = try engine.eigensystem(try PackedArray(reals: [0, 1, -1, 0], dimensions: [2, 2]))
        #expect(system.values.type == .complex)
        #expect(maxAbsDifference(system.values.complexArray, [ComplexDouble(0, 1), ComplexDouble(0, -1)]) < 1e-15)
        try checkEigenpairs([0, 1, -1, 0].map { ComplexDouble($0, 0) }, 2, system)
    }

    @Test(arguments: [3, 8, 25])
    func generalRealAndComplexMatrices(_ n: Int) throws {
        var data = TestData(seed: UInt64(n) &+ 1000)
        let a = data.reals(n * n)
        let realSystem = try engine.eigensystem(try PackedArray(reals: a, dimensions: [n, n]))
        try checkEigenpairs(a.map { ComplexDouble($0, 0) }, n, realSystem)
        let c = data.complexes(n * n)
        try checkEigenpairs(c, n, try engine.eigensystem(try PackedArray(complexes: c, dimensions: [n, n])))
        // Hermitian complex goes to zheevd: real eigenvalues.
        var h = c
        for i in 0..<n { h[i * n + i].im = 0; for j in 0..<i { h[i * n + j] = h[j * n + i].conjugate } }
        let hermitian = try engine.eigensystem(try PackedArray(complexes: h, dimensions: [n, n]))
        #expect(hermitian.values.type == .real)
        try checkEigenpairs(h, n, hermitian)
    }

    func checkEigenpairs(_ a: [ComplexDouble], _ n: Int, _ system: Eigensystem) throws {
        let values = system.values.type == .real ? system.values.realArray.map { ComplexDouble($0, 0) } : system.values.complexArray
        let vectors = try #require(system.vectors)
        let rows = vectors.type == .real ? vectors.realArray.map { ComplexDouble($0, 0) } : vectors.complexArray
        for i in 1..<n { #expect(values[i - 1].magnitude >= values[i].magnitude - 1e-12) }
        for i in 0..<n {
            let v = Array(rows[(i * n)..<(i * n + n)])
            #expect(abs(v.reduce(0) { $0 + $1.re * $1.re + $1.im * $1.im } - 1) < 1e-12)
            #expect(maxAbsDifference(multiply(a, v, n, n, 1), v.map { $0 * values[i] }) < 1e-10 * Double(n))
        }
    }

    // MARK: Dot

    @Test func dotOfVectorsMatricesAndTensors() throws {
        let v = try PackedArray(reals: [1, 2, 3])
        let m = try PackedArray(reals: [1, 2, 3, 4, 5, 6], dimensions: [2, 3])
        #expect(try engine.dot(v, v).scalar == .real(14))
        #expect(try #require(try engine.dot(m, v).array).realArray == [14, 32])
        let w = try PackedArray(reals: [1, -1])
        #expect(try #require(try engine.dot(w, m).array).realArray == [-3, -3, -3])
        let mt = try PackedArray(reals: [1, 4, 2, 5, 3, 6], dimensions: [3, 2])
        #expect(try #require(try engine.dot(m, mt).array).realArray == [14, 32, 32, 77])
        // {2, 2, 3} . {3} has dimensions {2, 2}.
        let t = try PackedArray(reals: Array(repeating: 1, count: 12), dimensions: [2, 2, 3])
        let tv = try #require(try engine.dot(t, v).array)
        #expect(tv.dimensions == [2, 2] && tv.realArray == [6, 6, 6, 6])
        #expect(throws: NumericsError.self) { try engine.dot(v, m) }
    }

    @Test func complexDotDoesNotConjugate() throws {
        let v = try PackedArray(complexes: [ComplexDouble(0, 1), ComplexDouble(1, 0)])
        #expect(try engine.dot(v, v).scalar == .complex(ComplexDouble(0, 0)))  // I^2 + 1 = 0
        let m = try PackedArray(complexes: [ComplexDouble(0, 1), ComplexDouble(0, 0), ComplexDouble(0, 0), ComplexDouble(0, 1)], dimensions: [2, 2])
        let mv = try #require(try engine.dot(m, v).array)
        #expect(mv.complexArray == [ComplexDouble(-1, 0), ComplexDouble(0, 1)])
        let mixed = try #require(try engine.dot(m, try PackedArray(integers: [1, 2])).array)
        #expect(mixed.complexArray == [ComplexDouble(0, 1), ComplexDouble(0, 2)])
    }

    @Test func integerDotIsExactOrReportsOverflow() throws {
        let big = 1 << 40
        let a = try PackedArray(integers: [big, 1, 1, big], dimensions: [2, 2])
        #expect(try #require(try engine.dot(a, try PackedArray(integers: [1, 1])).array).integerArray == [big + 1, big + 1])
        #expect(throws: NumericsError.integerOverflow) { try engine.dot(a, a) }
        #expect(try engine.dot(try PackedArray(integers: [3, 4]), try PackedArray(integers: [5, 6])).scalar == .integer(39))
        let mixed = try engine.dot(try PackedArray(integers: [3, 4]), try PackedArray(reals: [0.5, 0.25])).scalar
        #expect(mixed == .real(2.5))
    }

    @Test func emptyContractionsGiveZeros() throws {
        let a = try PackedArray(reals: [], dimensions: [2, 0])
        let b = try PackedArray(reals: [], dimensions: [0, 3])
        let c = try #require(try engine.dot(a, b).array)
        #expect(c.dimensions == [2, 3] && c.realArray == Array(repeating: 0, count: 6))
    }
}
