// List and structure builtins: parts, sequences, construction, rearrangement, sorting, sets,
// functional application and packed-array preservation.

import Testing

struct ListsTests {
    static let parts: [(String, String)] = [
        ("{p, q, r, s}[[2]]", "q"),
        ("{p, q, r, s}[[-1]]", "s"),
        ("g[p, q, r][[{1, 3}]]", "g[p, r]"),
        ("g[p, q][[0]]", "g"),
        ("{{1, 2, 3}, {4, 5, 6}}[[All, 2]]", "{2, 5}"),
        ("{{1, 2, 3}, {4, 5, 6}}[[2, -1]]", "6"),
        ("Range[12][[2 ;; 9 ;; 3]]", "{2, 5, 8}"),
        ("Range[4][[;; ;; -1]]", "{4, 3, 2, 1}"),
        ("<|\"u\" -> 7, \"v\" -> 8|>[[\"v\"]]", "8"),
        ("Extract[{{a, b}, {c, d}}, {{1, 2}, {2, 1}}]", "{b, c}"),
        ("Developer`PackedArrayQ[Partition[Range[12], 3][[2 ;; 3]]]", "True"),
    ]

    static let sequences: [(String, String)] = [
        ("Take[{p, q, r, s, t}, -2]", "{s, t}"),
        ("Take[{p, q, r, s, t}, {2, 4}]", "{q, r, s}"),
        ("Take[{p, q, r, s, t}, 2 ;; -1 ;; 2]", "{q, s}"),
        ("Take[{p, q, r}, UpTo[7]]", "{p, q, r}"),
        ("Drop[{p, q, r, s, t}, {1, -1, 2}]", "{q, s}"),
        ("Drop[{{1, 2}, {3, 4}}, None, 1]", "{{2}, {4}}"),
        ("Rest[h[1, 2, 3]]", "h[2, 3]"),
        ("Most[{7, 8, 9}]", "{7, 8}"),
        ("First[{}, none]", "none"),
        ("Length[<|1 -> 2, 3 -> 4|>]", "2"),
    ]

    static let construction: [(String, String)] = [
        ("Range[2, 11, 3]", "{2, 5, 8, 11}"),
        ("Range[0, 1, 1/4]", "{0, 1/4, 1/2, 3/4, 1}"),
        ("Range[1., 2., 0.25]", "{1., 1.25, 1.5, 1.75, 2.}"),
        ("Table[10 i + j, {i, 2}, {j, 3}]", "{{11, 12, 13}, {21, 22, 23}}"),
        ("Developer`PackedArrayQ[Table[0., {300}]]", "True"),
        ("Array[g, {2, 2}, 0]", "{{g[0, 0], g[0, 1]}, {g[1, 0], g[1, 1]}}"),
        ("ConstantArray[z, {2, 1}]", "{{z}, {z}}"),
        ("{1, Nothing, 2}", "{1, 2}"),
        ("Join[{1, 2}, {3}, {4, 5}]", "{1, 2, 3, 4, 5}"),
        ("Developer`PackedArrayQ[Join[Range[3], Range[4]]]", "True"),
        ("Riffle[{p, q, r}, {0, 1}]", "{p, 0, q, 1, r}"),
        ("Insert[{p, q, r}, z, -1]", "{p, q, r, z}"),
        ("Delete[{p, q, r, s}, {{1}, {3}}]", "{q, s}"),
        ("ReplacePart[{p, q, r}, {1 -> x, -1 -> y}]", "{x, q, y}"),
        ("ReplacePart[{{1, 2}, {3, 4}}, {i_, i_} -> 0]", "{{0, 2}, {3, 0}}"),
        ("{Take[{a, b, c}], Drop[{a, b, c}]}", "{{a, b, c}, {a, b, c}}"),
        // Numbers of equal value: integers, reals, rationals; complex ties by |Im|, negative first.
        ("{Sort[{1., 1, 3/2, 1.5, 0}], Order[1., 1], Sort[{3 + I, 3, 3 - I}]}", "{{0, 1, 1., 1.5, 3/2}, -1, {3, 3 - I, 3 + I}}"),
        ("{ReplacePart[{a, b, c}, i_ :> 2 i], ReplacePart[{a, b, c}, i_ -> i], ReplacePart[{a, b, c}, {i_ /; i > 1} :> 0]}",
         "{{2, 4, 6}, {1, 2, 3}, {a, 0, 0}}"),
    ]

