import Testing

/// Piecewise evaluation (the reference page's rules: first True condition wins, default 0, symbolic
/// conditions keep the Piecewise).
@Suite struct PiecewiseTests {
    @Test(arguments: [
        ("f[x_] := Piecewise[{{x^2, x < 0}, {x, x >= 0}}]; {f[-2], f[3], f[1/2]}", "{4, 3, 1/2}"),
        ("f[x_] := Piecewise[{{x^2, x < 0}, {x, x >= 0}}]; f[y]", "Piecewise[{{y^2, y < 0}, {y, y >= 0}}, 0]"),
        ("Piecewise[{{a, False}}]", "0"),
        ("Piecewise[{{a, False}}, d]", "d"),
        ("Piecewise[{{a, 1 > 2}, {b, 2 > 1}}]", "b"),
        ("Piecewise[{}]", "0"),
        ("Piecewise[{{a, x > 0}, {b, True}}]", "Piecewise[{{a, x > 0}}, b]"),
        ("Piecewise[{{a, False}, {b, x > 0}}, c]", "Piecewise[{{b, x > 0}}, c]"),
        // A value is evaluated only when its condition is True.
        ("Piecewise[{{Print[\"no\"], False}, {1, True}}]", "1"),
        ("Table[Piecewise[{{-1, t < 0}, {1, t > 0}}], {t, -1, 1}]", "{-1, 0, 1}"),
    ])
    func piecewiseTakesTheFirstTrueCase(_ source: String, _ expected: String) {
        let (output, result) = evaluateWithOutput(source)
        #expect(result == expected, "\(source)")
        #expect(output.isEmpty, "\(source): \(output)")
    }
}
