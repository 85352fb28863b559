import Testing

@Suite struct CorrelationTests {
    @Test(arguments: [
        ("ListCorrelate[{1, 1, 1}, {a, b, c, d, e}]", "{a + b + c, b + c + d, c + d + e}"),
        ("ListConvolve[{1, -1}, {1, 2, 4, 8, 16}]", "{1, 2, 4, 8}"),
        ("{ListCorrelate[{1, 2}, {3, 4, 5}, 1], ListConvolve[{1, 2}, {3, 4, 5}, 1]}", "{{11, 14, 11}, {13, 10, 13}}"),
        ("ListCorrelate[{1, 1, 1}, {1, 2, 3, 4, 5}, {-1, 1}]", "{10, 8, 6, 9, 12, 10, 8}"),
        ("ListConvolve[{1, 1, 1}, {1, 2, 3, 4, 5}, {-1, 1}]", "{6, 9, 12}"),
        ("ListCorrelate[{1, 1}, {1, 2, 3, 4}, {1, 1}, 0]", "{3, 5, 7, 4}"),
        ("ListCorrelate[{x, y}, {a, b, c, d}, {1, 1}, {p, q, r}]", "{a*x + b*y, b*x + c*y, c*x + d*y, d*x + q*y}"),
        ("ListCorrelate[{x, y}, {a, b, c}, 1, p, f, g]", "{g[f[x, a], f[y, b]], g[f[x, b], f[y, c]], g[f[x, c], f[y, p]]}"),
        ("ListCorrelate[{{1, 2}, {3, 4}}, {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}]", "{{37, 47}, {67, 77}}"),
        ("ListConvolve[{{1, 2}, {3, 4}}, {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}]", "{{23, 33}, {53, 63}}"),
        // Machine reals go the direct way and come back packed.
        ("r = ListConvolve[{0.5, 0.5}, N[Range[5]]]; {r, Developer`PackedArrayQ[r]}", "{{1.5, 2.5, 3.5, 4.5}, True}"),
        ("ListCorrelate[{1., 2.}, {3., 4., 5.}, 1, 0.]", "{11., 14., 5.}"),
    ])
    func correlationAndConvolutionAlignAsDocumented(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected, "\(source)")
    }
}
