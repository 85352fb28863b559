import Testing

/// RomanNumeral, FromRomanNumeral and IntegerName (expected texts from the reference pages).
@Suite struct NumberNamesTests {
    @Test(arguments: [
        ("RomanNumeral[2023]", "MMXXIII"),
        ("RomanNumeral[0]", "N"),
        ("RomanNumeral[-14]", "XIV"),
        ("RomanNumeral[4999]", "MMMMCMXCIX"),
        ("RomanNumeral[{1, 4, 9, 40, 90, 400, 900}]", "{I, IV, IX, XL, XC, CD, CM}"),
        // From 5000 on the thousands carry a bar, one more for each factor of 1000.
        ("RomanNumeral[5000] == \"V\\:0305\"", "True"),
        ("RomanNumeral[12345] == \"X\\:0305I\\:0305I\\:0305CCCXLV\"", "True"),
        ("RomanNumeral[5000000] == \"V\\:0305\\:0305\"", "True"),
        ("RomanNumeral[x]", "RomanNumeral[x]"),
        ("FromRomanNumeral[\"MMXXIII\"]", "2023"),
        ("FromRomanNumeral[{\"mmxxiii\", \"MCMxc\", \"N\"}]", "{2023, 1990, 0}"),
        ("FromRomanNumeral[Table[RomanNumeral[n], {n, 1, 4999}]] == Range[4999]", "True"),
    ])
    func romanNumeralsFollowTheReference(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected, "\(source)")
    }

    @Test(arguments: [
        ("IntegerName[84]", "eighty-four"),
        ("IntegerName[{0, 7, 13, 20, 100, 115, 999}]",
         "{zero, seven, thirteen, twenty, one hundred, one hundred fifteen, nine hundred ninety-nine}"),
        ("IntegerName[25483]", "25 thousand 483"),
        ("IntegerName[123456789]", "123 million 456 thousand 789"),
        ("IntegerName[1000000001]", "1 billion 1"),
        ("IntegerName[-5]", "negative five"),
        ("IntegerName[123456, \"Words\"]", "one hundred twenty-three thousand, four hundred fifty-six"),
        ("IntegerName[1000000001, \"Words\"]", "one billion, one"),
        ("IntegerName[123456789123456789, \"Words\"]",
         "one hundred twenty-three quadrillion, four hundred fifty-six trillion, seven hundred eighty-nine billion, one hundred twenty-three million, four hundred fifty-six thousand, seven hundred eighty-nine"),
    ])
    func integerNameSpellsSmallNumbersAndGroupsLargeOnes(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected, "\(source)")
    }
}
