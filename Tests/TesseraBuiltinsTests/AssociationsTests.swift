// Associations: construction, lookup, keys and values, key operations, merging and grouping.

import Testing

struct AssociationsTests {
    @Test(arguments: [
        ("<|p -> 1, q -> 2, p -> 3|>", "<|p -> 3, q -> 2|>"),
        ("Association[{u -> 1}, <|v -> 2|>]", "<|u -> 1, v -> 2|>"),
        ("AssociationQ[<|1 -> 2|>]", "True"),
        ("AssociationQ[Association[1, 2]]", "False"),
        ("<|\"k\" -> 10|>[\"k\"]", "10"),
        ("<|\"k\" -> 10|>[\"z\"]", "Missing[KeyAbsent, z]"),
        ("<|1 -> <|2 -> x|>|>[1, 2]", "x"),
        ("n = 0; <|a :> (n = n + 1)|>[a]; n", "1"),
        ("Keys[<|r -> 1, s -> 2|>]", "{r, s}"),
        ("Values[<|r -> 1, s -> 2|>]", "{1, 2}"),
        ("Lookup[<|r -> 1|>, {r, t}, 0]", "{1, 0}"),
        ("Lookup[t][<|t -> 5|>]", "5"),
        ("KeyExistsQ[<|r -> 1|>, r]", "True"),
        ("Key[s][<|s -> 9|>]", "9"),
        ("Normal[<|r -> 1, s :> 2|>]", "{r -> 1, s :> 2}"),
        ("AssociationThread[{u, v} -> {1, 2}]", "<|u -> 1, v -> 2|>"),
        ("AssociationMap[#^2 &, {2, 3}]", "<|2 -> 4, 3 -> 9|>"),
        ("h = <|a -> 1|>; AssociateTo[h, b -> 2]; h", "<|a -> 1, b -> 2|>"),
        ("h = <|a -> 1, b -> 2|>; KeyDropFrom[h, a]; h", "<|b -> 2|>"),
    ])
    func construction(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected)
    }

    @Test(arguments: [
        ("KeyDrop[<|a -> 1, b -> 2|>, a]", "<|b -> 2|>"),
        ("KeyTake[<|a -> 1, b -> 2, c -> 3|>, {c, a}]", "<|c -> 3, a -> 1|>"),
        ("KeySelect[<|1 -> a, 2 -> b|>, OddQ]", "<|1 -> a|>"),
        ("KeySort[<|b -> 1, a -> 2|>]", "<|a -> 2, b -> 1|>"),
        ("KeySortBy[<|2 -> x, -3 -> y|>, Abs]", "<|2 -> x, -3 -> y|>"),
        ("KeyMap[g, <|a -> 1|>]", "<|g[a] -> 1|>"),
        ("KeyValueMap[List, <|a -> 1, b -> 2|>]", "{{a, 1}, {b, 2}}"),
        ("KeyDrop[a][<|a -> 1, b -> 2|>]", "<|b -> 2|>"),
        ("Merge[{<|a -> 1|>, <|a -> 2, b -> 5|>}, Total]", "<|a -> 3, b -> 5|>"),
        ("GroupBy[{1, 2, 3, 4}, EvenQ]", "<|False -> {1, 3}, True -> {2, 4}|>"),
        ("GroupBy[{1, 2, 3, 4}, EvenQ, Total]", "<|False -> 4, True -> 6|>"),
        ("KeyUnion[{<|a -> 1|>, <|b -> 2|>}, 0 &]", "{<|a -> 1, b -> 0|>, <|a -> 0, b -> 2|>}"),
        ("KeyIntersection[{<|a -> 1, b -> 2|>, <|b -> 3|>}]", "{<|b -> 2|>, <|b -> 3|>}"),
        ("KeyComplement[{<|a -> 1, b -> 2|>, <|b -> 3|>}]", "<|a -> 1|>"),
        ("GroupBy[{1, 2, 3, 4}, {EvenQ, # > 2 &}]",
         "<|False -> <|False -> {1}, True -> {3}|>, True -> <|False -> {2}, True -> {4}|>|>"),
        ("DeleteMissing[<|a -> Missing[], b -> 1|>]", "<|b -> 1|>"),
        ("MissingQ[Missing[\"x\"]]", "True"),
    ])
    func keyOperations(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected)
    }

    @Test(arguments: [
        ("Query[\"b\"][<|\"a\" -> 1, \"b\" -> 2|>]", "2"),
        ("Query[All, \"v\"][{<|\"v\" -> 1|>, <|\"v\" -> 2|>}]", "{1, 2}"),
        ("Query[{1, -1}][{p, q, r}]", "{p, r}"),
        ("Query[{\"z\"}][<|\"a\" -> 1|>]", "<|z -> Missing[KeyAbsent, z]|>"),
        ("Query[f, \"v\"][{<|\"v\" -> 1|>, <|\"v\" -> 2|>}]", "f[{1, 2}]"),
    ])
    func query(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected)
    }
}