    static let rearranging: [(String, String)] = [
        ("Flatten[{{1, {2}}, {3}}]", "{1, 2, 3}"),
        ("Flatten[{{1, {2}}, {3}}, 1]", "{1, {2}, 3}"),
        ("Flatten[{{p, q}, {r, s}}, {{2}, {1}}]", "{{p, r}, {q, s}}"),
        ("Partition[{1, 2, 3, 4, 5}, 2]", "{{1, 2}, {3, 4}}"),
        ("Partition[{p, q, r}, 2, 1, {1, 1}]", "{{p, q}, {q, r}, {r, p}}"),
        ("Transpose[{{1, 2, 3}, {4, 5, 6}}]", "{{1, 4}, {2, 5}, {3, 6}}"),
        ("Transpose[Partition[Range[8], 2] ~ Partition ~ 2, {3, 1, 2}]",
         "{{{1, 5}, {2, 6}}, {{3, 7}, {4, 8}}}"),
        ("Reverse[{{1, 2}, {3, 4}}, 2]", "{{2, 1}, {4, 3}}"),
        ("RotateRight[{1, 2, 3, 4}, 3]", "{2, 3, 4, 1}"),
        ("RotateLeft[Partition[Range[6], 3], {1, 1}]", "{{5, 6, 4}, {2, 3, 1}}"),
    ]

    static let ordering: [(String, String)] = [
        ("Sort[{q, 3, p, 1}]", "{1, 3, p, q}"),
        ("Sort[{4, 1, 3}, Greater]", "{4, 3, 1}"),
        ("SortBy[{{2, b}, {1, c}, {3, a}}, Last]", "{{3, a}, {2, b}, {1, c}}"),
        ("Ordering[{30, 10, 20}]", "{2, 3, 1}"),
        ("Union[{3, 1}, {2, 1}]", "{1, 2, 3}"),
        ("Intersection[{1, 2, 3}, {2, 3, 4}]", "{2, 3}"),
        ("Complement[{1, 2, 3, 4}, {2}, {4}]", "{1, 3}"),
        ("DeleteDuplicates[{2, 1, 2, 3, 1}]", "{2, 1, 3}"),
        ("Tally[{p, q, p}]", "{{p, 2}, {q, 1}}"),
        ("GatherBy[{1, 2, 3, 4, 5}, EvenQ]", "{{1, 3, 5}, {2, 4}}"),
        ("Split[{1, 1, 2, 3, 3}]", "{{1, 1}, {2}, {3, 3}}"),
        ("Subsets[{p, q, r}, {2}]", "{{p, q}, {p, r}, {q, r}}"),
        ("Permutations[{1, 1, 2}]", "{{1, 1, 2}, {1, 2, 1}, {2, 1, 1}}"),
        ("Tuples[{0, 1}, 2]", "{{0, 0}, {0, 1}, {1, 0}, {1, 1}}"),
    ]

