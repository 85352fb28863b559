// Linear algebra: exact and machine paths of Inverse, LinearSolve, Det, CholeskyDecomposition,
// Eigenvalues, Eigenvectors, Eigensystem, and the BLAS path of Dot.

import Testing

struct LinearAlgebraTests {
    @Test(arguments: [
        ("Inverse[{{1, 2}, {3, 4}}]", "{{-2, 1}, {3/2, -1/2}}"),
        ("Inverse[{{2., 0.}, {0., 4.}}]", "{{0.5, 0.}, {0., 0.25}}"),
        ("Inverse[Table[1/(i + j + 1), {i, 3}, {j, 3}]]", "{{300, -900, 630}, {-900, 2880, -2100}, {630, -2100, 1575}}"),
        ("Developer`PackedArrayQ[Inverse[{{2., 1.}, {1., 3.}}]]", "True"),
        ("LinearSolve[{{1, 2}, {3, 4}}, {5, 6}]", "{-4, 9/2}"),
        ("LinearSolve[{{1, 1, 1}, {1, 2, 3}}, {6, 14}]", "{-2, 8, 0}"),
        ("LinearSolve[{{2., 0}, {0, 4.}}, {1, 1}]", "{0.5, 0.25}"),
        ("LinearSolve[{{1, 0}, {0, 1}}, {{1, 2}, {3, 4}}]", "{{1, 2}, {3, 4}}"),
        ("Det[{{1/2, 1/3}, {1/4, 1/5}}]", "1/60"),
        ("Det[Table[i + j, {i, 20}, {j, 20}]]", "0"),
        ("Det[{{2., 1.}, {1., 3.}}]", "5."),
        ("Det[{{7}}]", "7"),
        ("CholeskyDecomposition[{{4, 2}, {2, 3}}]", "{{2, 1}, {0, Sqrt[2]}}"),
        ("CholeskyDecomposition[{{4., 2.}, {2., 3.}}]", "{{2., 1.}, {0., 1.4142135623730951}}"),
        ("CholeskyDecomposition[{{2, 1 + I}, {1 - I, 3}}]", "{{Sqrt[2], (1 + I)/Sqrt[2]}, {0, Sqrt[2]}}"),
        ("Eigenvalues[{{4, -2}, {1, 1}}]", "{3, 2}"),
        ("Eigenvalues[{{0, -2}, {2, 0}}]", "{2*I, -2*I}"),
        ("Eigenvalues[{{1, 1, 0}, {1, 0, 1}, {0, 1, 1}}]", "{2, -1, 1}"),
        ("Eigenvalues[{{2., 1., 0.}, {0., 2., 0.}, {0., 0., 1.}}]", "{2., 2., 1.}"),
        ("Eigenvectors[{{1, 1}, {0, 1}}]", "{{1, 0}, {0, 0}}"),
        ("Eigenvectors[{{1, 1 + I}, {1 - I, 2}}]", "{{1 + I, 2}, {-1 - I, 1}}"),
        ("Eigenvectors[{{2, 0, 0}, {0, 3, 0}, {0, 0, 1}}, 2]", "{{0, 1, 0}, {1, 0, 0}}"),
        ("Eigensystem[{{2., 0.}, {0., 3.}}]", "{{3., 2.}, {{0., 1.}, {1., 0.}}}"),
        ("{{1., 2.}, {3., 4.}}.{{1., 0.}, {0., 1.}}", "{{1., 2.}, {3., 4.}}"),
    ])
    func results(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected)
    }

    @Test(arguments: [
        ("Inverse[{{1, 0}, {0, 0}}]", "\nInverse::sing: Matrix {{1, 0}, {0, 0}} is singular.\n"),
        ("Inverse[{{1, 2}, {3, 4}, {5, 6}}]", "\nInverse::matsq: Argument {{1, 2}, {3, 4}, {5, 6}} at position 1 is not a non-empty square matrix.\n"),
        ("LinearSolve[{{1, 2}, {2, 4}}, {1, 3}]", "\nLinearSolve::nosol: Linear equation encountered that has no solution.\n"),
        ("CholeskyDecomposition[{{1, 2}, {3, 4}}]", "\nCholeskyDecomposition::herm: The matrix {{1, 2}, {3, 4}} is not Hermitian or real and symmetric.\n"),
        ("CholeskyDecomposition[{{1., 2.}, {2., 1.}}]",
         "\nCholeskyDecomposition::posdef: The matrix {{1., 2.}, {2., 1.}} is not sufficiently positive definite to complete the Cholesky decomposition to reasonable accuracy.\n"),
    ])
    func failures(_ source: String, _ output: String) {
        let run = evaluateWithOutput(source)
        #expect(run.output == output)
        #expect(run.result == source)
    }

    @Test(arguments: [
        ("{Norm[-2/3], Norm[3 + 4 I], Norm[x]}", "{2/3, 5, Norm[x]}"),
        ("{Norm[{1, 2, 3}], Norm[{x}], Norm[{2, Pi - 4}]}", "{Sqrt[14], Abs[x], Sqrt[4 + (4 - Pi)^2]}"),
        ("{Norm[{10.9, -10.3}], Norm[{0.3, 0.4}], Norm[{0., 0.}]}", "{14.996666296213968, 0.5, 0.}"),
        ("{Norm[{1, 2, 3, 4}, 3], Norm[{a, b}, 3], Norm[{-100, 2, 3, 4}, Infinity]}", "{10^(2/3), (Abs[a]^3 + Abs[b]^3)^(1/3), 100}"),
        ("{Norm[{{1, 2}, {3, 4}}], Norm[{{3, 0}, {0, 4}}], Norm[{{1, -2}, {-3, 4}}, 1], Norm[{{1, 2}, {3, 4}}, Infinity]}",
         "{Sqrt[15 + Sqrt[221]], 4, 6, 7}"),
        ("{Norm[{{1, 2}, {3, 4}}, \"Frobenius\"], Norm[{{1.5, 2.5}, {3.5, 4.5}}, \"Frobenius\"]}", "{Sqrt[30], 6.4031242374328485}"),
        ("Abs[Norm[{{1., 2.}, {3., 4.}}] - 5.464985704219043] < 10^-12", "True"),
        ("{Norm[Range[3.]] == Sqrt[14.], Developer`PackedArrayQ[Range[3.]]}", "{True, True}"),
    ])
    func normOfNumbersVectorsAndMatrices(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected, "\(source)")
    }

    @Test func blasDotAgreesWithDefinition() {
        #expect(evaluate("""
            SeedRandom[5]; m = RandomReal[1, {30, 20}]; v = RandomReal[1, 20];
            {Developer`PackedArrayQ[m.Transpose[m]], Max[Abs[m.v - Map[Total[# v] &, m]]] < 10^-12}
            """) == "{True, True}")
    }
}
