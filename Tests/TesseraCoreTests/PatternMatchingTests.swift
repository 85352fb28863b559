import Testing
import TesseraRunner

@Suite struct PatternMatchingTests {
    @Test(arguments: [
        ("MatchQ[1, _Integer]", "True"),
        ("MatchQ[1.5, _Integer]", "False"),
        ("MatchQ[f[1, 2], f[__]]", "True"),
        ("MatchQ[f[], f[__]]", "False"),
        ("MatchQ[f[], f[___]]", "True"),
        ("MatchQ[{1, 1}, {x_, x_}]", "True"),
        ("MatchQ[{1, 2}, {x_, x_}]", "False"),
        ("MatchQ[3, _?OddQ]", "True"),
        ("MatchQ[3, x_ /; x > 5]", "False"),
        ("MatchQ[a, a | b]", "True"),
        ("MatchQ[{1, 2, 3}, {__Integer}]", "True"),
        ("MatchQ[{1, 2, 3}, {1 ..}]", "False"),
        ("MatchQ[{1, 1, 1}, {1 ..}]", "True"),
        ("MatchQ[x, Except[y]]", "True"),
        ("MatchQ[a + b, x_ + y_]", "True"),
        ("MatchQ[f[a, b], f[b, a]]", "False"),
        ("{1, 2, 3} /. 2 -> b", "{1, b, 3}"),
        ("{a, b} /. {a -> 1, b -> 2}", "{1, 2}"),
        ("f[2] /. f[x_] :> x^2", "4"),
        ("a + b + c /. a + b -> x", "c + x"),
        ("{f[1], g[2]} /. (f | g)[x_] -> x", "{1, 2}"),
        ("x /. {{x -> 1}, {x -> 2}}", "{1, 2}"),
        ("f[f[f[x]]] //. f[y_] :> y", "x"),
        ("Replace[f[1], f[x_] -> x]", "1"),
        ("Cases[{1, a, 2, b}, _Integer]", "{1, 2}"),
        ("Cases[{1, 2, 3}, x_ :> x^2]", "{1, 4, 9}"),
        ("Cases[{{1}, {2}}, _Integer, Infinity]", "{1, 2}"),
        ("DeleteCases[{1, a, 2}, _Symbol]", "{1, 2}"),
        ("Position[{a, b, a}, a]", "{{1}, {3}}"),
        ("Count[{1, 2, 1}, 1]", "2"),
        ("MemberQ[{1, 2}, 2]", "True"),
        ("FreeQ[f[x], x]", "False"),
        ("FreeQ[f[x], y]", "True"),
        ("ReplaceList[{a, b, c}, {x__, y__} -> {{x}, {y}}]", "{{{a}, {b, c}}, {{a, b}, {c}}}"),
        ("f[x_.] := x; f[]", "f[]"),
        ("g[x_, y_.] := {x, y}; Default[g] = 7; g[1]", "{1, 7}"),
    ])
    func patternsMatchLikeMathematica(_ source: String, _ expected: String) {
        #expect(evaluateSource(source).result == expected, "\(source)")
    }

    @Test func memberQOnAPackedArrayDoesNotUnpack() {
        let text = evaluateSource("On[\"Packing\"]; a = Range[1000]; MemberQ[a, 500]")
        #expect(text.result == "True")
        #expect(!text.output.contains("unpack"))
    }
}
