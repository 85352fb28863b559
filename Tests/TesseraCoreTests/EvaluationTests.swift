import Testing
import TesseraRunner

/// (source, what -code prints)
private func check(_ source: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(evaluateSource(source).result == expected, "\(source)", sourceLocation: sourceLocation)
}

@Suite struct EvaluationTests {
    @Test(arguments: [
        ("x = 5; x", "5"),
        ("x = y; y = 3; x", "3"),
        ("f[x_] := x^2; f[3]", "9"),
        ("f[0] = 1; f[n_] := n f[n - 1]; f[5]", "120"),
        ("fib[0] = 0; fib[1] = 1; fib[n_] := fib[n - 1] + fib[n - 2]; fib[15]", "610"),
        ("f[x_Integer] := int; f[x_] := other; {f[1], f[1.5]}", "{int, other}"),
        ("f[x_] := other; f[x_Integer] := int; {f[1], f[1.5]}", "{int, other}"),
        ("g[x_] /; x > 0 := pos; g[x_] := nonpos; {g[1], g[-1]}", "{pos, nonpos}"),
        ("h[x_] := body /; x > 2; {h[1], h[3]}", "{h[1], body}"),
        ("q[u_] := Module[{v = u}, 10 /; v > 0 && v < 5]; {q[3], q[10]}", "{10, q[10]}"),
        ("w[x_] := With[{y = x^2}, y /; y > 4]; w[x_Integer] := 0; {w[1], w[2.5], w[1.5]}", "{0, 6.25, w[1.5]}"),
        ("b[x_] := Block[{t = x}, t /; t > 1]; {b[2], b[0]}", "{2, b[0]}"),
        ("f[a_, b_: 10] := {a, b}; {f[1], f[1, 2]}", "{{1, 10}, {1, 2}}"),
        ("f[x__] := {x}; f[1, 2, 3]", "{1, 2, 3}"),
        ("f[x___] := Length[{x}]; f[]", "0"),
        ("g /: f[g[x_]] := x + 1; f[g[2]]", "3"),
        ("g[x_] ^:= 1; {g[5], h[g[1]]}", "{g[5], h[g[1]]}"),
        ("f[x_][y_] := x + y; f[1][2]", "3"),
        ("Function[x, x^2][3]", "9"),
        ("(#1 + #2 &)[1, 2]", "3"),
        ("Plus[##] &[1, 2, 3]", "6"),
        ("f[Sequence[1, 2]]", "f[1, 2]"),
        ("Hold[1 + 1]", "Hold[1 + 1]"),
        ("Length[Unevaluated[1 + 1 + 1]]", "3"),
        ("SetAttributes[f, HoldAll]; f[1 + 1]", "f[1 + 1]"),
        ("SetAttributes[f, Listable]; f[{1, 2}]", "{f[1], f[2]}"),
        ("SetAttributes[f, Orderless]; f[c, a, b]", "f[a, b, c]"),
        ("SetAttributes[f, Flat]; f[a, f[b, c]]", "f[a, b, c]"),
        ("x = 1; x =.; x", "x"),
        ("{a, b} = {1, 2}; a + b", "3"),
        ("l = {1, 2, 3}; l[[2]] = 20; l", "{1, 20, 3}"),
        ("m = {{1, 2}, {3, 4}}; m[[2, 1]] = 0; m", "{{1, 2}, {0, 4}}"),
        ("x = 1; x++; x", "2"),
        ("x = 1; {x++, x}", "{1, 2}"),
        ("x = 5; x += 3; x", "8"),
        ("l = {1}; AppendTo[l, 2]; l", "{1, 2}"),
    ])
    func evaluatesLikeMathematica(_ source: String, _ expected: String) {
        check(source, expected)
    }

    @Test func deepRecursionStopsAtTheLimitWithAMessage() {
        let text = evaluateSource("f[n_] := 1 + f[n + 1]; f[0]")
        #expect(text.output.contains("$RecursionLimit::reclim2"))
    }

    @Test func messagesShowReciprocalsAsFractions() {
        let text = evaluateSource("1/0")
        #expect(text.output.contains("Power::infy: Infinite expression 1/0 encountered."))
        #expect(text.result == "ComplexInfinity")
    }

    @Test func infiniteRewritingStopsAtTheIterationLimit() {
        let text = evaluateSource("x := x + 1; x")
        #expect(text.output.contains("$RecursionLimit") || text.output.contains("$IterationLimit"))
    }

    @Test func kernelsInOneProcessDoNotShareState() {
        #expect(evaluateSource("x = 42; x").result == "42")
        #expect(evaluateSource("x").result == "x")
    }
}
