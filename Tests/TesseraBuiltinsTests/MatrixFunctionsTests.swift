import Testing

/// MatrixPower and MatrixExp (expected texts: the conformance cases, the reference page, and for
/// machine matrices values checked against scipy.linalg.expm).
@Suite struct MatrixFunctionsTests {
    @Test(arguments: [
        ("MatrixPower[{{1, 2}, {3, 4}}, 2]", "{{7, 10}, {15, 22}}"),
        ("MatrixPower[x, 2]", "MatrixPower[x, 2]"),
        ("MatrixPower[{{1, 1}, {1, 0}}, 10]", "{{89, 55}, {55, 34}}"),
        ("MatrixPower[{{1, 2}, {3, 4}}, -2]", "{{11/2, -5/2}, {-15/4, 7/4}}"),
        ("MatrixPower[{{1, 2}, {3, 4}}, 0]", "{{1, 0}, {0, 1}}"),
        ("MatrixPower[{{1., 2.}, {3., 4.}}, 3]", "{{37., 54.}, {81., 118.}}"),
        ("MatrixPower[{{1, 1}, {1, 0}}, 10, {1, 0}]", "{89, 55}"),
        ("MatrixPower[{{a, 0}, {0, b}}, 3]", "{{a^3, 0}, {0, b^3}}"),
        ("MatrixPower[{{1, 1}, {1, 0}}, 100][[1, 1]]", "573147844013817084101"),
    ])
    func matrixPowerMultipliesByRepeatedSquaring(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected, "\(source)")
    }

    @Test(arguments: [
        ("MatrixExp[{{0, 0}, {0, 0}}]", "{{1, 0}, {0, 1}}"),
        ("MatrixExp[{{1, 0}, {0, 2}}]", "{{E, 0}, {0, E^2}}"),
        ("MatrixExp[{{a, 0}, {0, b}}]", "{{E^a, 0}, {0, E^b}}"),
        ("MatrixExp[{{0, 1, 0}, {0, 0, 1}, {0, 0, 0}}]", "{{1, 1, 1/2}, {0, 1, 1}, {0, 0, 1}}"),
        ("MatrixExp[{{1, 2}, {3, 4}}]", "MatrixExp[{{1, 2}, {3, 4}}]"),
        ("Developer`PackedArrayQ[MatrixExp[{{1., 2.}, {3., 4.}}]]", "True"),
        ("Max[Abs[MatrixExp[{{1., 2.}, {3., 4.}}] - {{51.968956198707545, 74.73656456700692}, {112.10484685051041, 164.073803049218}}]] < 10^-11", "True"),
        ("Max[Abs[MatrixExp[{{1.2, 5.6}, {3., 4.}}] - {{346.5574873, 661.73459093}, {354.50067372, 677.42478277}}]] < 10^-6", "True"),
        ("Max[Abs[MatrixExp[{{0., 1.}, {-1., 0.}}] - {{Cos[1.], Sin[1.]}, {-Sin[1.], Cos[1.]}}]] < 10^-15", "True"),
        ("Max[Abs[MatrixExp[{{I, 0.}, {0, 1}}] - {{Exp[I], 0}, {0, E}}]] < 10^-15", "True"),
    ])
    func matrixExpIsExactForDiagonalAndNilpotentAndPadeForMachineMatrices(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected, "\(source)")
    }
}
