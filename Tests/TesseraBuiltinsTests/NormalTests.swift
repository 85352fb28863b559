// The one Normal row: associations, sparse arrays, byte and numeric arrays, with and without heads.

import Testing

@Suite struct NormalTests {
    @Test(arguments: [
        ("Normal[<|a -> <|b -> 1|>|>]", "{a -> <|b -> 1|>}"),
        ("Normal[<|a -> <|b -> 1|>|>, Association]", "{a -> <|b -> 1|>}"),
        ("Normal[f[<|a -> 1|>], Association]", "f[{a -> 1}]"),
        ("Normal[{<|a -> 1|>, SparseArray[{1 -> 5}, 2]}, Association]", "{{a -> 1}, SparseArray[Automatic, {2}, 0, {1, {{0, 1}, {{1}}}, {5}}]}"),
        ("Normal[<|a -> SparseArray[{1 -> 5}, 2]|>, SparseArray]", "<|a -> SparseArray[Automatic, {2}, 0, {1, {{0, 1}, {{1}}}, {5}}]|>"),
        ("Normal[{SparseArray[{1 -> 5}, 2], <|a -> 1|>}]", "{{5, 0}, {a -> 1}}"),
        ("Normal[{SparseArray[{1 -> 5}, 2], <|a -> 1|>}, {SparseArray, Association}]", "{{5, 0}, {a -> 1}}"),
        ("Normal[SparseArray[{1 -> 5}, 3], SparseArray]", "{5, 0, 0}"),
        ("Normal[ByteArray[{1, 2}]]", "{1, 2}"),
        ("Normal[g[x]]", "g[x]"),
    ])
    func convertsTheSpecialFormsItIsAskedFor(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected)
    }
}
