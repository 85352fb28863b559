import Testing

/// MinMax (expected texts: the conformance cases and the reference page).
@Suite struct MinMaxTests {
    @Test(arguments: [
        ("MinMax[{3, 1, 4, 1, 5, 9}]", "{1, 9}"),
        ("MinMax[{42}]", "{42, 42}"),
        ("MinMax[{3, 1, 4, 1, 5, 9, 2, 6}, 1/2]", "{1/2, 19/2}"),
        ("MinMax[{3, 1, 4, 1, 5, 9}, {1, 2}]", "{0, 11}"),
        ("MinMax[{1.0, 2.0, 3.0}, Scaled[0.1]]", "{0.8, 3.2}"),
        ("MinMax[<|a -> 3, b -> 1, c -> 5|>]", "{1, 5}"),
        ("MinMax[{{1, 5}, {-2, 3}}]", "{-2, 5}"),
        ("MinMax[{}]", "{Infinity, -Infinity}"),
    ])
    func minMaxGivesTheExtremesWidenedByTheMargin(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected, "\(source)")
    }
}
