// Pattern syntax: blanks, named patterns, optional values, conditions, tests, repetition.

import Testing

struct ParserPatternTests {
    @Test(arguments: [
        ("_", "Blank[]"),
        ("__", "BlankSequence[]"),
        ("___", "BlankNullSequence[]"),
        ("_h", "Blank[h]"),
        ("_Integer", "Blank[Integer]"),
        ("x_", "Pattern[x, Blank[]]"),
        ("x__", "Pattern[x, BlankSequence[]]"),
        ("x___", "Pattern[x, BlankNullSequence[]]"),
        ("x_h", "Pattern[x, Blank[h]]"),
        ("x__h", "Pattern[x, BlankSequence[h]]"),
        ("x_Developer`PackedArray", "Pattern[x, Blank[Developer`PackedArray]]"),
        ("_.", "Optional[Blank[]]"),
        ("x_.", "Optional[Pattern[x, Blank[]]]"),
        ("x_:d", "Optional[Pattern[x, Blank[]], d]"),
        ("x_:0", "Optional[Pattern[x, Blank[]], 0]"),
        ("x_Integer:0", "Optional[Pattern[x, Blank[Integer]], 0]"),
        ("f[x_:{1, 2}]", "f[Optional[Pattern[x, Blank[]], List[1, 2]]]"),
        ("_:b", "Optional[Blank[], b]"),
        ("x:_", "Pattern[x, Blank[]]"),
        ("x:_Integer", "Pattern[x, Blank[Integer]]"),
        ("a:b", "Pattern[a, b]"),
        ("x:(a|b)", "Pattern[x, Alternatives[a, b]]"),
        ("a:b|c", "Pattern[a, Alternatives[b, c]]"),
        ("a:b:c", "Optional[Pattern[a, b], c]"),
        ("x:_Symbol | _Integer:2", "Optional[Pattern[x, Alternatives[Blank[Symbol], Blank[Integer]]], 2]"),
        ("_Symbol | _Integer:2", "Alternatives[Blank[Symbol], Optional[Blank[Integer], 2]]"),
        ("x:f[y_:1]", "Pattern[x, f[Optional[Pattern[y, Blank[]], 1]]]"),
        ("_?NumericQ:2", "PatternTest[Blank[], Pattern[NumericQ, 2]]"),
        ("f[x:_:0]", "f[Optional[Pattern[x, Blank[]], 0]]"),
        ("a?b:c", "PatternTest[a, Pattern[b, c]]"),
        ("_?EvenQ", "PatternTest[Blank[], EvenQ]"),
        ("x_?NumericQ", "PatternTest[Pattern[x, Blank[]], NumericQ]"),
        ("_a?b|_c", "Alternatives[PatternTest[Blank[a], b], Blank[c]]"),
        ("_^_?t", "Power[Blank[], PatternTest[Blank[], t]]"),
        ("x_ /; x > 0", "Condition[Pattern[x, Blank[]], Greater[x, 0]]"),
        ("a /; b /; c", "Condition[Condition[a, b], c]"),
        ("f[x_] := x /; x > 0", "SetDelayed[f[Pattern[x, Blank[]]], Condition[x, Greater[x, 0]]]"),
        ("p..", "Repeated[p]"),
        ("p...", "RepeatedNull[p]"),
        ("_..", "Repeated[Blank[]]"),
        ("{_Integer..}", "List[Repeated[Blank[Integer]]]"),
        ("a|b|c", "Alternatives[a, b, c]"),
        ("_Integer | _Real", "Alternatives[Blank[Integer], Blank[Real]]"),
        ("x_ x_", "Times[Pattern[x, Blank[]], Pattern[x, Blank[]]]"),
        ("f[x_, y_] := x + y", "SetDelayed[f[Pattern[x, Blank[]], Pattern[y, Blank[]]], Plus[x, y]]"),
        ("\"a\" ~~ x__ ~~ \"b\"", "StringExpression[\"a\", Pattern[x, BlankSequence[]], \"b\"]"),
        ("opts:OptionsPattern[]", "Pattern[opts, OptionsPattern[]]"),
        ("f[x_.]", "f[Optional[Pattern[x, Blank[]]]]"),
    ])
    func patterns(source: String, expected: String) throws {
        #expect(try parsedText(source) == expected)
    }
}
