// Information (and so the REPL's ?name and ??name): usage texts, definitions of one's own symbols.

import Testing

@Suite struct InformationTests {
    @Test(arguments: [
        ("f[x_] := x^2; Information[f, LongForm -> False]", "Global`f\n\nf[x_] := x^2\n"),
        ("x = 5; Information[\"x\", LongForm -> False]", "Global`x\n\nx = 5\n"),
        ("SetAttributes[g, Listable]; g[1] = 2; g[n_] := n + 1; Information[g]",
         "Global`g\n\nAttributes[g] = {Listable}\n\ng[1] = 2\n\ng[n_] := n + 1\n"),
        ("SetAttributes[g, Listable]; g[n_] := n; Information[g, LongForm -> False]", "Global`g\n\ng[n_] := n\n"),
        ("h::usage = \"h[x] does nothing.\"; h[x_] := x; Information[h, LongForm -> False]",
         "h[x] does nothing.\n\nh[x_] := x\n"),
        ("u /: Length[u[a_]] := a; Information[u, LongForm -> False]", "Global`u\n\nu /: Length[u[a_]] := a\n"),
        ("Information[Sin, LongForm -> False]", "System`Sin\n\nAttributes[Sin] = {Listable, NumericFunction, Protected}\n"),
        ("Information[\"nosuch\"]", "\nInformation::notfound: Symbol nosuch not found.\n"),
        ("aaa1 = 1; aaa2 = 2; Information[\"aaa*\"]", "aaa1\naaa2\n"),
    ])
    func informationPrintsWhatIsKnownOfASymbol(_ source: String, _ printed: String) {
        let run = evaluateWithOutput(source)
        #expect(run.output == printed)
        #expect(run.result == "Null")
    }
}
