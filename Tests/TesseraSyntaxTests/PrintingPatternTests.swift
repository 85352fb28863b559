// Patterns, slots and pure functions.

import Testing
import TesseraSyntax

@Suite struct PrintingPatternTests {
    @Test(arguments: [
        ("Blank[]", "_"),
        ("Blank[Integer]", "_Integer"),
        ("BlankSequence[]", "__"),
        ("BlankNullSequence[]", "___"),
        ("BlankNullSequence[h]", "___h"),
        ("Blank[f[x]]", "Blank[f[x]]"),
        ("Pattern[x, Blank[]]", "x_"),
        ("Pattern[x, Blank[Integer]]", "x_Integer"),
        ("Pattern[x, BlankSequence[]]", "x__"),
        ("Pattern[x, BlankNullSequence[Real]]", "x___Real"),
        ("Pattern[x, Alternatives[Blank[Integer], Blank[Real]]]", "x:_Integer | _Real"),
        ("Pattern[s, A[x]]", "s:A[x]"),
        ("Pattern[f[x], Blank[]]", "Pattern[f[x], _]"),
        ("Optional[Blank[]]", "_."),
        ("Optional[Pattern[x, Blank[]]]", "x_."),
        ("Optional[Pattern[x, Blank[]], 2]", "x_:2"),
        ("Optional[Pattern[x, Blank[Integer]]]", "Optional[x_Integer]"),
        ("Optional[BlankNullSequence[]]", "Optional[___]"),
        ("Optional[u][x]", "(Optional[u])[x]"),
        ("Power[Pattern[x, Blank[]], Optional[Pattern[m, Blank[]]]]", "(x_)^(m_.)"),
        ("PatternTest[Pattern[x, Blank[]], IntegerQ]", "(x_)?IntegerQ"),
        ("PatternTest[Blank[], IntegerQ]", "_?IntegerQ"),
        ("PatternTest[Except[0], NumericQ]", "(Except[0])?NumericQ"),
        ("PatternTest[a, f[x]]", "a?(f[x])"),
        ("PatternTest[a, b][c]", "a?b[c]"),
        ("Condition[Pattern[x, Blank[]], Greater[x, 0]]", "x_ /; x > 0"),
        ("Condition[Condition[a, b], c]", "a /; b /; c"),
        ("Condition[a, Condition[b, c]]", "a /; (b /; c)"),
        ("Condition[x, Alternatives[a, b]]", "x /; a | b"),
        ("Condition[Pattern[x, Blank[A]], Greater[u, 0]][p]", "(x_A /; u > 0)[p]"),
        ("HoldPattern[Condition[Plus[x, Pattern[y, Blank[]]], Greater[y, -2]]]", "HoldPattern[x + (y_) /; y > -2]"),
        ("Alternatives[a, b, c]", "a | b | c"),
        ("Alternatives[Alternatives[a, b], c]", "(a | b) | c"),
        ("Alternatives[a, Alternatives[b, c]]", "a | (b | c)"),
        ("Alternatives[a, Condition[b, c]]", "a | (b /; c)"),
        ("Repeated[a]", "a.."),
        ("RepeatedNull[a]", "a..."),
        ("Repeated[Pattern[x, Blank[]], 3]", "Repeated[x_, 3]"),
        ("Repeated[u][x]", "(u..)[x]"),
        ("Equal[a, Pattern[b, c]]", "a == (b:c)"),
        ("Blank[][x]", "_[x]"),
        ("Pattern[u, Blank[]][x]", "(u_)[x]"),
        ("Pattern[u, BlankSequence[]][x]", "(u__)[x]"),
        ("Pattern[s, A[x]][t]", "(s:A[x])[t]"),
        ("Association[Rule[\"a\", 1], RuleDelayed[Pattern[n, Blank[Integer]], Plus[n, 100]]]", "<|\"a\" -> 1, n_Integer :> n + 100|>"),
        ("SetDelayed[f[Pattern[x, Blank[]], Pattern[y, Blank[]]], Plus[x, y]]", "f[x_, y_] := x + y"),
    ])
    func patterns(_ c: (String, String)) {
        #expect(printed(c.0, .input) == c.1)
    }

    @Test(arguments: [
        ("Slot[1]", "#1"),
        ("Slot[0]", "#0"),
        ("Slot[\"a\"]", "#a"),
        ("SlotSequence[1]", "##1"),
        ("SlotSequence[2]", "##2"),
        ("Slot[x]", "Slot[x]"),
        ("Function[Plus[Slot[1], 1]]", "#1 + 1 & "),
        ("Function[x, Plus[x, 1]]", "Function[x, x + 1]"),
        ("Function[List[x, y], Plus[x, y]][List[1, 2]]", "Function[{x, y}, x + y][{1, 2}]"),
        ("Function[Plus[a, PrimeQ[Slot[1]]]][11]", "(a + PrimeQ[#1] & )[11]"),
        ("Function[CompoundExpression[Set[a, Slot[1]], Null]]", "(a = #1; ) & "),
        ("Function[Set[a, 1]]", "(a = 1) & "),
        ("Function[Function[x]]", "(x & ) & "),
        ("Root[Function[Plus[-2, Power[Slot[1], 5]]], 1, 0]", "Root[-2 + #1^5 & , 1, 0]"),
        ("Function[Or[Not[Slot[1]], Not[Slot[2]]]]", " !#1 ||  !#2 & "),
        ("Function[Plus[a, Part[Slot[1], 1]]][List[5, 6]]", "(a + #1[[1]] & )[{5, 6}]"),
        ("Function[And[Greater[Slot[1], 10], PrimeQ[Slot[1]]]][11]", "(#1 > 10 && PrimeQ[#1] & )[11]"),
        ("ReplaceAll[Map[Function[f], g], Rule[h, k]]", "(f & ) /@ g /. h -> k"),
        ("PatternTest[Blank[], Function[Greater[Slot[1], 0]]]", "_?(#1 > 0 & )"),
    ])
    func pureFunctions(_ c: (String, String)) {
        #expect(printed(c.0, .input) == c.1)
        #expect(printed(c.0, .output) == c.1)
    }
}
