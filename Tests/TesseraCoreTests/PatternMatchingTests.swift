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
        // A level n is levels 1 through n; deeper parts are replaced first; {0, n} includes the whole.
        ("{Replace[{1, 2, 3}, x_ -> x^2, 1], Replace[{{1, 2}, {3, 4}}, x_ -> 0, 1]}", "{{1, 4, 9}, {0, 0}}"),
        ("{Replace[f[g[h[0]]], x_ -> q, 2], Replace[f[g[h[0]]], x_ -> q, {0, 2}]}", "{f[q], q}"),
        ("Cases[{1, a, 2, b}, _Integer]", "{1, 2}"),
        ("Cases[{1, 2, 3}, x_ :> x^2]", "{1, 4, 9}"),
        ("Cases[{{1}, {2}}, _Integer, Infinity]", "{1, 2}"),
        ("DeleteCases[{1, a, 2}, _Symbol]", "{1, 2}"),
        ("Position[{a, b, a}, a]", "{{1}, {3}}"),
        ("FirstPosition[{{a, a, b}, {b, a, a}}, b]", "{1, 3}"),
        ("{Position[f[a, b], _, Heads -> False], Position[f[a, f[b]], f, Heads -> True]}", "{{{1}, {2}, {}}, {{0}, {2, 0}}}"),
        ("{Cases[f[a, b], _, {0, Infinity}, Heads -> True], Cases[f[a, b], _Symbol, {1}]}", "{{f, a, b, f[a, b]}, {a, b}}"),
        ("{FirstPosition[{1, a, 2}, _Symbol], FirstPosition[{1, a}, _List]}", "{{0}, {}}"),
        ("{FirstPosition[{1, 2, 3}, 5], FirstPosition[{1, 2, 3}, 5, none]}", "{Missing[NotFound], none}"),
        ("{FirstPosition[<|a -> {1, 2}, b -> 3|>, 2], FirstPosition[{<|a -> 1, b -> 2|>}, 2]}", "{{Key[a], 2}, {1, Key[b]}}"),
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

    /// Definitions like `f[x_, y_Real]` take a shortcut past the general matcher; these cases pin
    /// down that it agrees with it (repeated names, heads, literals, compound heads, counts).
    @Test(arguments: [
        ("h[x_, x_] := 1; {h[2, 2], h[2, 3]}", "{1, h[2, 3]}"),
        ("k[_Integer, y_Real] := y; {k[1, 2.5], k[1.5, 2.5], k[1, 2]}", "{2.5, k[1.5, 2.5], k[1, 2]}"),
        ("m[0, x_] := x; m[n_, x_] := n x; {m[0, 5], m[2, 5]}", "{5, 10}"),
        ("f[a_[b__]] := {a, b}; f[g[1, 2, 3]]", "{g, 1, 2, 3}"),
        ("p[x_List] := Length[x]; {p[{1, 2}], p[Range[5]], p[3]}", "{2, 5, p[3]}"),
        ("q[x_] := x; {q[], q[1, 2], q[7]}", "{q[], q[1, 2], 7}"),
        ("r[{x_, y_}] := x + y; r[{1, 2}]", "3"),
        ("g[{x_, y_}] := x + y; {g[{1}], g[3], g[{1, 2, 3}], g[f[1, 2]], g[Range[2]]}", "{g[{1}], g[3], g[{1, 2, 3}], g[f[1, 2]], 3}"),
        ("h[{x_, x_}, z_] := z; {h[{1, 1}, 5], h[{1, 2}, 5]}", "{5, h[{1, 2}, 5]}"),
        ("m[{a_Integer, {b_}}] := b; {m[{1, {q}}], m[{1.5, {q}}], m[{1, q}]}", "{q, m[{1.5, {q}}], m[{1, q}]}"),
    ])
    func simpleDefinitionsMatchAsTheGeneralMatcherDoes(_ source: String, _ expected: String) {
        #expect(evaluateSource(source).result == expected, "\(source)")
    }

    @Test func memberQOnAPackedArrayDoesNotUnpack() {
        let text = evaluateSource("On[\"Packing\"]; a = Range[1000]; MemberQ[a, 500]")
        #expect(text.result == "True")
        #expect(!text.output.contains("unpack"))
    }
}
