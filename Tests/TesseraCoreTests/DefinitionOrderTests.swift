import Testing
import TesseraRunner

/// Definitions are tried from specific to general whatever order they were made in; equally specific
/// ones keep definition order (the reference's tutorial "The Ordering of Definitions").
@Suite struct DefinitionOrderTests {
    @Test(arguments: [
        // A structured pattern before a bare blank, made in either order.
        (#"k[s_] := "any"; k[{x_, y_}] := "pair"; {k[{1, 2}], k[3]}"#, "{pair, any}"),
        (#"k[{x_, y_}] := "pair"; k[s_] := "any"; {k[{1, 2}], k[3]}"#, "{pair, any}"),
        // A condition makes a rule more specific than the same pattern without.
        ("f[l_] := l; f[{w___, x_, y_, z___}] /; x > y := f[{w, y, x, z}]; f[{3, 1, 2}]", "{1, 2, 3}"),
        ("g[x_] := nonpos; g[x_] /; x > 0 := pos; {g[1], g[-1]}", "{pos, nonpos}"),
        // A blank with a head before a bare blank; a single blank before sequences.
        ("h[x_] := any; h[x_Integer] := int; {h[1], h[a]}", "{int, any}"),
        ("s[x___] := null; s[x__] := seq; s[x_] := one; {s[], s[1], s[1, 2]}", "{null, one, seq}"),
        // A literal part before a pattern in the same place.
        ("h2[x_, y_] := x + y; h2[x_, 1] := x; DownValues[h2]",
         "{HoldPattern[h2[x_, 1]] :> x, HoldPattern[h2[x_, y_]] :> x + y}"),
        // A pattern name used twice is more specific.
        (#"q[j_, k_] := "diff"; q[i_, i_] := "same"; {q[1, 1], q[1, 2], Length[DownValues[q]]}"#, "{same, diff, 2}"),
        // Equally specific rules keep definition order.
        ("g2[x_Integer] := x^2; g2[x_String] := StringLength[x]; DownValues[g2]",
         "{HoldPattern[g2[x_Integer]] :> x^2, HoldPattern[g2[x_String]] :> StringLength[x]}"),
        ("u[x_Integer] := int; u[x_?EvenQ] := even; u[4]", "int"),
        // The same left side, up to pattern names, replaces the old rule in place.
        (#"r[j_, k_] := "first"; r[p_, q_] := "second"; {r[1, 2], Length[DownValues[r]]}"#, "{second, 1}"),
        ("v[x_] := 1; v[{a_}] := 2; v[x_] := 3; DownValues[v]", "{HoldPattern[v[{a_}]] :> 2, HoldPattern[v[x_]] :> 3}"),
    ])
    func moreSpecificDefinitionsAreTriedFirst(_ source: String, _ expected: String) {
        #expect(evaluateSource(source).result == expected, "\(source)")
    }
}
