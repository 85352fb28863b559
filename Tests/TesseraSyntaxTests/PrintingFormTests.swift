// The four forms side by side, and form wrappers inside expressions.

import Testing
import TesseraSyntax

@Suite struct PrintingFormTests {
    @Test(arguments: [
        ("Plus[a, Times[-1, b]]", "Plus[a, Times[-1, b]]"),
        ("Times[a, Power[b, -1], c]", "Times[a, Power[b, -1], c]"),
        ("List[1, 2, 3]", "List[1, 2, 3]"),
        ("Power[z, -1]", "Power[z, -1]"),
        ("Power[5, Rational[1, 2]]", "Power[5, Rational[1, 2]]"),
        ("Rule[a, Rule[b, c]]", "Rule[a, Rule[b, c]]"),
        ("Inequality[a, Less, b, LessEqual, c]", "Inequality[a, Less, b, LessEqual, c]"),
        ("Hold[PatternTest[a, b][c][d]]", "Hold[PatternTest[a, b][c][d]]"),
        ("Pattern[x, Blank[]]", "Pattern[x, Blank[]]"),
        ("BlankSequence[]", "BlankSequence[]"),
        ("Function[Plus[Slot[1], 1]]", "Function[Plus[Slot[1], 1]]"),
        ("Association[Rule[a, 1]]", "Association[Rule[a, 1]]"),
        ("Complex[0, 1]", "Complex[0, 1]"),
        ("f[1., \"s\", Rational[1, 3]]", "f[1.`, \"s\", Rational[1, 3]]"),
        ("Plus[a, b][x]", "Plus[a, b][x]"),
        ("FullForm[x]", "FullForm[x]"),
    ])
    func fullForm(_ c: (String, String)) {
        #expect(printed(c.0, .full) == c.1)
    }

    /// In a result, wrappers print literally; `FullForm[e]` shows `e` in InputForm (strings quoted),
    /// `InputForm[e]` shows `e` as the result text does.
    @Test(arguments: [
        ("FullForm[Complex[Rational[1, 2], Rational[3, 4]]]", "FullForm[1/2 + (3*I)/4]"),
        ("FullForm[Power[z, -1]]", "FullForm[z^(-1)]"),
        ("FullForm[Times[Rational[7, 4], Pi]]", "FullForm[(7*Pi)/4]"),
        ("FullForm[Hold[StringExpression[\"a\", \"b\"]]]", "FullForm[Hold[\"a\"~~\"b\"]]"),
        ("FullForm[Hold[Map[Function[f], g[h]]]]", "FullForm[Hold[(f & ) /@ g[h]]]"),
        ("FullForm[Hold[CompoundExpression[Map[Function[CompoundExpression[Set[a, Slot[1]], Null]], List[1, 2]], b]]]", "FullForm[Hold[((a = #1; ) & ) /@ {1, 2}; b]]"),
        ("FullForm[Greater[a, b, c]]", "FullForm[a > b > c]"),
        ("InputForm[List[\"integer\", \"real\", x]]", "InputForm[{integer, real, x}]"),
        ("InputForm[\"abc\"]", "InputForm[abc]"),
        ("HoldForm[Plus[1, 1]]", "HoldForm[1 + 1]"),
        ("f[HoldForm[Plus[1, 1]]]", "f[HoldForm[1 + 1]]"),
        ("Defer[Plus[a, b]]", "Defer[a + b]"),
        ("MatrixForm[List[List[a, b], List[c, d]]]", "MatrixForm[{{a, b}, {c, d}}]"),
        ("TableForm[List[List[1, 2]], Rule[TableHeadings, List[\"a\"]]]", "TableForm[{{1, 2}}, TableHeadings -> {a}]"),
    ])
    func wrappersInResults(_ c: (String, String)) {
        #expect(printed(c.0, .output) == c.1)
    }

    /// OutputForm (`ToString`, `Print`) does not show the wrappers; it shows their contents in the form
    /// they name.
    @Test(arguments: [
        ("FullForm[Plus[Times[a, b], c]]", "Plus[Times[a, b], c]"),
        ("FullForm[Complex[1., 2.]]", "Complex[1.`, 2.`]"),
        ("InputForm[\"hello\"]", "\"hello\""),
        ("InputForm[Plus[x, Times[-1, Power[y, 2]]]]", "x - y^2"),
        ("HoldForm[Plus[1, 1]]", "1 + 1"),
        ("Times[HoldForm[Plus[1, 1]], x]", "(1 + 1) x"),
        ("OutputForm[\"s\"]", "s"),
        ("List[3.14159265, 1.234]", "{3.14159, 1.234}"),
        ("Plus[x, Times[-1, Power[y, 2]]]", "x - y^2"),
        ("\"text\"", "text"),
    ])
    func outputForm(_ c: (String, String)) {
        #expect(printed(c.0, .outputForm) == c.1)
    }

    /// The same expression in every form.
    @Test func oneExpressionFourForms() {
        let e = "List[Plus[1, Times[-1, x]], \"s\", 0.1, Rational[1, 2]]"
        #expect(printed(e, .input) == "{1 - x, \"s\", 0.1, 1/2}")
        #expect(printed(e, .output) == "{1 - x, s, 0.1, 1/2}")
        #expect(printed(e, .full) == "List[Plus[1, Times[-1, x]], \"s\", 0.1`, Rational[1, 2]]")
        #expect(printed(e, .outputForm) == "{1 - x, s, 0.1, 1/2}")
    }
}