    static let functional: [(String, String)] = [
        ("Map[h, {1, 2}]", "{h[1], h[2]}"),
        ("Map[h, {{1}, {2}}, {2}]", "{{h[1]}, {h[2]}}"),
        ("Map[h, <|\"a\" -> 1|>]", "<|a -> h[1]|>"),
        ("h @@ {1, 2}", "h[1, 2]"),
        ("h @@@ {{1, 2}, {3}}", "{h[1, 2], h[3]}"),
        ("MapAt[h, {p, q, r}, {{1}, {-1}}]", "{h[p], q, h[r]}"),
        ("MapIndexed[h, {p, q}]", "{h[p, {1}], h[q, {2}]}"),
        ("MapThread[h, {{1, 2}, {3, 4}}]", "{h[1, 3], h[2, 4]}"),
        ("Select[{1, 2, 3, 4, 5}, OddQ]", "{1, 3, 5}"),
        ("Select[OddQ][{1, 2, 3}]", "{1, 3}"),
        ("Thread[h[{1, 2}, x]]", "{h[1, x], h[2, x]}"),
        ("Through[(f + g)[x]]", "f[x] + g[x]"),
        ("Composition[f, g][x]", "f[g[x]]"),
        ("RightComposition[f, g][x]", "g[f[x]]"),
        ("AllTrue[{2, 4}, EvenQ]", "True"),
        ("Outer[h, {1, 2}, {p}]", "{{h[1, p]}, {h[2, p]}}"),
        ("Inner[h, {1, 2}, {3, 4}, g]", "g[h[1, 3], h[2, 4]]"),
        ("{{1, 2}, {3, 4}} . {5, 6}", "{17, 39}"),
        ("Dimensions[{{1, 2, 3}, {4, 5, 6}}]", "{2, 3}"),
        ("Level[{{p}, q}, {-1}]", "{p, q}"),
        ("Total[{{1, 2}, {3, 4}}, 2]", "10"),
        ("Differences[{1, 4, 9, 16}]", "{3, 5, 7}"),
        ("Accumulate[{1, 2, 3}]", "{1, 3, 6}"),
        ("IdentityMatrix[2]", "{{1, 0}, {0, 1}}"),
        ("Tr[{{1, 2}, {3, 4}}]", "5"),
    ]

    static let packing: [(String, String)] = [
        ("Developer`PackedArrayQ[Range[10]]", "True"),
        ("Developer`PackedArrayQ[Transpose[Partition[Range[6], 2]]]", "True"),
        // A list of packed parts is transposed where the parts lie, every permutation as of the packed whole.
        ("With[{u = {RandomInteger[9, {3, 4, 5}], RandomInteger[9, {3, 4, 5}]}}, Prepend[Developer`PackedArrayQ[u]] @ Table[Transpose[u, q] === Transpose[Developer`FromPackedArray[u], q] && Developer`PackedArrayQ[Transpose[u, q]], {q, {{2, 1}, {1, 2}, {3, 1, 2}, {2, 3, 1}, {4, 3, 2, 1}, 1 <-> 3}}]]",
         "{False, True, True, True, True, True, True}"),
        ("Transpose[{Range[3.], Range[3.]^2}]", "{{1., 1.}, {2., 4.}, {3., 9.}}"),
        ("Transpose[{Range[3], {1., 2., 3.}}]", "{{1, 1.}, {2, 2.}, {3, 3.}}"),
        ("Developer`PackedArrayQ[Reverse[Range[5.]]]", "True"),
        ("Developer`PackedArrayQ[Flatten[ConstantArray[1., {3, 3}]]]", "True"),
        ("Developer`PackedArrayQ[Developer`FromPackedArray[Range[3]]]", "False"),
        ("Developer`ToPackedArray[{1, 2}, Real]", "{1., 2.}"),
        ("Developer`ToPackedArray[{1, x}]", "{1, x}"),
    ]

    @Test(arguments: parts + sequences)
    func partsAndSequences(_ c: (String, String)) { #expect(evaluate(c.0) == c.1, "\(c.0)") }

    @Test(arguments: construction + rearranging)
    func constructionAndRearranging(_ c: (String, String)) { #expect(evaluate(c.0) == c.1, "\(c.0)") }

    @Test(arguments: ordering + functional)
    func orderingAndFunctional(_ c: (String, String)) { #expect(evaluate(c.0) == c.1, "\(c.0)") }

    @Test(arguments: packing)
    func packedArraysStayPacked(_ c: (String, String)) { #expect(evaluate(c.0) == c.1, "\(c.0)") }

    @Test func partMessages() {
        let (output, result) = evaluateWithOutput("{p, q}[[5]]")
        #expect(output == "\nPart::partw: Part 5 of {p, q} does not exist.\n")
        #expect(result == "{p, q}[[5]]")
    }

    @Test func appendAndPrependOperatorFormsGiveNoMessage() {
        #expect(evaluateWithOutput("Prepend[x][{1, 2}]") == ("", "{x, 1, 2}"))
        #expect(evaluateWithOutput("Append[x][{1, 2}]") == ("", "{1, 2, x}"))
        #expect(evaluateWithOutput("Append[x]") == ("", "Append[x]"))
    }
}
