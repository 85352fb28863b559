// Padding, reshaping, ranking selections, sparse arrays, block arrays, groupings and Nearest.

import Testing

struct ListsMoreTests {
    static let padding: [(String, String)] = [
        ("PadLeft[{u, v}, 5]", "{0, 0, 0, u, v}"),
        ("PadRight[{u, v}, 5, w]", "{u, v, w, w, w}"),
        ("PadRight[{u, v, w, z}, 2]", "{u, v}"),
        ("PadLeft[{u, v, w, z}, 2]", "{w, z}"),
        ("PadRight[{7}, 6, {p, q}]", "{7, q, p, q, p, q}"),
        ("PadLeft[{7}, 6, {p, q}]", "{p, q, p, q, p, 7}"),
        ("PadRight[{u}, 4, z, 1]", "{z, u, z, z}"),
        ("PadLeft[{u, v}, -4]", "{u, v, 0, 0}"),
        ("PadRight[{{1}, {2, 3, 4}}]", "{{1, 0, 0}, {2, 3, 4}}"),
        ("PadLeft[{{1}, {2, 3}}, {3, 2}, z]", "{{z, z}, {z, 1}, {2, 3}}"),
        ("PadRight[{4, 5}, 6, \"Periodic\"]", "{4, 5, 4, 5, 4, 5}"),
        ("PadRight[g[u], 3]", "g[u, 0, 0]"),
        ("Developer`PackedArrayQ[PadRight[Range[3], 6]]", "True"),
        ("ArrayPad[{7, 8}, 1]", "{0, 7, 8, 0}"),
        ("ArrayPad[{{5}}, 1, z]", "{{z, z, z}, {z, 5, z}, {z, z, z}}"),
        ("ArrayPad[{1, 2, 3, 4}, {-1, 1}]", "{2, 3, 4, 0}"),
        ("ArrayPad[{1, 2, 3}, 1, \"Fixed\"]", "{1, 1, 2, 3, 3}"),
        ("ArrayReshape[Range[8], {2, 4}]", "{{1, 2, 3, 4}, {5, 6, 7, 8}}"),
        ("ArrayReshape[{a, b, c}, {2, 2}, z]", "{{a, b}, {c, z}}"),
        ("ArrayReshape[{{1, 2}, {3, 4}}, {4}]", "{1, 2, 3, 4}"),
    ]

    static let selection: [(String, String)] = [
        ("TakeLargest[{4, 9, 1, 7}, 2]", "{9, 7}"),
        ("TakeSmallest[{4, 9, 1, 7}, 3]", "{1, 4, 7}"),
        ("TakeLargest[{4, 9}, UpTo[5]]", "{9, 4}"),
        ("TakeLargestBy[{-6, 2, 5}, Abs, 1]", "{-6}"),
        ("TakeSmallestBy[Abs, 1][{-6, 2, 5}]", "{2}"),
        ("TakeLargest[{2, Missing[], 8}, 1]", "{8}"),
        ("MaximalBy[{\"aa\", \"b\", \"cc\"}, StringLength]", "{aa, cc}"),
        ("MinimalBy[{3, -1, 1, 4}, Abs]", "{-1, 1}"),
        ("MinimalBy[{5, 2, 8}, Identity, 2]", "{2, 5}"),
        ("MaximalBy[<|p -> 1, q -> 4|>, Identity]", "<|q -> 4|>"),
        ("PositionLargest[{2, 8, 8, 1}]", "{2, 3}"),
        ("PositionSmallest[{2, 8, 1, 1}, 2]", "{{3, 4}, {1}}"),
        ("Pick[{p, q, r}, {True, True, False}]", "{p, q}"),
        ("Pick[{p, q, r}, {2, 5, 6}, _?EvenQ]", "{p, r}"),
        ("Pick[{{1, 2}, {3, 4}}, {{True, False}, {False, True}}]", "{{1}, {4}}"),
        ("DeleteElements[{p, q, p, r}, {p}]", "{q, r}"),
        ("DeleteElements[{p, q, p, r, p}, 2 -> {p}]", "{q, r, p}"),
        ("BlockMap[Total, Range[6], 3]", "{6, 15}"),
        ("BlockMap[g, {1, 2, 3, 4}, 2, 1]", "{g[{1, 2}], g[{2, 3}], g[{3, 4}]}"),
    ]

