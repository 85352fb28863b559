// Calls, parts, lists, associations, compound expressions, spans, slots, assignments, rules and the
// functional operators.

import Testing

struct ParserStructureTests {
    @Test(arguments: [
        ("f[x]", "f[x]"),
        ("f[]", "f[]"),
        ("f[a, b]", "f[a, b]"),
        ("f [x]", "f[x]"),
        ("f[a][b]", "f[a][b]"),
        ("f[a,]", "f[a, Null]"),
        ("f[,a]", "f[Null, a]"),
        ("{}", "List[]"),
        ("{1, 2, {3}}", "List[1, 2, List[3]]"),
        ("{a,}", "List[a, Null]"),
        ("{,}", "List[Null, Null]"),
        ("<||>", "Association[]"),
        ("<|a -> 1, b :> 2|>", "Association[Rule[a, 1], RuleDelayed[b, 2]]"),
        ("\\[LeftAssociation]a -> 1\\[RightAssociation]", "Association[Rule[a, 1]]"),
        ("a[[1]]", "Part[a, 1]"),
        ("a[[1, 2]]", "Part[a, 1, 2]"),
        ("a[[1]][[2]]", "Part[Part[a, 1], 2]"),
        ("a[ [1]]", "Part[a, 1]"),
        ("a[[1] ]", "Part[a, 1]"),
        ("a[[f[1]]]", "Part[a, f[1]]"),
        ("a[[{1, 2}]]", "Part[a, List[1, 2]]"),
        ("{1}[[1]]", "Part[List[1], 1]"),
        ("(f)[x]", "f[x]"),
        ("#[[1]]&", "Function[Part[Slot[1], 1]]"),
    ])
    func callsAndBrackets(source: String, expected: String) throws {
        #expect(try parsedText(source) == expected)
    }

    @Test(arguments: [
        ("a; b", "CompoundExpression[a, b]"),
        ("a; b; c", "CompoundExpression[a, b, c]"),
        ("a;", "CompoundExpression[a, Null]"),
        ("4;1;", "CompoundExpression[4, 1, Null]"),
        ("a ; ; c", "CompoundExpression[a, Null, c]"),
        ("(a; b); c", "CompoundExpression[CompoundExpression[a, b], c]"),
        ("f[a;]", "f[CompoundExpression[a, Null]]"),
        ("a; // f", "f[CompoundExpression[a, Null]]"),
        ("x = Table[i, {i, 3}]; // AbsoluteTiming",
         "AbsoluteTiming[CompoundExpression[Set[x, Table[i, List[i, 3]]], Null]]"),
        ("a; b // f", "CompoundExpression[a, f[b]]"),
        ("(a = #; & /@ {1, 2}; b)",
         "CompoundExpression[Map[Function[CompoundExpression[Set[a, Slot[1]], Null]], List[1, 2]], b]"),
        ("(a = #; b = 0; &)", "Function[CompoundExpression[Set[a, Slot[1]], Set[b, 0], Null]]"),
    ])
    func compoundExpressions(source: String, expected: String) throws {
        #expect(try parsedText(source) == expected)
    }

    @Test(arguments: [
        (";;", "Span[1, All]"),
        ("a;;", "Span[a, All]"),
        (";;b", "Span[1, b]"),
        ("a;;b", "Span[a, b]"),
        ("a;;b;;c", "Span[a, b, c]"),
        ("1;; ;;3", "Span[1, All, 3]"),
        ("1;;;;3", "Span[1, All, 3]"),
        (";;2;;3", "Span[1, 2, 3]"),
        ("a;;b;;", "Times[Span[a, b], Span[1, All]]"),
        ("a;;b;;c;;d", "Times[Span[a, b, c], Span[1, d]]"),
        ("1;;2;;3;;4;;5;;6", "Times[Span[1, 2, 3], Span[1, 4, 5], Span[1, 6]]"),
        ("(a;;b);;c", "Span[Span[a, b], c]"),
        ("x = 1 ;; 3", "Set[x, Span[1, 3]]"),
        ("1;;-1", "Span[1, -1]"),
        ("a[[2;;]]", "Part[a, Span[2, All]]"),
        ("a[[;;, 1]]", "Part[a, Span[1, All], 1]"),
        ("a[[;; ;; 2]]", "Part[a, Span[1, All, 2]]"),
        ("s = 2 ;; ; s", "CompoundExpression[Set[s, Span[2, All]], s]"),
    ])
    func spans(source: String, expected: String) throws {
        #expect(try parsedText(source) == expected)
    }

