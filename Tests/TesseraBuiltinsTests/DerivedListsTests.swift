import Testing

@Suite struct DerivedListsTests {
    @Test(arguments: [
        ("{Discard[{1, 2, 4, 7, 6, 2}, EvenQ], Discard[{1, 2, 4, 7, 6, 2}, OddQ, 1], Discard[{}, EvenQ]}",
         "{{1, 7}, {2, 4, 7, 6, 2}, {}}"),
        ("{RankedMax[{482, 17, 181, -12}, 2], RankedMax[{3, 1, 4, 1, 5, 9, 2}, -3], RankedMin[{3, 1, 4, 1, 5, 9, 2}, -1]}",
         "{181, 2, 9}"),
        ("RankedMin[<|\"a\" -> 1, \"b\" -> 5, \"c\" -> 3|>, 2]", "3"),
        ("{Ratios[{1, 3, 9, 27, 81}, 1, 2], Ratios[{1, 2, 4, 8, 16, 32}, 2, 2], Ratios[{1, 2}, 1, 3], Ratios[Sin[2]]}",
         "{{9, 9, 9}, {1, 1}, {}, Ratios[Sin[2]]}"),
        ("{PositionIndex[{a, b, a, c, b}], PositionIndex[<|3 -> x, 1 -> y, 2 -> x|>]}",
         "{<|a -> {1, 3}, b -> {2, 5}, c -> {4}|>, <|x -> {3, 2}, y -> {1}|>}"),
        ("{Normalize[{3, 4 I}], Normalize[{1 + I, 1 - I}], Normalize[{0, 0}], Normalize[{3, 4}, Norm]}",
         "{{3/5, (4*I)/5}, {1/2 + I/2, 1/2 - I/2}, {0, 0}, {3/5, 4/5}}"),
        ("{Subdivide[4], Subdivide[2, 3], Subdivide[0, 10, 2.0], Subdivide[0., 1., 4]}",
         "{{0, 1/4, 1/2, 3/4, 1}, {0, 2/3, 4/3, 2}, {0, 5, 10}, {0., 0.25, 0.5, 0.75, 1.}}"),
        ("{Subdivide[a, b, 3], Subdivide[{0, 0}, {1, 2}, 2], Subdivide[x, 0]}",
         "{{a, (2*a)/3 + b/3, a/3 + (2*b)/3, b}, {{0, 0}, {1/2, 1}, {1, 2}}, Subdivide[x, 0]}"),
        ("{NumericalOrder[2, 5], NumericalOrder[5, 2], NumericalOrder[3, 3], NumericalOrder[Pi, 3], NumericalOrder[\"a\", \"b\"]}",
         "{1, -1, 0, -1, 1}"),
    ])
    func derivedListFunctions(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected, "\(source)")
    }
}
