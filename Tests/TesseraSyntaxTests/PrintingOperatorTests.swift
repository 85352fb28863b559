// Operators read from the operator table: tokens, spacing, and parentheses by precedence and grouping.

import Testing
import TesseraSyntax

@Suite struct PrintingOperatorTests {
    @Test(arguments: [
        // Rules and assignments (right-grouping).
        ("Rule[a, b]", "a -> b"),
        ("RuleDelayed[a, b]", "a :> b"),
        ("Rule[a, Rule[b, c]]", "a -> b -> c"),
        ("Rule[Rule[a, b], c]", "(a -> b) -> c"),
        ("RuleDelayed[a, Rule[b, c]]", "a :> b -> c"),
        ("Rule[a, RuleDelayed[b, c]]", "a -> b :> c"),
        ("TwoWayRule[a, b]", "a <-> b"),
        ("Set[x, 1]", "x = 1"),
        ("Set[a, Set[b, c]]", "a = b = c"),
        ("SetDelayed[f[Pattern[x, Blank[]]], Power[x, 2]]", "f[x_] := x^2"),
        ("UpSet[a, 3]", "a ^= 3"),
        ("UpSetDelayed[g[f], 2]", "g[f] ^:= 2"),
        ("TagSet[f, g[f], 1]", "f /: g[f] = 1"),
        ("TagSetDelayed[x, Plus[x, Pattern[y, Blank[]]], f[y]]", "x /: x + (y_) := f[y]"),
        ("Unset[x]", "x =."),
        ("AddTo[x, 1]", "x += 1"),
        ("SubtractFrom[x, 1]", "x -= 1"),
        ("TimesBy[x, 2]", "x *= 2"),
        ("DivideBy[x, 2]", "x /= 2"),
        ("Increment[x]", "x++"),
        ("Decrement[x]", "x--"),
        ("PreIncrement[x]", "++x"),
        ("PreDecrement[x]", "--x"),
        // Replacement (left-grouping).
        ("ReplaceAll[a, Rule[b, c]]", "a /. b -> c"),
        ("ReplaceAll[a, RuleDelayed[b, c]]", "a /. b :> c"),
        ("ReplaceRepeated[a, b]", "a //. b"),
        ("ReplaceAll[ReplaceAll[a, b], c]", "a /. b /. c"),
        ("ReplaceAll[a, ReplaceAll[b, c]]", "a /. (b /. c)"),
        // Comparisons.
        ("Equal[a, b]", "a == b"),
        ("Unequal[a, b]", "a != b"),
        ("Less[a, b, c]", "a < b < c"),
        ("LessEqual[0, x, 1]", "0 <= x <= 1"),
        ("Greater[a, b]", "a > b"),
        ("GreaterEqual[a, 0]", "a >= 0"),
        ("SameQ[a, b]", "a === b"),
        ("UnsameQ[a, b]", "a =!= b"),
        ("Equal[a, Less[b, c]]", "a == (b < c)"),
        ("Equal[a, Set[b, c]]", "a == (b = c)"),
        ("Equal[a, Map[f, b]]", "a == f /@ b"),
        ("SameQ[Equal[a, b], c]", "(a == b) === c"),
        ("Inequality[a, Less, b, LessEqual, c]", "Inequality[a, Less, b, LessEqual, c]"),
        // Logic: InputForm parenthesises && inside || (both have Precedence[] 215).
        ("And[a, b]", "a && b"),
        ("Or[a, b, c]", "a || b || c"),
        ("Or[a, And[b, c]]", "a || (b && c)"),
        ("And[Or[a, b], c]", "(a || b) && c"),
        ("Or[And[a, b], And[Not[a], Not[b]]]", "(a && b) || ( !a &&  !b)"),
        ("Not[a]", " !a"),
        ("Not[Not[a]]", " ! !a"),
        ("And[Not[a], b]", " !a && b"),
        ("Not[And[a, b]]", " !(a && b)"),
        ("Not[Xnor[a, b]]", " !(Xnor[a, b])"),
        ("Nand[Nand[a, Not[b]], Nand[Not[a], b]]", "Nand[Nand[a,  !b], Nand[ !a, b]]"),
        ("Implies[a, b]", "Implies[a, b]"),
        // Functional operators.
        ("Map[f, x]", "f /@ x"),
        ("MapAll[f, x]", "f //@ x"),
        ("Apply[f, x]", "f @@ x"),
        ("Apply[f, x, List[1]]", "f @@@ x"),
        ("Apply[f, x, List[2]]", "Apply[f, x, {2}]"),
        ("MapApply[f, x]", "f @@@ x"),
        ("Apply[f, Plus[a, b]]", "f @@ (a + b)"),
        ("Apply[f, Times[a, b]]", "f @@ (a*b)"),
        ("Apply[f, Power[a, 2]]", "f @@ a^2"),
        ("Map[f, Times[a, b]]", "f /@ (a*b)"),
        ("Plus[Map[f, a], b]", "f /@ a + b"),
        ("Map[Function[f], g[h]]", "(f & ) /@ g[h]"),
        ("Apply[f[g], h]", "f[g] @@ h"),
        ("Composition[f, g]", "f @* g"),
        ("Composition[f, g, h]", "f @* g @* h"),
        ("RightComposition[f, g]", "f /* g"),
        ("Composition[f, g][x]", "(f @* g)[x]"),
        // Products that are not Times.
        ("Dot[a, b]", "a . b"),
        ("Dot[a, Plus[b, Times[-1, c]]]", "a . (b - c)"),
        ("Dot[a, Cross[b, c]]", "a . Cross[b, c]"),
        ("NonCommutativeMultiply[x, y]", "x**y"),
        ("NonCommutativeMultiply[a, b, c]", "a**b**c"),
        ("CircleTimes[a, b]", "a ⊗ b"),
        ("CenterDot[a, b, c]", "a · b · c"),
        ("CenterDot[a, CircleTimes[b, c]]", "a · b ⊗ c"),
        // Strings.
        ("StringJoin[\"a\", b]", "StringJoin[\"a\", b]"),
        ("StringExpression[2, 3]", "2~~3"),
        ("StringExpression[\"a\", Pattern[x, Blank[]]]", "\"a\"~~x_"),
        // Postfix.
        ("Factorial[n]", "n!"),
        ("Factorial2[n]", "n!!"),
        ("Factorial[Plus[a, b]]", "(a + b)!"),
        ("Factorial2[Plus[a, b]]", "(a + b)!!"),
        ("Factorial[Factorial[a]]", "(a!)!"),
        ("Plus[1, Factorial2[Complex[0, 1]]]", "1 + I!!"),
        ("Factorial[-1]", "(-1)!"),
    ])
    func operatorsInInputForm(_ c: (String, String)) {
        #expect(printed(c.0, .input) == c.1)
    }