    @Test(arguments: [
        ("#", "Slot[1]"),
        ("#2", "Slot[2]"),
        ("#0", "Slot[0]"),
        ("#name", "Slot[\"name\"]"),
        ("##", "SlotSequence[1]"),
        ("##2", "SlotSequence[2]"),
        ("#1 + #2 &", "Function[Plus[Slot[1], Slot[2]]]"),
        ("#&[1]", "Function[Slot[1]][1]"),
        ("a==b&", "Function[Equal[a, b]]"),
        ("x & y", "Times[Function[x], y]"),
        ("x -> #&", "Function[Rule[x, Slot[1]]]"),
        ("# > 10 && PrimeQ[#] &[11]", "Function[And[Greater[Slot[1], 10], PrimeQ[Slot[1]]]][11]"),
        ("x |-> x^2", "Function[x, Power[x, 2]]"),
        ("x \\[Function] x^2", "Function[x, Power[x, 2]]"),
        ("x \u{F4A1} y", "Function[x, y]"),
        ("%", "Out[]"),
        ("%%", "Out[-2]"),
        ("%%%%", "Out[-4]"),
        ("%5", "Out[5]"),
    ])
    func slotsAndOut(source: String, expected: String) throws {
        #expect(try parsedText(source) == expected)
    }

    @Test(arguments: [
        ("x = 1", "Set[x, 1]"),
        ("x = y = z", "Set[x, Set[y, z]]"),
        ("f[x_] := x^2", "SetDelayed[f[Pattern[x, Blank[]]], Power[x, 2]]"),
        ("g[f] ^= 1", "UpSet[g[f], 1]"),
        ("g[f] ^:= 1", "UpSetDelayed[g[f], 1]"),
        ("x =.", "Unset[x]"),
        ("x/:1=1", "TagSet[x, 1, 1]"),
        ("x/:1:=1", "TagSetDelayed[x, 1, 1]"),
        ("x/:1=.", "TagUnset[x, 1]"),
        ("f /: f[x_] + f[y_] := x + y",
         "TagSetDelayed[f, Plus[f[Pattern[x, Blank[]]], f[Pattern[y, Blank[]]]], Plus[x, y]]"),
        ("x /: x + y_ /; y > -2 := f[y]",
         "TagSetDelayed[x, Condition[Plus[x, Pattern[y, Blank[]]], Greater[y, -2]], f[y]]"),
        ("x += 1", "AddTo[x, 1]"),
        ("x -= 1", "SubtractFrom[x, 1]"),
        ("x *= 2", "TimesBy[x, 2]"),
        ("x /= 2", "DivideBy[x, 2]"),
        ("x++", "Increment[x]"),
        ("x--", "Decrement[x]"),
        ("++x", "PreIncrement[x]"),
        ("--x", "PreDecrement[x]"),
        ("a -> b", "Rule[a, b]"),
        ("a -> b -> c", "Rule[a, Rule[b, c]]"),
        ("a :> b", "RuleDelayed[a, b]"),
        ("a → b", "Rule[a, b]"),
        ("a \\[Rule] b", "Rule[a, b]"),
        ("a \\[RuleDelayed] b", "RuleDelayed[a, b]"),
        ("a <-> b", "TwoWayRule[a, b]"),
        ("x_ -> x + 1", "Rule[Pattern[x, Blank[]], Plus[x, 1]]"),
        ("a /. b -> c", "ReplaceAll[a, Rule[b, c]]"),
        ("a //. b", "ReplaceRepeated[a, b]"),
        ("a /. b /. c", "ReplaceAll[ReplaceAll[a, b], c]"),
        ("f::usage", "MessageName[f, \"usage\"]"),
        ("f::usage = \"text\"", "Set[MessageName[f, \"usage\"], \"text\"]"),
        ("a::b::c", "MessageName[a, \"b\", \"c\"]"),
        ("a::\"b\"", "MessageName[a, \"b\"]"),
        ("f'", "Derivative[1][f]"),
        ("f''", "Derivative[2][f]"),
        ("f' '", "Derivative[2][f]"),
        ("f'[x]", "Derivative[1][f][x]"),
        ("<<file.m", "Get[\"file.m\"]"),
        ("<< \"my file.m\"", "Get[\"my file.m\"]"),
        ("<<Package`", "Get[\"Package`\"]"),
        ("x >> out.txt", "Put[x, \"out.txt\"]"),
        ("x >>> out.txt", "PutAppend[x, \"out.txt\"]"),
    ])
    func assignmentsAndRules(source: String, expected: String) throws {
        #expect(try parsedText(source) == expected)
    }

