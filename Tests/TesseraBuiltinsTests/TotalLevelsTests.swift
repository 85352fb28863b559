import Testing

/// `Total` over level specifications, ragged lists included (expected texts: the reference page and
/// the conformance cases).
@Suite struct TotalLevelsTests {
    @Test(arguments: [
        ("Total[{{1, 2, 3}, {4, 5}, {6}}, Infinity]", "21"),
        ("Total[{{1, 2, 3}, {4, 5}, {6}}, -1]", "21"),
        ("Total[{{1, 2, 3}, {4, 5}, {6}}, {2}]", "{6, 9, 6}"),
        ("Total[{{1, 2}, {3, 4}}, Infinity]", "10"),
        ("Total[{{1, 2}, {3, 4}}, -1]", "10"),
        ("Total[{{1, 2}, {3, 4}}, {-1}]", "{3, 7}"),
        ("Total[{{1, 2}, {3, 4}}, {-2}]", "{4, 6}"),
        ("Total[{{{1}, {2}}, {{3}, {4}}}, -1]", "10"),
        ("Total[{1, 2, 3}, {-1}]", "6"),
        ("Total[{{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}}, {1, 2}]", "{16, 20}"),
        ("Total[{{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}}, {3}]", "{{3, 7}, {11, 15}}"),
        ("Total[{{1, 2, 3}, {4, 5, 6}}, {1, 2}]", "21"),
        ("Total[{}, Infinity]", "0"),
        ("Total[{{{}}}, {3}]", "{{0}}"),
        ("Total[{}, {2}]", "0"),
        ("Total[{{}}, {2}]", "{0}"),
        ("Quiet[Total[{{1, 2}, {3, 4, 5}}]]", "Total[{{1, 2}, {3, 4, 5}}]"),
        ("Total[{1, f[2, 3]}, 2]", "1 + f[2, 3]"),
        ("Total[{1, f[2, 3]}, 2, AllowedHeads -> All]", "6"),
        ("Total[f[1, g[2, 3]], Infinity, AllowedHeads -> All]", "6"),
        ("Total[f[1, g[2, 3]], {2}, AllowedHeads -> All]", "f[1, 5]"),
        ("Total[f[1, 2, 3], AllowedHeads -> All]", "6"),
        ("Total[f[1, 2], AllowedHeads -> Automatic]", "Total[f[1, 2], AllowedHeads -> Automatic]"),
        // Packed arrays take one pass over their first n dimensions.
        ("Total[Developer`ToPackedArray[{{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}}], 2]", "{16, 20}"),
        ("Total[Developer`ToPackedArray[{{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}}], -1]", "36"),
        ("Total[Developer`ToPackedArray[{{1., 2.}, {3., 4.}}], Infinity]", "10."),
        ("Total[Developer`ToPackedArray[{{1., 2.}, {3., 4.}}], 2]", "10."),
        ("Total[Developer`ToPackedArray[{{2^62, 2^62}, {2^62, 1}}], 2]", "13835058055282163713"),
    ])
    func totalAddsTheLevelsItIsGiven(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected, "\(source)")
    }
}