    @Test(arguments: [
        // Compound expressions.
        ("CompoundExpression[a, b]", "a; b"),
        ("CompoundExpression[a, b, c]", "a; b; c"),
        ("CompoundExpression[Set[a, 1], Null]", "a = 1; "),
        ("CompoundExpression[a, Null, c]", "a; Null; c"),
        ("Rule[x, CompoundExpression[Set[a, 1], Set[b, 2]]]", "x -> (a = 1; b = 2)"),
        ("f[CompoundExpression[a, b]]", "f[a; b]"),
        ("Hold[CompoundExpression[Set[b, 1], Plus[b, 2]]]", "Hold[b = 1; b + 2]"),
        ("CompoundExpression[CompoundExpression[a, b], c]", "(a; b); c"),
        // Parts.
        ("Part[a, 1]", "a[[1]]"),
        ("Part[a, 1, 2]", "a[[1,2]]"),
        ("Part[Part[a, 1], 2]", "a[[1]][[2]]"),
        ("Part[Part[a, 1, 2], 3]", "a[[1,2]][[3]]"),
        ("Part[Plus[a, b], 1]", "(a + b)[[1]]"),
        ("Part[ReplaceAll[a, RuleDelayed[b, c]], 1]", "(a /. b :> c)[[1]]"),
        ("Part[f[x], 1]", "f[x][[1]]"),
        ("Part[a]", "a[[]]"),
        // Heads that are operators are parenthesised.
        ("f[u][x]", "f[u][x]"),
        ("List[u, v][x]", "{u, v}[x]"),
        ("Plus[u, v][x]", "(u + v)[x]"),
        ("Rule[u, v][x]", "(u -> v)[x]"),
        ("RuleDelayed[u, v][x]", "(u :> v)[x]"),
        ("And[u, v][x]", "(u && v)[x]"),
        ("Or[u, v][x]", "(u || v)[x]"),
        ("Factorial[u][x]", "(u!)[x]"),
        ("Alternatives[u, v][x]", "(u | v)[x]"),
        ("Derivative[1][f][x]", "Derivative[1][f][x]"),
        ("Times[Derivative[1][f][x], Plus[1, Derivative[1][f][x]]]", "Derivative[1][f][x]*(1 + Derivative[1][f][x])"),
        // Containers and holds.
        ("List[]", "{}"),
        ("List[1, List[2, 3]]", "{1, {2, 3}}"),
        ("List[Rule[a, 1], c]", "{a -> 1, c}"),
        ("Association[Rule[a, 1], RuleDelayed[b, 2]]", "<|a -> 1, b :> 2|>"),
        ("Association[]", "<||>"),
        ("Association[x]", "Association[x]"),
        ("Hold[Set[x, 1]]", "Hold[x = 1]"),
        ("Hold[Plus[1, 1], Plus[2, 2]]", "Hold[1 + 1, 2 + 2]"),
        ("HoldForm[Plus[1, 2, 3]]", "HoldForm[1 + 2 + 3]"),
        ("f[]", "f[]"),
        ("Global`x", "x"),
        ("Developer`PackedArrayQ[x]", "Developer`PackedArrayQ[x]"),
    ])
    func structuresInInputForm(_ c: (String, String)) {
        #expect(printed(c.0, .input) == c.1)
        #expect(printed(c.0, .output) == c.1)
    }