    @Test(arguments: [
        ("f @ x", "f[x]"),
        ("f @ g @ x", "f[g[x]]"),
        ("x // f", "f[x]"),
        ("x // f // g", "g[f[x]]"),
        ("a | b // c | d", "Alternatives[c, d][Alternatives[a, b]]"),
        ("f @@ x", "Apply[f, x]"),
        ("a @@ b @@ c", "Apply[a, Apply[b, c]]"),
        ("f @@@ x", "MapApply[f, x]"),
        ("f /@ x", "Map[f, x]"),
        ("a /@ b @@ c", "Map[a, Apply[b, c]]"),
        ("f //@ x", "MapAll[f, x]"),
        ("f @ g @@ h", "Apply[f[g], h]"),
        ("f @ g /@ h", "Map[f[g], h]"),
        ("f & /@ g @ h", "Map[Function[f], g[h]]"),
        ("f & /@ g /. h -> k", "ReplaceAll[Map[Function[f], g], Rule[h, k]]"),
        ("f @* g @* h", "Composition[f, g, h]"),
        ("f /* g", "RightComposition[f, g]"),
        ("a ~f~ b", "f[a, b]"),
        ("a ~f~ b ~g~ c", "g[f[a, b], c]"),
        ("g @ a ~f~ b", "f[g[a], b]"),
        ("g @@ a ~f~ b", "Apply[g, f[a, b]]"),
        ("a + b ~f~ c", "Plus[a, f[b, c]]"),
        ("a ~~ b ~~ c", "StringExpression[a, b, c]"),
        ("a?b[c]", "PatternTest[a, b][c]"),
        ("a?b[c][d]", "PatternTest[a, b][c][d]"),
        ("a?(f[x])", "PatternTest[a, f[x]]"),
    ])
    func functionalOperators(source: String, expected: String) throws {
        #expect(try parsedText(source) == expected)
    }

    @Test(arguments: [
        ("a\nb", "a\nb"),
        ("a +\nb", "Plus[a, b]"),
        ("a\n+b", "a\nPlus[b]"),
        ("f[a,\nb]", "f[a, b]"),
        ("(a\nb)", "Times[a, b]"),
        ("{1,\n 2}", "List[1, 2]"),
        ("x = 1;\ny = 2", "CompoundExpression[Set[x, 1], Null]\nSet[y, 2]"),
        ("\n\n a \n\n", "a"),
        ("a //\n f", "f[a]"),
        ("1 +\n\n 2", "Plus[1, 2]"),
        ("a\r\nb", "a\nb"),
        ("f[x_] :=\n  x^2\ng[1]", "SetDelayed[f[Pattern[x, Blank[]]], Power[x, 2]]\ng[1]"),
        ("a \\\n b", "Times[a, b]"),
    ])
    func lineBreaks(source: String, expected: String) throws {
        #expect(try parsedText(source) == expected)
    }
}