    static let sparse: [(String, String)] = [
        ("Normal[SparseArray[{2 -> u}, 3]]", "{0, u, 0}"),
        ("Normal[SparseArray[{{1, 2} -> 4}, {2, 2}, 9]]", "{{9, 4}, {9, 9}}"),
        ("SparseArray[{{0, 3}, {0, 0}}]", "SparseArray[Automatic, {2, 2}, 0, {1, {{0, 1, 1}, {{2}}}, {3}}]"),
        ("Normal[SparseArray[{i_, i_} :> i, {2, 2}]]", "{{1, 0}, {0, 2}}"),
        ("Normal[SparseArray[Band[{1, 2}] -> 1, {3, 3}]]", "{{0, 1, 0}, {0, 0, 1}, {0, 0, 0}}"),
        ("ArrayRules[SparseArray[{3 -> u}, 4]]", "{{3} -> u, {_} -> 0}"),
        ("SparseArray[{2 -> 6, 4 -> 1}, 5][\"NonzeroPositions\"]", "{{2}, {4}}"),
        ("SparseArray[{2 -> 6}, 4][\"Density\"]", "0.25"),
        ("Dimensions[SparseArray[{{1, 3} -> 1}, {2, 3}]]", "{2, 3}"),
        ("SparseArray[{2 -> 6}, 4][[2]]", "6"),
        ("Length[SparseArray[{2 -> 6}, 7]]", "7"),
        ("Head[Reverse[SparseArray[{2 -> 6}, 3]]]", "SparseArray"),
        ("Normal[Reverse[SparseArray[{1 -> 6}, 3]]]", "{0, 0, 6}"),
        ("Total[SparseArray[{1 -> 6, 3 -> 2}, 3]]", "8"),
        ("SparseArrayQ[{1, 0}]", "False"),
    ]

    static let blocks: [(String, String)] = [
        ("ArrayFlatten[{{{{1}}, {{2}}}, {{{3}}, {{4}}}}]", "{{1, 2}, {3, 4}}"),
        ("ArrayFlatten[{{IdentityMatrix[2], 0}, {0, {{5}}}}]", "{{1, 0, 0}, {0, 1, 0}, {0, 0, 5}}"),
        ("ArrayFlatten[{{1, 2}, {3, 4}}, 1]", "{1, 2, 3, 4}"),
        ("TensorProduct[{1, 2}, {u, v}]", "{{u, v}, {2*u, 2*v}}"),
        ("TensorProduct[3, 4]", "12"),
        ("TensorProduct[u, {1, 2}] === TensorProduct[u, {1, 2}]", "True"),
        ("Groupings[{p, q, r}, 2]", "{{{p, q}, r}, {p, {q, r}}}"),
        ("Groupings[{p, q, r, s}, g -> 3]", "{}"),
        ("Length[Groupings[5, 2]]", "14"),
        ("Nearest[{2, 6, 11}, 5]", "{6}"),
        ("Nearest[{2, 6, 11}, 4]", "{2, 6}"),
        ("Nearest[{2, 6, 11}, 10, 2]", "{11, 6}"),
        ("Nearest[{{0, 0}, {5, 5}}, {4, 3}]", "{{5, 5}}"),
        ("Nearest[{2, 6, 11} -> \"Index\", 12]", "{3}"),
        ("Nearest[{2, 6, 11}][7]", "{6}"),
        ("NearestTo[1][{2, 6, 11}]", "{2}"),
    ]

    @Test(arguments: padding + selection)
    func paddingAndSelection(_ c: (String, String)) { #expect(evaluate(c.0) == c.1, "\(c.0)") }

    @Test(arguments: sparse + blocks)
    func sparseAndBlocks(_ c: (String, String)) { #expect(evaluate(c.0) == c.1, "\(c.0)") }
}
