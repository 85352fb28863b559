import Testing
import TesseraRunner

@Suite struct ControlFlowTests {
    @Test(arguments: [
        ("If[True, 1, 2]", "1"),
        ("If[False, 1]", "Null"),
        ("If[x, 1, 2]", "If[x, 1, 2]"),
        ("If[x, 1, 2, 3]", "3"),
        ("Which[False, 1, True, 2]", "2"),
        ("Switch[3, 1, a, 3, b, _, c]", "b"),
        ("Switch[7, 1, a, _Integer, b]", "b"),
        ("s = 0; Do[s += i, {i, 10}]; s", "55"),
        ("s = 0; Do[s += i j, {i, 3}, {j, 2}]; s", "18"),
        ("s = 0; Do[If[i > 3, Break[]]; s += i, {i, 10}]; s", "6"),
        ("s = 0; Do[If[OddQ[i], Continue[]]; s += i, {i, 10}]; s", "30"),
        ("Do[If[i == 3, Return[i]], {i, 5}]", "3"),
        ("i = 0; While[i < 5, i++]; i", "5"),
        ("s = 0; For[i = 1, i <= 4, i++, s += i]; s", "10"),
        ("Nest[f, x, 3]", "f[f[f[x]]]"),
        ("NestList[f, x, 2]", "{x, f[x], f[f[x]]}"),
        ("Fold[f, x, {a, b}]", "f[f[x, a], b]"),
        ("FoldList[Plus, 0, {1, 2, 3}]", "{0, 1, 3, 6}"),
        ("FixedPoint[Floor[#/2] &, 100]", "0"),
        ("NestWhile[#/2 &, 64, EvenQ]", "1"),
        ("Catch[Throw[5]; 6]", "5"),
        ("Catch[Throw[1, a], a]", "1"),
        ("Catch[Do[If[i > 2, Throw[i]], {i, 10}]]", "3"),
        ("f[x_] := (Return[x + 1]; 0); f[1]", "2"),
        ("Check[1/0, err]", "err"),
        ("Quiet[1/0]", "ComplexInfinity"),
        ("CompoundExpression[1, 2, 3]", "3"),
        ("ReleaseHold[Hold[1 + 2]]", "3"),
        ("Module[{x = 1}, x + 1]", "2"),
        ("x = 10; Module[{x = 1}, x]; x", "10"),
        ("x = 10; Block[{x = 1}, x + 1]", "2"),
        ("x = 10; Block[{x = 1}, x]; x", "10"),
        ("f[] := y; y = 1; Block[{y = 2}, f[]]", "2"),
        ("With[{x = 2}, Hold[x]]", "Hold[2]"),
    ])
    func controlConstructs(_ source: String, _ expected: String) {
        #expect(evaluateSource(source).result == expected, "\(source)")
    }

    @Test func anUncaughtThrowIsReported() {
        let text = evaluateSource("Throw[1]")
        #expect(text.output.contains("Throw::nocatch"))
        #expect(text.result == "Hold[Throw[1]]")
    }
}
