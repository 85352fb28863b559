// Strings: joining, parts, case, character codes, string patterns, regular expressions, conversion.

import Testing

struct StringsTests {
    @Test(arguments: [
        ("StringJoin[\"ab\", {\"c\", {\"d\"}}, \"e\"]", "abcde"),
        ("\"x\" <> \"y\" <> \"z\"", "xyz"),
        ("StringLength[\"héllo\"]", "5"),
        ("StringLength[{\"\", \"abc\"}]", "{0, 3}"),
        ("Characters[\"xyz\"]", "{x, y, z}"),
        ("ToUpperCase[\"miXed 1\"]", "MIXED 1"),
        ("ToLowerCase[{\"AB\", \"Cd\"}]", "{ab, cd}"),
        ("Capitalize[\"word\"]", "Word"),
        ("{LetterQ[\"ab\"], LetterQ[\"a1\"], DigitQ[\"42\"], UpperCaseQ[\"AB\"], LowerCaseQ[\"aB\"]}",
         "{True, False, True, True, False}"),
        ("ToCharacterCode[\"AZ\"]", "{65, 90}"),
        ("FromCharacterCode[{104, 105}]", "hi"),
        ("CharacterRange[\"w\", \"z\"]", "{w, x, y, z}"),
        ("StringQ[\"s\"] && !StringQ[s]", "True"),
    ])
    func basics(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected)
    }

    @Test(arguments: [
        ("StringTake[\"abcdefg\", 3]", "abc"),
        ("StringTake[\"abcdefg\", -2]", "fg"),
        ("StringTake[\"abcdefg\", {2, 4}]", "bcd"),
        ("StringTake[\"abcdefg\", {1, -1, 3}]", "adg"),
        ("StringTake[\"abcdefg\", 2 ;; 3]", "bc"),
        ("StringTake[\"abcdefg\", {{1, 2}, {6, 7}}]", "{ab, fg}"),
        ("StringTake[\"abc\", UpTo[7]]", "abc"),
        ("StringDrop[\"abcdefg\", 2]", "cdefg"),
        ("StringDrop[\"abcdefg\", {3, 5}]", "abfg"),
        ("StringPart[\"wxyz\", {1, -1}]", "{w, z}"),
        ("StringReverse[\"stressed\"]", "desserts"),
        ("StringRepeat[\"ab\", 3, 5]", "ababa"),
        ("StringInsert[\"abc\", \"-\", 2]", "a-bc"),
        ("StringPadLeft[\"7\", 3, \"0\"]", "007"),
        ("StringPadRight[\"ab\", 5, \"xy\"]", "abxyx"),
        ("StringRotateLeft[\"abcd\", 1]", "bcda"),
        ("StringRiffle[{\"p\", \"q\", \"r\"}, \"-\"]", "p-q-r"),
        ("StringRiffle[{{\"a\", \"b\"}, {\"c\"}}]", "a b\nc"),
        ("StringPartition[\"abcdefg\", 3]", "{abc, def}"),
        ("StringExtract[\"x y z\", -1]", "z"),
        ("StringExtract[\"k=v;a=b\", \";\" -> 2, \"=\" -> 1]", "a"),
    ])
    func parts(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected)
    }

    @Test(arguments: [
        ("StringMatchQ[\"hello\", \"h\" ~~ __ ~~ \"o\"]", "True"),
        ("StringMatchQ[\"Hello\", \"H*o\"]", "True"),
        ("StringMatchQ[\"abab\", x__ ~~ x__]", "True"),
        ("StringMatchQ[\"abc\", x__ ~~ x__]", "False"),
        ("StringContainsQ[\"find me\", \"me\"]", "True"),
        ("StringStartsQ[\"Prefix\", \"pre\", IgnoreCase -> True]", "True"),
        ("StringEndsQ[\"file.txt\", \".txt\"]", "True"),
        ("StringFreeQ[\"abc\", DigitCharacter]", "True"),
        ("StringCases[\"x1y22z333\", DigitCharacter ..]", "{1, 22, 333}"),
        ("StringCases[\"k=v; a=b\", w : LetterCharacter ~~ \"=\" ~~ v : LetterCharacter :> {w, v}]",
         "{{k, v}, {a, b}}"),
        ("StringCases[\"aaaa\", \"aa\", Overlaps -> True]", "{aa, aa, aa}"),
        ("StringCases[\"abc\", Shortest[__]]", "{a, b, c}"),
        ("StringCount[\"banana\", \"an\"]", "2"),
        ("StringPosition[\"banana\", \"ana\"]", "{{2, 4}, {4, 6}}"),
        ("StringReplace[\"a-b-c\", \"-\" -> \"+\"]", "a+b+c"),
        ("StringReplace[\"hello world\", w : WordCharacter .. :> Capitalize[w]]", "Hello World"),
        ("StringReplace[\"abc\", \"b\" -> x]", "StringExpression[a, x, c]"),
        ("StringReplace[\"aaa\", \"a\" -> \"b\", 2]", "bba"),
        ("StringSplit[\"one two  three\"]", "{one, two, three}"),
        ("StringSplit[\"a:b:c\", \":\", 2]", "{a, b:c}"),
        ("StringSplit[\"a1b2\", d : DigitCharacter :> d]", "{a, 1, b, 2}"),
        ("StringTrim[\"  pad  \"]", "pad"),
        ("StringTrim[\"--x--\", \"-\" ..]", "x"),
        ("StringDelete[\"a1b2\", DigitCharacter]", "ab"),
        ("StringStartsQ[\"ab\"][\"abc\"]", "True"),
        ("Select[{\"ax\", \"bx\", \"ay\"}, StringStartsQ[\"a\"]]", "{ax, ay}"),
    ])
    func patterns(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected)
    }

    @Test(arguments: [
        ("StringCases[\"tel 555-1234\", RegularExpression[\"\\\\d{3}-\\\\d{4}\"]]", "{555-1234}"),
        ("StringReplace[\"2001-02\", RegularExpression[\"(\\\\d+)-(\\\\d+)\"] -> \"$2/$1\"]", "02/2001"),
        ("StringMatchQ[\"abab\", RegularExpression[\"(ab)\\\\1\"]]", "True"),
        ("StringCases[\"a1 b2 c3\", RegularExpression[\"[a-z](?=2)\"]]", "{b}"),
        ("StringCases[\"xAyA\", RegularExpression[\"(?<=y)A\"]]", "{A}"),
        ("StringSplit[\"a, b,c\", RegularExpression[\",\\\\s*\"]]", "{a, b, c}"),
        ("StringMatchQ[\"ABC\", RegularExpression[\"(?i)abc\"]]", "True"),
        ("StringCases[\"aaab\", RegularExpression[\"a+?\"]]", "{a, a, a}"),
    ])
    func regularExpressions(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected)
    }

    @Test(arguments: [
        ("ToString[12]", "12"),
        ("ToString[\"q\", InputForm]", "\"q\""),
        ("ToString[a + b, FullForm]", "Plus[a, b]"),
        ("StringLength[ToString[1234]]", "4"),
        ("ToExpression[\"1 + 2\"]", "3"),
        ("ToExpression[\"1 + 2\", InputForm, Hold]", "Hold[1 + 2]"),
        ("ToExpression[\"x = 4; x^2\"]", "16"),
        ("IntegerString[255, 16]", "ff"),
        ("IntegerString[7, 2, 5]", "00111"),
        ("ToString[StringForm[\"`1` and `2`\", x, y]]", "x and y"),
        ("LetterNumber[\"c\"]", "3"),
        ("FromLetterNumber[2]", "b"),
    ])
    func conversion(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected)
    }

    @Test(arguments: [
        ("EditDistance[\"kitten\", \"sitting\"]", "3"),
        ("DamerauLevenshteinDistance[\"ab\", \"ba\"]", "1"),
        ("HammingDistance[\"abc\", \"abd\"]", "1"),
        ("LongestCommonSequence[\"axbyc\", \"abc\"]", "abc"),
        ("LongestCommonSubsequence[\"xxabcy\", \"abcz\"]", "abc"),
        ("LongestOrderedSequence[{4, 1, 5, 2, 6}]", "{1, 2, 6}"),
        ("PalindromeQ[\"noon\"]", "True"),
        ("CharacterCounts[\"abb\"]", "<|b -> 2, a -> 1|>"),
        ("TemplateApply[\"`a` and `b`\", <|\"a\" -> 1, \"b\" -> 2|>]", "1 and 2"),
        ("TemplateApply[\"<* 6*7 *>!\"]", "42!"),
        ("StringTemplate[\"`1`-`2`\"][x, y]", "x-y"),
        ("URLQueryEncode[{\"k\" -> \"a b\"}]", "k=a+b"),
        ("URLQueryDecode[\"k=a%20b\"]", "{k -> a b}"),
        ("InsertLinebreaks[\"aa bb cc\", 5]", "aa bb\ncc"),
    ])
    func text(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected)
    }

    @Test func syntaxErrorGivesFailed() {
        #expect(evaluate("ToExpression[\"1 +* \"]") == "$Failed")
    }

    @Test func badRepeatCountGivesMessage() {
        let (output, result) = evaluateWithOutput("StringRepeat[\"a\", -2]")
        #expect(output.contains("StringRepeat::intp"))
        #expect(result == "StringRepeat[a, -2]")
    }
}