    /// InputForm writes spans and message names as operators; the result text keeps them functional.
    @Test(arguments: [
        ("Span[1, 3]", "1 ;; 3", "Span[1, 3]"),
        ("Span[1, 10, 2]", "1 ;; 10 ;; 2", "Span[1, 10, 2]"),
        ("Span[1, All]", "1 ;; All", "Span[1, All]"),
        ("Span[1, Span[2, 3]]", "1 ;; (2 ;; 3)", "Span[1, Span[2, 3]]"),
        ("Span[u, v][x]", "(u ;; v)[x]", "Span[u, v][x]"),
        ("Part[l, Span[5, 2]]", "l[[5 ;; 2]]", "l[[Span[5, 2]]]"),
        ("Equal[a, Span[1, 3]]", "a == 1 ;; 3", "a == Span[1, 3]"),
        ("Condition[x, Span[y, 3]]", "x /; y ;; 3", "x /; Span[y, 3]"),
        ("MessageName[f, \"usage\"]", "f::usage", "MessageName[f, usage]"),
        ("MessageName[f, \"tag\", \"fr\"]", "f::tag::fr", "MessageName[f, tag, fr]"),
        ("StringExpression[a, Span[1, 3]]", "a~~1 ;; 3", "StringExpression[a, Span[1, 3]]"),
        ("Out[2]", "Out[2]", "%2"),
        ("Out[]", "Out[]", "%"),
        ("Skeleton[5]", "Skeleton[5]", "<<5>>"),
    ])
    func formDependentOperators(_ c: (String, String, String)) {
        #expect(printed(c.0, .input) == c.1)
        #expect(printed(c.0, .output) == c.2)
    }
}
